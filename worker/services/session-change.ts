/** Cancelling and moving a session, run inside the coach's CoachBooking object so they serialise with every booking of that coach. */
import { withBookingLimits, type BookingRules, type CancelledSession, type Session } from '../../shared/protocol';
import type { Env } from '../env';
import { ApiProblem, invalidField, notFound, type FieldProblem } from '../http/problem';
import { findBookingRequest } from '../storage/bookings';
import { externalOfSessions } from '../storage/calendar-events';
import { insertCancellationQuery, openBookings, toCancelled, type CancellationRow } from '../storage/cancellations';
import { getCoach } from '../storage/coaches';
import { coachDb } from '../storage/databases';
import { getEngagement } from '../storage/engagements';
import { getSession, toSession, type SessionRow } from '../storage/sessions';
import { all, batch, sql, StorageError, type Query } from '../storage/sql';
import { deleteJob, enqueueDeletes } from './calendar-outbox';
import { ERASE_HOOKS } from './erase';
import { roomOf } from './room';

const DAY = 86_400_000;

// Erasing a coachee also removes their intake answers and the record of their cancelled sessions.
ERASE_HOOKS.push((_ofSessions, ofEngagements) => [
  `DELETE FROM intake_answers WHERE engagement_id IN (${ofEngagements})`,
  `DELETE FROM session_cancellations WHERE engagement_id IN (${ofEngagements})`,
]);
const HOUR = 3_600_000;

/** Who cancels: the coach (any upcoming session) or the coachee from their link (their trajectory, up to the cancellation notice). */
export type CancelRequest = { coachId: string; sessionId: string; by: 'coach' | 'coachee'; reason: string; engagementId?: string };

/** Move a session to `startMs` (same length); a repeated `idempotencyKey` with the same `requestHash` answers the first move. */
export type MoveRequest = { coachId: string; sessionId: string; startMs: number; idempotencyKey: string; requestHash: string };

/** A problem as plain data (errors thrown across RPC keep only their message). */
export type ChangeProblem = { status: number; type: string; detail: string; errors: FieldProblem[] };
/** What the object answers: the result, or a problem to rethrow on the caller's side. */
export type ChangeAnswer<T> = { ok: true; value: T } | { ok: false; problem: ChangeProblem };

/**
 * Statements other parts add to a cancellation, for their rows about the session (e.g. touchpoints of the session, linked host
 * meetings): each gets the session id and coach id and runs in the same batch, before the session row goes.
 */
export const CANCEL_HOOKS: ((db: D1Database, sessionId: string, coachId: string) => Query[])[] = [];

/** Turns a thrown ApiProblem into data; anything else stays an error (→ 500, nothing written). */
export async function changeAnswer<T>(fn: () => Promise<T>): Promise<ChangeAnswer<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (e instanceof ApiProblem) return { ok: false, problem: { status: e.status, type: e.type, detail: e.detail, errors: e.errors } };
    throw e;
  }
}

/** The value of an answer, or its problem thrown again. */
export function unwrapChange<T>(a: ChangeAnswer<T>): T {
  if (!a.ok) throw new ApiProblem(a.problem.status, a.problem.type, a.problem.detail, a.problem.errors);
  return a.value;
}

/** The coach's booking rules with every limit filled in. */
export async function rulesOf(env: Env, coachId: string): Promise<Required<BookingRules>> {
  const coach = await getCoach(coachDb(env, coachId), coachId);
  if (!coach) throw notFound('Coach');
  return withBookingLimits(JSON.parse(coach.booking_rules) as BookingRules);
}

const started = () => new ApiProblem(409, '/problems/session-started', 'This session has already started or taken place; it can no longer be cancelled or moved');
const closed = () => new ApiProblem(409, '/problems/engagement-closed', 'This coaching trajectory is closed; its sessions can no longer be changed');

/**
 * The booking limits of every path that books from free slots or moves a session: not beyond the booking horizon, and (for a
 * new booking) no more upcoming sessions in the trajectory than the coach allows.
 */
export async function checkBookingLimits(env: Env, scope: { coachId: string; engagementId: string }, startMs: number, nowMs: number, rules: BookingRules, newBooking: boolean): Promise<void> {
  const limits = withBookingLimits(rules);
  if (startMs > nowMs + limits.bookingHorizonDays * DAY) {
    throw new ApiProblem(422, '/problems/booking-beyond-horizon', `Sessions are booked at most ${limits.bookingHorizonDays} days ahead; pick an earlier time`, [
      { in: 'body', field: 'startsAt', pointer: '#/startsAt', detail: `must be within ${limits.bookingHorizonDays} days from now` },
    ]);
  }
  if (newBooking && (await openBookings(coachDb(env, scope.coachId), scope.coachId, scope.engagementId, nowMs)) >= limits.maxOpenBookings) {
    const n = limits.maxOpenBookings;
    throw new ApiProblem(409, '/problems/booking-limit', `This trajectory already has ${n} upcoming session${n === 1 ? '' : 's'} booked, the most it may hold at a time; cancel or wait for ${n === 1 ? 'it' : 'one'} before booking another`, [
      { in: 'body', field: 'startsAt', pointer: '#/startsAt', detail: `at most ${n} upcoming session${n === 1 ? '' : 's'} per trajectory` },
    ]);
  }
}

/**
 * Cancels an upcoming session: keeps a cancellation record, marks its local calendar event cancelled (a higher SEQUENCE, so
 * feeds and the CANCEL invite withdraw it), hands events in other calendars (and a Zoom meeting) to the outbox for deletion,
 * and removes the session with its agenda and notes in one batch; then clears its room (and its op log). Agreements of earlier
 * sessions are untouched, so open ones carry over to the next session of the trajectory.
 */
export async function cancelSessionNow(env: Env, req: CancelRequest, nowMs = Date.now()): Promise<CancelledSession> {
  const db = coachDb(env, req.coachId);
  const s = await getSession(db, req.coachId, req.sessionId);
  if (!s || (req.engagementId !== undefined && s.engagement_id !== req.engagementId)) throw notFound('Session');
  if (s.starts_at <= nowMs) throw started();
  if (req.by === 'coachee') {
    const { cancellationNoticeHours } = await rulesOf(env, req.coachId);
    if (s.starts_at - nowMs < cancellationNoticeHours * HOUR) {
      throw new ApiProblem(409, '/problems/cancellation-too-late', `Sessions can be cancelled here up to ${cancellationNoticeHours} hours before they start; please contact your coach`);
    }
  }
  const own = await all<{ n: number }>(sql(db)`SELECT COUNT(*) AS n FROM agreements WHERE session_id = ${s.id} AND coach_id = ${req.coachId}`);
  if ((own[0]?.n ?? 0) > 0) throw new ApiProblem(409, '/problems/session-has-agreements', 'Agreements were already made in this session; move it instead of cancelling it');

  await enqueueDeletes(env, (await externalOfSessions(db, req.coachId, [s.id])).map(deleteJob), nowMs);
  const record: CancellationRow = { id: s.id, coach_id: s.coach_id, engagement_id: s.engagement_id, starts_at: s.starts_at, ends_at: s.ends_at, cancelled_by: req.by, reason: req.reason, cancelled_at: nowMs };
  const q = sql(db);
  const results = await batch(db, [
    insertCancellationQuery(db, record),
    q`UPDATE local_events SET status = 'cancelled', sequence = sequence + 1, updated_at = ${nowMs} WHERE coach_id = ${s.coach_id} AND id = ${s.id} AND status = 'confirmed'`,
    q`DELETE FROM calendar_events WHERE session_id = ${s.id}`,
    q`DELETE FROM booking_requests WHERE session_id = ${s.id}`,
    q`DELETE FROM notes WHERE session_id = ${s.id}`,
    q`DELETE FROM agenda_items WHERE session_id = ${s.id}`,
    ...CANCEL_HOOKS.flatMap((hook) => hook(db, s.id, s.coach_id)),
    q`DELETE FROM sessions WHERE id = ${s.id} AND coach_id = ${s.coach_id} AND starts_at = ${s.starts_at}`,
  ]);
  if (results[results.length - 1]?.meta.changes !== 1) throw new Error(`session ${s.id} changed while it was cancelled`);
  await roomOf(env, s.id).erase();
  return toCancelled(record);
}

/**
 * Moves an upcoming session to a new start, keeping its length, id, agenda and calendar event (the sync job then moves the
 * event: a REQUEST with the same UID and a higher SEQUENCE). The update refuses an overlap with any other session of the coach
 * inside its statement; UNIQUE (coach_id, starts_at) backs it up. The key is recorded in the same batch, only when the move landed.
 * `fromMs` is the start before the move (for the notice to the coachee).
 */
export async function moveSessionNow(env: Env, req: MoveRequest, nowMs = Date.now()): Promise<{ moved: boolean; session: Session; fromMs: number }> {
  const db = coachDb(env, req.coachId);
  const earlier = await findBookingRequest(db, req.coachId, req.idempotencyKey);
  if (earlier && earlier.request_hash !== req.requestHash) {
    throw new ApiProblem(422, '/problems/idempotency-key-reused', 'This Idempotency-Key was already used for a different request; use a new key for a new request', [
      { in: 'header', field: 'Idempotency-Key', pointer: '#/Idempotency-Key', detail: 'was used with another request body' },
    ]);
  }
  const s = await getSession(db, req.coachId, req.sessionId);
  if (!s) throw notFound('Session');
  if (earlier) return { moved: false, session: toSession(s), fromMs: s.starts_at };
  if (s.starts_at <= nowMs) throw started();
  if (req.startMs <= nowMs) throw invalidField('body', 'startsAt', 'lies in the past');
  const engagement = await getEngagement(db, req.coachId, s.engagement_id);
  if (!engagement || engagement.status === 'closed') throw closed();
  await checkBookingLimits(env, { coachId: req.coachId, engagementId: s.engagement_id }, req.startMs, nowMs, await rulesOf(env, req.coachId), false);
  const endMs = req.startMs + (s.ends_at - s.starts_at);
  const q = sql(db);
  let results: D1Result[];
  try {
    results = await batch(db, [
      q`UPDATE sessions SET starts_at = ${req.startMs}, ends_at = ${endMs}, calendar_status = 'pending'
        WHERE id = ${s.id} AND coach_id = ${s.coach_id} AND starts_at = ${s.starts_at}
          AND NOT EXISTS (SELECT 1 FROM sessions o WHERE o.coach_id = ${s.coach_id} AND o.id != ${s.id} AND o.starts_at < ${endMs} AND o.ends_at > ${req.startMs})`,
      q`INSERT INTO booking_requests (coach_id, idempotency_key, request_hash, session_id, created_at)
        SELECT ${req.coachId}, ${req.idempotencyKey}, ${req.requestHash}, ${s.id}, ${nowMs} WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ${s.id} AND starts_at = ${req.startMs})`,
    ]);
  } catch (e) {
    if (e instanceof StorageError && e.isUniqueViolation) throw overlap();
    throw e;
  }
  if (results[0]?.meta.changes !== 1) throw overlap();
  const row = (await getSession(db, req.coachId, s.id)) as SessionRow;
  return { moved: true, session: toSession(row), fromMs: s.starts_at };
}

const overlap = () =>
  new ApiProblem(409, '/problems/conflict', 'There is already a session at that time; pick another time', [{ in: 'body', field: 'startsAt', pointer: '#/startsAt', detail: 'overlaps another session' }]);
