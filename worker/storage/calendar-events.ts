/** D1 repository for `calendar_events`: what the outbox created per session, the sync job's lease, and the session's calendar status. */
import type { Session } from '../../shared/protocol';
import { all, batch, first, run, sql, type Query } from './sql';
import { MAX_SESSION_MS } from './time';

/** What we wrote to the coach's calendar (and Zoom) for one session. */
export type CalendarEventRow = {
  session_id: string;
  coach_id: string;
  provider: string;
  /** The connection generation (calendar_connections.id) that made `external_id`; null for the local calendar or while nothing is made. */
  connection_id: number | null;
  external_id: string | null;
  etag: string | null;
  create_started_at: number | null;
  meeting_provider: string | null;
  /** The connection generation that made `meeting_id`. */
  meeting_connection_id: number | null;
  meeting_id: string | null;
  meeting_url: string | null;
  content_hash: string | null;
  meeting_hash: string | null;
  /** When a meeting create was last sent while no meeting was recorded (cleared once one is): its answer may have been lost. */
  meeting_create_started_at: number | null;
  synced_seq: number | null;
  synced_at: number | null;
  last_error: string | null;
  lease_until: number | null;
};

/** How long one sync job may hold a session before another may take over (a crashed job's lease runs out). */
export const LEASE_MS = 120_000;

/**
 * Claims the session for one sync job: creates its row on first use, then takes the lease unless another job holds it.
 * Returns the row (with `lease_until` = the lease taken), `'busy'` when another job holds it, or null when the session is gone.
 */
export async function claimCalendarEvent(db: D1Database, sessionId: string, provider: string, nowMs: number): Promise<CalendarEventRow | 'busy' | null> {
  const q = sql(db);
  const lease = nowMs + LEASE_MS;
  const [, claimed, exists] = await batch(db, [
    q`INSERT INTO calendar_events (session_id, coach_id, provider) SELECT id, coach_id, ${provider} FROM sessions WHERE id = ${sessionId}
      ON CONFLICT (session_id) DO NOTHING`,
    q`UPDATE calendar_events SET lease_until = ${lease} WHERE session_id = ${sessionId} AND (lease_until IS NULL OR lease_until <= ${nowMs}) RETURNING *`,
    q`SELECT 1 AS one FROM calendar_events WHERE session_id = ${sessionId}`,
  ]);
  const row = claimed?.results[0] as CalendarEventRow | undefined;
  if (row) return row;
  return exists?.results.length ? 'busy' : null;
}

/** Gives the lease back (only the one this job took). */
export const releaseLease = (db: D1Database, sessionId: string, lease: number) =>
  run(sql(db)`UPDATE calendar_events SET lease_until = NULL WHERE session_id = ${sessionId} AND lease_until = ${lease}`);

/**
 * Records a just-created meeting, and the connection generation that made it, at once, so a retried job reuses it instead of
 * creating a second one (Zoom has no idempotency key).
 */
export const recordMeeting = (db: D1Database, sessionId: string, meetingProvider: string, connectionId: number, meetingId: string, meetingUrl: string, meetingHash: string | null) =>
  run(sql(db)`UPDATE calendar_events SET meeting_provider = ${meetingProvider}, meeting_connection_id = ${connectionId}, meeting_id = ${meetingId}, meeting_url = ${meetingUrl},
    meeting_hash = ${meetingHash}, meeting_create_started_at = NULL WHERE session_id = ${sessionId}`);

/** Notes that a meeting create is about to be sent (Zoom may make the meeting even when its answer never reaches us). */
export const markMeetingCreateStarted = (db: D1Database, sessionId: string, nowMs: number) =>
  run(sql(db)`UPDATE calendar_events SET meeting_create_started_at = ${nowMs} WHERE session_id = ${sessionId}`);

/** Notes that a create call is about to be made (the provider may keep the event even when its answer never reaches us). */
export const markCreateStarted = (db: D1Database, sessionId: string, nowMs: number) =>
  run(sql(db)`UPDATE calendar_events SET create_started_at = ${nowMs} WHERE session_id = ${sessionId}`);

/**
 * Records a just-created calendar event and the connection generation that made it (null: local) at once, before any follow-up
 * call, so a retried job updates it instead.
 */
export const recordCreated = (db: D1Database, sessionId: string, provider: string, externalId: string, etag: string | null, contentHash: string, connectionId: number | null = null) =>
  run(sql(db)`UPDATE calendar_events SET provider = ${provider}, connection_id = ${connectionId}, external_id = ${externalId}, etag = ${etag}, content_hash = ${contentHash}
    WHERE session_id = ${sessionId}`);

/** Forgets the event of a calendar or connection the coach no longer uses (its deletion was handed to the outbox). */
export const forgetEvent = (db: D1Database, sessionId: string, provider: string) =>
  run(sql(db)`UPDATE calendar_events SET provider = ${provider}, connection_id = NULL, external_id = NULL, etag = NULL, content_hash = NULL, create_started_at = NULL
    WHERE session_id = ${sessionId}`);

/** Forgets the recorded meeting (it was deleted on the host's side, or the coach stopped using that host or connection). */
export const forgetMeeting = (db: D1Database, sessionId: string) =>
  run(sql(db)`UPDATE calendar_events SET meeting_provider = NULL, meeting_connection_id = NULL, meeting_id = NULL, meeting_url = NULL, meeting_hash = NULL
    WHERE session_id = ${sessionId}`);

/**
 * The coach connected the provider again and the new generation `to` reaches the event made through `from` (same account and
 * calendar): it takes the event over, so `from` is no longer needed for it.
 */
export const adoptEvent = (db: D1Database, sessionId: string, from: number | null, to: number, etag: string | null) =>
  run(sql(db)`UPDATE calendar_events SET connection_id = ${to}, etag = coalesce(${etag}, etag) WHERE session_id = ${sessionId} AND connection_id IS ${from}`);

/** Like `adoptEvent`, for the session's meeting. */
export const adoptMeeting = (db: D1Database, sessionId: string, from: number | null, to: number) =>
  run(sql(db)`UPDATE calendar_events SET meeting_connection_id = ${to} WHERE session_id = ${sessionId} AND meeting_connection_id IS ${from}`);

/** What a successful sync leaves behind. */
export type SyncedState = Pick<
  CalendarEventRow,
  'provider' | 'connection_id' | 'external_id' | 'etag' | 'meeting_provider' | 'meeting_connection_id' | 'meeting_id' | 'meeting_url' | 'content_hash' | 'meeting_hash'
> & {
  syncedSeq: number;
  meetingHost: 'meet' | 'teams' | 'zoom' | null;
  hostMeetingId: string | null;
};

/**
 * Records a successful sync and marks the session `synced`, in one batch with `also` (e.g. the meeting links it learnt).
 * @returns false when the session's row was gone (the session was erased while the job ran)
 */
export async function recordSynced(db: D1Database, sessionId: string, s: SyncedState, nowMs: number, also: Query[] = []): Promise<boolean> {
  const q = sql(db);
  const [events] = await batch(db, [
    q`UPDATE calendar_events SET provider = ${s.provider}, connection_id = ${s.connection_id}, external_id = ${s.external_id}, etag = ${s.etag},
        meeting_provider = ${s.meeting_provider}, meeting_connection_id = ${s.meeting_connection_id}, meeting_id = ${s.meeting_id}, meeting_url = ${s.meeting_url},
        content_hash = ${s.content_hash}, meeting_hash = ${s.meeting_hash},
        synced_seq = ${s.syncedSeq}, synced_at = ${nowMs}, last_error = NULL
      WHERE session_id = ${sessionId}`,
    q`UPDATE sessions SET calendar_status = 'synced', meeting_url = ${s.meeting_url}, meeting_host = coalesce(${s.meetingHost}, meeting_host),
        meeting_id = coalesce(${s.hostMeetingId}, meeting_id)
      WHERE id = ${sessionId}`,
    ...also,
  ]);
  return (events?.meta.changes ?? 0) > 0;
}

/**
 * Records a failed attempt: the session shows `pending` (will be retried) or `failed` (needs the coach), with the provider's error.
 * A retry is as good as a request: `retryAtMs` (when the outbox will try again) keeps cron from enqueueing another one meanwhile.
 */
export const recordFailure = (db: D1Database, sessionId: string, status: Extract<Session['calendarStatus'], 'pending' | 'failed'>, error: string, retryAtMs: number | null = null) =>
  batch(db, [
    sql(db)`UPDATE calendar_events SET last_error = ${error.slice(0, 500)} WHERE session_id = ${sessionId}`,
    sql(db)`UPDATE sessions SET calendar_status = ${status}, calendar_sync_requested_at = coalesce(${retryAtMs}, calendar_sync_requested_at) WHERE id = ${sessionId}`,
  ]);

/** Marks sessions as waiting for the outbox (`pending`) and notes when, before their sync job is enqueued. */
export async function markPending(db: D1Database, sessionIds: string[], nowMs: number): Promise<void> {
  await run(sql(db)`UPDATE sessions SET calendar_status = 'pending', calendar_sync_requested_at = ${nowMs}
    WHERE id IN (SELECT value FROM json_each(${JSON.stringify(sessionIds)}))`);
}

/**
 * Sessions still `pending` whose last sync request (or, never requested, their creation) is at or before `requestedBeforeMs`
 * and that end after `endsAfterMs`: their job was probably never enqueued (a failed send) or got lost.
 */
export const stalePending = (db: D1Database, requestedBeforeMs: number, endsAfterMs: number) =>
  all<{ id: string }>(sql(db)`SELECT id FROM sessions WHERE calendar_status = 'pending' AND ends_at > ${endsAfterMs}
    AND coalesce(calendar_sync_requested_at, created_at) <= ${requestedBeforeMs} ORDER BY ends_at LIMIT 500`);

/** The row of one session, if a sync ever claimed it. */
export const getCalendarEvent = (db: D1Database, sessionId: string) => first<CalendarEventRow>(sql(db)`SELECT * FROM calendar_events WHERE session_id = ${sessionId}`);

/**
 * What a delete job names: an event and a meeting, each with the connection generation that made it. A generation of
 * `undefined` (a job queued before generations were recorded) matches any.
 */
export type ExternalRef = { externalId: string | null; connectionId: number | null | undefined; meetingId: string | null; meetingConnectionId: number | null | undefined };

/**
 * Whether a row still points at this external event or meeting of this generation (then the erasure or switch that queued its
 * delete has not committed yet). The same event id made through another generation (Google ids derive from the session) is
 * another event and does not count.
 */
export async function stillReferenced(db: D1Database, coachId: string, ref: ExternalRef): Promise<boolean> {
  const anyEvent = ref.connectionId === undefined;
  const anyMeeting = ref.meetingConnectionId === undefined;
  const row = await first<{ one: number }>(sql(db)`SELECT 1 AS one FROM calendar_events WHERE coach_id = ${coachId}
    AND ((${ref.externalId} IS NOT NULL AND external_id = ${ref.externalId} AND (${anyEvent} OR connection_id IS ${ref.connectionId ?? null}))
      OR (${ref.meetingId} IS NOT NULL AND meeting_id = ${ref.meetingId} AND (${anyMeeting} OR meeting_connection_id IS ${ref.meetingConnectionId ?? null}))) LIMIT 1`);
  return row !== null;
}

/** Rows with something outside D1 (a remote event or a meeting) for the given sessions. */
export function externalOfSessions(db: D1Database, coachId: string, sessionIds: string[]): Promise<CalendarEventRow[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return all<CalendarEventRow>({
    stmt: db
      .prepare(`SELECT * FROM calendar_events WHERE coach_id = ?1 AND session_id IN (SELECT value FROM json_each(?2))
        AND ((external_id IS NOT NULL AND provider != 'local') OR meeting_id IS NOT NULL)`)
      .bind(coachId, JSON.stringify(sessionIds)),
    text: 'externalOfSessions',
  });
}

/**
 * Sessions that ended in (sinceMs, nowMs] and changed after their last sync, or were never synced after their end:
 * the end-of-session update (new agreements) goes out once per session.
 */
export const endedSinceSync = (db: D1Database, sinceMs: number, nowMs: number) =>
  all<{ id: string; seq: number }>(sql(db)`SELECT s.id, s.seq FROM sessions s JOIN calendar_events ce ON ce.session_id = s.id
    WHERE s.ends_at > ${sinceMs} AND s.ends_at <= ${nowMs} AND ce.external_id IS NOT NULL
      AND (ce.synced_at IS NULL OR ce.synced_at < s.ends_at) AND (ce.synced_seq IS NULL OR ce.synced_seq < s.seq)
    ORDER BY s.ends_at LIMIT 500`);

/** The coach's sessions that have not ended by `nowMs` (at most 1000, soonest first): what moves when the coach switches calendars. */
export const unendedSessions = (db: D1Database, coachId: string, nowMs: number) =>
  all<{ id: string }>(sql(db)`SELECT id FROM sessions WHERE coach_id = ${coachId} AND starts_at > ${nowMs - MAX_SESSION_MS} AND ends_at > ${nowMs} ORDER BY starts_at LIMIT 1000`);

/** Rows of the given sessions whose event lives in a remote calendar other than `provider`. */
export function remoteEventsElsewhere(db: D1Database, coachId: string, sessionIds: string[], provider: string): Promise<CalendarEventRow[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return all<CalendarEventRow>(sql(db)`SELECT * FROM calendar_events WHERE coach_id = ${coachId} AND session_id IN (SELECT value FROM json_each(${JSON.stringify(sessionIds)}))
    AND external_id IS NOT NULL AND provider NOT IN ('local', ${provider})`);
}

/**
 * Forgets the given events (rows still pointing at exactly that provider, generation and id) and records `provider` as the
 * session's calendar: their deletion was handed to the outbox, the next sync creates the event there.
 */
export const forgetEvents = (db: D1Database, rows: Pick<CalendarEventRow, 'session_id' | 'provider' | 'connection_id' | 'external_id'>[], provider: string): Query => {
  const listed = JSON.stringify(rows.map((r) => [r.session_id, r.provider, r.connection_id, r.external_id]));
  // The IN on the primary key finds the listed rows; the EXISTS then checks each one still names that event.
  return sql(db)`UPDATE calendar_events SET provider = ${provider}, connection_id = NULL, external_id = NULL, etag = NULL, content_hash = NULL, create_started_at = NULL
    WHERE session_id IN (SELECT json_extract(value, '$[0]') FROM json_each(${listed}))
      AND EXISTS (SELECT 1 FROM json_each(${listed}) AS f
      WHERE json_extract(f.value, '$[0]') = calendar_events.session_id AND json_extract(f.value, '$[1]') = calendar_events.provider
        AND calendar_events.connection_id IS json_extract(f.value, '$[2]') AND json_extract(f.value, '$[3]') = calendar_events.external_id)`;
};

/**
 * Of the given sessions, those whose event or meeting was made through a retired generation of `provider`: after the coach
 * connected it again, their sync takes each over (when the new connection reaches it) or moves it.
 */
export function madeThroughRetired(db: D1Database, coachId: string, sessionIds: string[], provider: string): Promise<{ session_id: string }[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return all<{ session_id: string }>(sql(db)`SELECT session_id FROM calendar_events WHERE coach_id = ${coachId}
    AND session_id IN (SELECT value FROM json_each(${JSON.stringify(sessionIds)}))
    AND ((external_id IS NOT NULL AND connection_id IN (SELECT id FROM calendar_connections WHERE coach_id = ${coachId} AND provider = ${provider} AND retired_at IS NOT NULL))
      OR (meeting_id IS NOT NULL AND meeting_connection_id IN (SELECT id FROM calendar_connections WHERE coach_id = ${coachId} AND provider = ${provider} AND retired_at IS NOT NULL)))`);
}
