/** D1 repository for the coach's calendar and meeting connections: sealed credentials only, and the coach's calendar provider column. */
import type { Sealed } from '../auth/crypto';
import type { CalendarProviderName } from '../providers/types';
import { batch, first, run, sql } from './sql';

/** Providers a coach can connect: a calendar (google, microsoft) and a meeting host (zoom). */
export type ConnectionProvider = Exclude<CalendarProviderName, 'local'> | 'zoom';

/** A connection row as stored; `credentials_ciphertext` is AES-GCM output, never plaintext. */
export type ConnectionRow = {
  coach_id: string;
  provider: ConnectionProvider;
  key_id: string;
  iv: string;
  credentials_ciphertext: string;
  calendar_id: string | null;
  updated_at: number;
};

/** The coach's connection to one provider, or null. */
export const getConnection = (db: D1Database, coachId: string, provider: ConnectionProvider) =>
  first<ConnectionRow>(sql(db)`SELECT * FROM calendar_connections WHERE coach_id = ${coachId} AND provider = ${provider}`);

/**
 * Stores a connection. Connecting a calendar (google or microsoft) replaces the other calendar connection and switches
 * `coaches.calendar_provider`, all in one batch; connecting zoom leaves the calendar alone.
 */
export async function putConnection(db: D1Database, coachId: string, provider: ConnectionProvider, sealed: Sealed, calendarId: string | null, nowMs: number): Promise<void> {
  const q = sql(db);
  const upsert = q`INSERT INTO calendar_connections (coach_id, provider, key_id, iv, credentials_ciphertext, calendar_id, updated_at)
    VALUES (${coachId}, ${provider}, ${sealed.keyId}, ${sealed.iv}, ${sealed.data}, ${calendarId}, ${nowMs})
    ON CONFLICT (coach_id, provider) DO UPDATE SET key_id = excluded.key_id, iv = excluded.iv,
      credentials_ciphertext = excluded.credentials_ciphertext, calendar_id = excluded.calendar_id, updated_at = excluded.updated_at`;
  if (provider === 'zoom') {
    await run(upsert);
    return;
  }
  await batch(db, [
    q`DELETE FROM calendar_connections WHERE coach_id = ${coachId} AND provider IN ('google', 'microsoft') AND provider != ${provider}`,
    upsert,
    q`UPDATE coaches SET calendar_provider = ${provider} WHERE id = ${coachId}`,
  ]);
}

/** Re-seals refreshed credentials of an existing connection (the adapters' `saveToken`). */
export const updateCredentials = (db: D1Database, coachId: string, provider: ConnectionProvider, sealed: Sealed, nowMs: number) =>
  run(sql(db)`UPDATE calendar_connections SET key_id = ${sealed.keyId}, iv = ${sealed.iv}, credentials_ciphertext = ${sealed.data}, updated_at = ${nowMs}
    WHERE coach_id = ${coachId} AND provider = ${provider}`);

/**
 * Removes a connection. Removing the calendar (google or microsoft, or no provider named) puts the coach back on the embedded
 * local calendar; removing zoom only stops new Zoom meetings.
 */
export async function deleteConnection(db: D1Database, coachId: string, provider: 'calendar' | 'zoom'): Promise<void> {
  const q = sql(db);
  if (provider === 'zoom') {
    await run(q`DELETE FROM calendar_connections WHERE coach_id = ${coachId} AND provider = 'zoom'`);
    return;
  }
  await batch(db, [
    q`DELETE FROM calendar_connections WHERE coach_id = ${coachId} AND provider IN ('google', 'microsoft')`,
    q`UPDATE coaches SET calendar_provider = 'local' WHERE id = ${coachId}`,
  ]);
}
