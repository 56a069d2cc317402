/** D1 repository for the coach's calendar and meeting connections (one row per generation, sealed credentials, in use or retired) and the holds pending deletes keep on them. */
import type { Sealed } from '../auth/crypto';
import type { CalendarProviderName } from '../providers/types';
import { first, run, sql, type Query } from './sql';

/** Providers a coach can connect: a calendar (google, microsoft) and a meeting host (zoom). */
export type ConnectionProvider = Exclude<CalendarProviderName, 'local'> | 'zoom';

/**
 * A connection row as stored; `credentials_ciphertext` is AES-GCM output, never plaintext. Every connect makes a new row (a
 * generation, `id`): events and meetings name the generation that made them, so they are reached through that account and
 * calendar even after the coach connected the same provider again.
 */
export type ConnectionRow = {
  id: number;
  coach_id: string;
  provider: ConnectionProvider;
  key_id: string;
  iv: string;
  credentials_ciphertext: string;
  calendar_id: string | null;
  updated_at: number;
  /** When the coach stopped using it (switched, disconnected or connected the provider again); null while in use. */
  retired_at: number | null;
  /** When the provider last refused the grant (revoked, expired): the coach is asked to reconnect. */
  reconnect_since?: number | null;
  /** When the coach disconnected it: revoked at the provider once unused, then dropped. */
  revoke_requested_at?: number | null;
};

/**
 * Which connection a lookup returns: the one in use, one generation by id (in use or retired: to update or delete what it made),
 * or `latest`, the newest generation in use or retired (only for delete jobs queued before generations were recorded).
 */
export type ConnectionRef = 'active' | 'latest' | number;

/** The coach's connection to one provider, or null. A generation id of another coach or provider finds nothing. */
export function getConnection(db: D1Database, coachId: string, provider: ConnectionProvider, ref: ConnectionRef = 'active') {
  const q = sql(db);
  if (ref === 'active') return first<ConnectionRow>(q`SELECT * FROM calendar_connections WHERE coach_id = ${coachId} AND provider = ${provider} AND retired_at IS NULL`);
  if (ref === 'latest') return first<ConnectionRow>(q`SELECT * FROM calendar_connections WHERE coach_id = ${coachId} AND provider = ${provider} ORDER BY id DESC LIMIT 1`);
  return first<ConnectionRow>(q`SELECT * FROM calendar_connections WHERE id = ${ref} AND coach_id = ${coachId} AND provider = ${provider}`);
}

/**
 * Stores a new generation of the coach's connection to `provider`, in use; the one in use before (if any) is retired in the same
 * two statements (run them in one batch) and stays until `dropUnusedRetired` finds it unused.
 */
export const insertConnection = (db: D1Database, coachId: string, provider: ConnectionProvider, sealed: Sealed, calendarId: string | null, nowMs: number): Query[] => [
  sql(db)`UPDATE calendar_connections SET retired_at = ${nowMs} WHERE coach_id = ${coachId} AND provider = ${provider} AND retired_at IS NULL`,
  sql(db)`INSERT INTO calendar_connections (coach_id, provider, key_id, iv, credentials_ciphertext, calendar_id, updated_at, retired_at)
    VALUES (${coachId}, ${provider}, ${sealed.keyId}, ${sealed.iv}, ${sealed.data}, ${calendarId}, ${nowMs}, NULL)`,
];

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
 * Deletes retired generations nothing needs any more: no calendar_events row points at an event or meeting made with it, no
 * queued delete holds it, and no sync job of the coach holds a lease (one that read it before the switch may still record an
 * event made with it). `coachId` null sweeps every coach (cron).
 */
export const dropUnusedRetired = (db: D1Database, coachId: string | null, nowMs: number): Query => {
  // Two statements rather than `(?2 IS NULL OR coach_id = ?2)`, which no index serves: per coach by coach, for cron by retired_at.
  const text =
    coachId === null
      ? `DELETE FROM calendar_connections WHERE retired_at IS NOT NULL AND revoke_requested_at IS NULL ${UNUSED}`
      : `DELETE FROM calendar_connections WHERE coach_id = ?2 AND retired_at IS NOT NULL AND revoke_requested_at IS NULL ${UNUSED}`;
  return { stmt: db.prepare(text).bind(...(coachId === null ? [nowMs] : [nowMs, coachId])), text };
};

/** What makes a retired generation unused (`?1` = now): no event, meeting, delete hold or running sync of the coach needs it. */
const UNUSED = `AND NOT EXISTS (SELECT 1 FROM calendar_events ce WHERE ce.connection_id = calendar_connections.id AND ce.external_id IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM calendar_events ce WHERE ce.meeting_connection_id = calendar_connections.id AND ce.meeting_id IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM calendar_delete_holds h WHERE h.connection_id = calendar_connections.id)
    AND NOT EXISTS (SELECT 1 FROM calendar_events ce WHERE ce.coach_id = calendar_connections.coach_id AND ce.lease_until > ?1)`;

/**
 * Re-seals refreshed credentials of one generation (the adapters' `saveToken`), compare-and-set: only while the row still holds
 * what this caller last read or wrote (`expectedIv`; every seal has a fresh IV). A newer generation is never touched, nor
 * credentials another refresh of the same generation stored meanwhile.
 * @returns whether the row was written
 */
export async function updateCredentials(db: D1Database, row: Pick<ConnectionRow, 'id' | 'coach_id' | 'provider'>, expectedIv: string, sealed: Sealed, nowMs: number): Promise<boolean> {
  const result = await run(sql(db)`UPDATE calendar_connections SET key_id = ${sealed.keyId}, iv = ${sealed.iv}, credentials_ciphertext = ${sealed.data}, updated_at = ${nowMs}
    WHERE id = ${row.id} AND coach_id = ${row.coach_id} AND provider = ${row.provider} AND iv = ${expectedIv}`);
  return (result.meta.changes ?? 0) > 0;
}

/** A queued delete job's claim on one connection generation: `jobKey` is the SHA-256 of the job id (no external ids are kept). */
export type DeleteHold = { coachId: string; provider: ConnectionProvider; connectionId: number; jobKey: string };

/** Records holds before their delete jobs are enqueued (a repeated job id adds nothing). */
export async function addDeleteHolds(db: D1Database, holds: DeleteHold[], nowMs: number): Promise<void> {
  if (holds.length === 0) return;
  await run(sql(db)`INSERT OR IGNORE INTO calendar_delete_holds (coach_id, provider, connection_id, job_key, created_at)
    SELECT json_extract(value, '$.coachId'), json_extract(value, '$.provider'), json_extract(value, '$.connectionId'), json_extract(value, '$.jobKey'), ${nowMs}
    FROM json_each(${JSON.stringify(holds)})`);
}

/** The generation a delete job's hold on `provider` names, or null (for jobs queued before generations were recorded). */
export async function heldConnection(db: D1Database, coachId: string, provider: ConnectionProvider, jobKey: string): Promise<number | null> {
  const row = await first<{ connection_id: number | null }>(sql(db)`SELECT connection_id FROM calendar_delete_holds
    WHERE coach_id = ${coachId} AND provider = ${provider} AND job_key = ${jobKey}`);
  return row?.connection_id ?? null;
}

/** Removes the holds of a delete job that finished (or gave up). */
export const releaseDeleteHolds = (db: D1Database, coachId: string, jobKey: string): Query =>
  sql(db)`DELETE FROM calendar_delete_holds WHERE coach_id = ${coachId} AND job_key = ${jobKey}`;

/** Forgets holds older than `beforeMs`: their jobs cannot still be queued (the Queue keeps messages at most 14 days). */
export const sweepDeleteHolds = (db: D1Database, beforeMs: number) => run(sql(db)`DELETE FROM calendar_delete_holds WHERE created_at < ${beforeMs}`);
