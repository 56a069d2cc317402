/** D1 queries for booking: what a booking is checked against, idempotency keys, and inserts that refuse an overlap inside the statement itself. */
import type { Locale } from '../../shared/protocol';
import type { CoachRow } from './coaches';
import type { EngagementRow } from './engagements';
import type { SessionRow } from './sessions';
import { batch, first, sql, type Query } from './sql';
import { MAX_SESSION_MS } from './time';

/** The coach's booking settings and the engagement (with its coachee's locale and zone) a booking is for. */
export type BookingContextRow = Pick<CoachRow, 'time_zone' | 'working_hours' | 'booking_rules' | 'calendar_provider'> &
  Pick<EngagementRow, 'id' | 'coach_id' | 'coachee_id' | 'model_id' | 'session_minutes' | 'status'> & { coachee_locale: Locale; coachee_time_zone: string };

/** A session's span, as busy time. */
export type SpanRow = { starts_at: number; ends_at: number };

/** A stored idempotency key of a booking request. */
export type BookingRequestRow = { coach_id: string; idempotency_key: string; request_hash: string; session_id: string; created_at: number };

/**
 * One D1 batch: the engagement of this coach with everything booking needs, and the coach's sessions (all engagements) overlapping
 * `[fromMs, toMs)`, and the stored request under `idempotencyKey` when one is given (found through the coach's `starts_at` index: none starts more than `MAX_SESSION_MS` before the range). `null`
 * when the engagement is unknown or another coach's.
 * @see https://developers.cloudflare.com/d1/worker-api/d1-database/#batch
 */
export async function loadBookingRows(
  db: D1Database,
  coachId: string,
  engagementId: string,
  fromMs: number,
  toMs: number,
  idempotencyKey: string | null = null,
): Promise<{ context: BookingContextRow; sessions: SpanRow[]; request: BookingRequestRow | null } | null> {
  const q = sql(db);
  const [head, spans, request] = await batch(db, [
    q`SELECT c.time_zone, c.working_hours, c.booking_rules, c.calendar_provider, e.id, e.coach_id, e.coachee_id, e.model_id, e.session_minutes, e.status,
        p.locale AS coachee_locale, p.time_zone AS coachee_time_zone
      FROM engagements e JOIN coaches c ON c.id = e.coach_id JOIN coachees p ON p.id = e.coachee_id
      WHERE e.id = ${engagementId} AND e.coach_id = ${coachId}`,
    q`SELECT starts_at, ends_at FROM sessions WHERE coach_id = ${coachId} AND starts_at > ${fromMs - MAX_SESSION_MS} AND starts_at < ${toMs} AND ends_at > ${fromMs} ORDER BY starts_at`,
    ...(idempotencyKey === null ? [] : [findBookingRequestQuery(db, coachId, idempotencyKey)]),
  ]);
  const context = head?.results[0] as BookingContextRow | undefined;
  return context ? { context, sessions: (spans?.results ?? []) as SpanRow[], request: (request?.results[0] as BookingRequestRow | undefined) ?? null } : null;
}

/** The stored request under this coach's idempotency key, or null. */
export const findBookingRequest = (db: D1Database, coachId: string, key: string) => first<BookingRequestRow>(findBookingRequestQuery(db, coachId, key));

const findBookingRequestQuery = (db: D1Database, coachId: string, key: string): Query =>
  sql(db)`SELECT * FROM booking_requests WHERE coach_id = ${coachId} AND idempotency_key = ${key}`;

/** Time to keep free around a new session: the coach's buffers for a booking, none for a session the coach plans by hand. */
export type Clearance = { beforeMs: number; afterMs: number };

/** A new session row (the phase columns take their defaults). */
export type NewSession = Omit<SessionRow, 'coachee_id' | 'current_phase' | 'phase_started_at' | 'phase_spent' | 'seq'>;

/**
 * Inserts the session only when no session of the coach lies within its clearance: the check and the insert are one statement,
 * which D1 runs atomically. Zero changes (no row returned) means the time was taken; otherwise the new row is returned. The UNIQUE (coach_id, starts_at) constraint backs this up.
 * @see https://www.sqlite.org/lang_insert.html (INSERT … SELECT)
 */
export const insertSessionIfFree = (db: D1Database, r: NewSession, clear: Clearance): Query =>
  sql(db)`INSERT INTO sessions (id, coach_id, engagement_id, starts_at, ends_at, model_id, calendar_status, meeting_host, meeting_id, meeting_url, created_at)
    SELECT ${r.id}, ${r.coach_id}, ${r.engagement_id}, ${r.starts_at}, ${r.ends_at}, ${r.model_id}, ${r.calendar_status}, ${r.meeting_host}, ${r.meeting_id}, ${r.meeting_url}, ${r.created_at}
    WHERE NOT EXISTS (SELECT 1 FROM sessions WHERE coach_id = ${r.coach_id} AND starts_at > ${r.starts_at - clear.beforeMs - MAX_SESSION_MS}
      AND starts_at < ${r.ends_at + clear.afterMs} AND ends_at > ${r.starts_at - clear.beforeMs})
    RETURNING *`;

/**
 * Adds the "review last time's agreements" agenda item to a new session, only when that session was inserted (same batch) and an
 * earlier session of the engagement still has open agreements.
 */
export const carryOverAgendaQuery = (db: D1Database, s: NewSession, item: { id: string; title: string }): Query =>
  sql(db)`INSERT INTO agenda_items (id, coach_id, session_id, title, done, position, proposed_by, created_at)
    SELECT ${item.id}, ${s.coach_id}, ${s.id}, ${item.title}, 0, 1, 'coach', ${s.created_at}
    WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ${s.id})
      AND EXISTS (SELECT 1 FROM agreements a JOIN sessions o ON o.id = a.session_id
        WHERE a.engagement_id = ${s.engagement_id} AND a.coach_id = ${s.coach_id} AND a.status = 'open' AND o.starts_at < ${s.starts_at})`;

/** Records the idempotency key of a booking, only when its session was inserted (same batch). */
export const insertBookingRequestQuery = (db: D1Database, r: BookingRequestRow): Query =>
  sql(db)`INSERT INTO booking_requests (coach_id, idempotency_key, request_hash, session_id, created_at)
    SELECT ${r.coach_id}, ${r.idempotency_key}, ${r.request_hash}, ${r.session_id}, ${r.created_at}
    WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ${r.session_id})`;

/** Forgets a key whose session no longer exists, so the key can book again. */
export const deleteBookingRequestQuery = (db: D1Database, coachId: string, key: string): Query =>
  sql(db)`DELETE FROM booking_requests WHERE coach_id = ${coachId} AND idempotency_key = ${key}`;

