/** D1 repository for the coach's calendar and meeting connections (sealed credentials, in use or retired) and the holds pending deletes keep on them. */
import type { Sealed } from '../auth/crypto';
import type { CalendarProviderName } from '../providers/types';
import { first, run, sql, type Query } from './sql';

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
  /** When the coach stopped using it (switched or disconnected); null while in use. */
  retired_at: number | null;
};

/** Which connections a lookup may return: only the one in use, or a retired one too (to delete what it created). */
export type ConnectionUse = 'active' | 'any';

/** The coach's connection to one provider, or null. */
export const getConnection = (db: D1Database, coachId: string, provider: ConnectionProvider, use: ConnectionUse = 'active') =>
  first<ConnectionRow>(sql(db)`SELECT * FROM calendar_connections WHERE coach_id = ${coachId} AND provider = ${provider} AND (${use} = 'any' OR retired_at IS NULL)`);

/** Stores a connection as in use (connecting again un-retires it). */
export const upsertConnection = (db: D1Database, coachId: string, provider: ConnectionProvider, sealed: Sealed, calendarId: string | null, nowMs: number): Query =>
  sql(db)`INSERT INTO calendar_connections (coach_id, provider, key_id, iv, credentials_ciphertext, calendar_id, updated_at, retired_at)
    VALUES (${coachId}, ${provider}, ${sealed.keyId}, ${sealed.iv}, ${sealed.data}, ${calendarId}, ${nowMs}, NULL)
    ON CONFLICT (coach_id, provider) DO UPDATE SET key_id = excluded.key_id, iv = excluded.iv, credentials_ciphertext = excluded.credentials_ciphertext,
      calendar_id = excluded.calendar_id, updated_at = excluded.updated_at, retired_at = NULL`;

/** Retires the coach's calendar connections (google, microsoft) other than `keep`; they stay until `dropUnusedRetired` finds them unused. */
export const retireCalendars = (db: D1Database, coachId: string, keep: ConnectionProvider | null, nowMs: number): Query =>
  sql(db)`UPDATE calendar_connections SET retired_at = ${nowMs}
    WHERE coach_id = ${coachId} AND provider IN ('google', 'microsoft') AND provider != coalesce(${keep}, '') AND retired_at IS NULL`;

/** Retires the coach's Zoom connection: no new meetings, but the meetings made with it can still be deleted. */
export const retireZoom = (db: D1Database, coachId: string, nowMs: number): Query =>
  sql(db)`UPDATE calendar_connections SET retired_at = ${nowMs} WHERE coach_id = ${coachId} AND provider = 'zoom' AND retired_at IS NULL`;

/** Switches the calendar the coach's sessions are written to. */
export const setCalendarProvider = (db: D1Database, coachId: string, provider: CalendarProviderName): Query =>
  sql(db)`UPDATE coaches SET calendar_provider = ${provider} WHERE id = ${coachId}`;

/**
 * Deletes retired connections nothing needs any more: no calendar_events row points at an event or meeting made with it, no
 * queued delete holds it, and no sync job of the coach holds a lease (one that read the old connection before the switch may
 * still record an event made with it). `coachId` null sweeps every coach (cron).
 */
export const dropUnusedRetired = (db: D1Database, coachId: string | null, nowMs: number): Query =>
  sql(db)`DELETE FROM calendar_connections WHERE retired_at IS NOT NULL AND (${coachId} IS NULL OR coach_id = ${coachId})
    AND NOT EXISTS (SELECT 1 FROM calendar_events ce WHERE ce.coach_id = calendar_connections.coach_id
      AND ((ce.provider = calendar_connections.provider AND ce.external_id IS NOT NULL) OR (ce.meeting_provider = calendar_connections.provider AND ce.meeting_id IS NOT NULL)))
    AND NOT EXISTS (SELECT 1 FROM calendar_delete_holds h WHERE h.coach_id = calendar_connections.coach_id AND h.provider = calendar_connections.provider)
    AND NOT EXISTS (SELECT 1 FROM calendar_events ce WHERE ce.coach_id = calendar_connections.coach_id AND ce.lease_until > ${nowMs})`;

/** Re-seals refreshed credentials of a connection, in use or retired (the adapters' `saveToken`). */
export const updateCredentials = (db: D1Database, coachId: string, provider: ConnectionProvider, sealed: Sealed, nowMs: number) =>
  run(sql(db)`UPDATE calendar_connections SET key_id = ${sealed.keyId}, iv = ${sealed.iv}, credentials_ciphertext = ${sealed.data}, updated_at = ${nowMs}
    WHERE coach_id = ${coachId} AND provider = ${provider}`);

/** A queued delete job's claim on one connection: `jobKey` is the SHA-256 of the job id (no external ids are kept). */
export type DeleteHold = { coachId: string; provider: ConnectionProvider; jobKey: string };

/** Records holds before their delete jobs are enqueued (a repeated job id adds nothing). */
export async function addDeleteHolds(db: D1Database, holds: DeleteHold[], nowMs: number): Promise<void> {
  if (holds.length === 0) return;
  await run(sql(db)`INSERT OR IGNORE INTO calendar_delete_holds (coach_id, provider, job_key, created_at)
    SELECT json_extract(value, '$.coachId'), json_extract(value, '$.provider'), json_extract(value, '$.jobKey'), ${nowMs} FROM json_each(${JSON.stringify(holds)})`);
}

/** Removes the holds of a delete job that finished (or gave up). */
export const releaseDeleteHolds = (db: D1Database, coachId: string, jobKey: string): Query =>
  sql(db)`DELETE FROM calendar_delete_holds WHERE coach_id = ${coachId} AND job_key = ${jobKey}`;

/** Forgets holds older than `beforeMs`: their jobs cannot still be queued (the Queue keeps messages at most 14 days). */
export const sweepDeleteHolds = (db: D1Database, beforeMs: number) => run(sql(db)`DELETE FROM calendar_delete_holds WHERE created_at < ${beforeMs}`);
