/** Booking the next session, shared by the coach's and the coachee's routes: slot lists, the Idempotency-Key, and calls into the coach's CoachBooking object. */
import type { Session, SlotList } from '../../shared/protocol';
import { findSlots } from '../../shared/slots/find-slots';
import { toIsoWithOffset } from '../../shared/time/zone';
import type { Env } from '../env';
import type { BookingAnswer, PlanRequest } from '../live/coach-booking';
import { sha256Hex } from '../http/hash';
import { ApiProblem, invalidField } from '../http/problem';
import { ms } from '../storage/time';
import { afterSessionBooked } from './calendar-hooks';
import { isTimeZone, withBookingLimits } from '../../shared/protocol';
import { loadBookingInputs, slotQuery, type BookingScope } from './booking-inputs';
import { ERASE_HOOKS } from './erase';

const DAY = 86_400_000;
/** Default length of a slot list window. */
export const DEFAULT_WINDOW_DAYS = 21;
/** Longest slot list window. */
export const MAX_WINDOW_DAYS = 90;

// Erasing a coachee also forgets the idempotency keys that booked their sessions (they point at those sessions).
ERASE_HOOKS.push((ofSessions) => [`DELETE FROM booking_requests WHERE session_id IN (${ofSessions})`]);

/** The CoachBooking object of a coach: every booking and planned session of that coach goes through it. */
export const bookingOf = (env: Env, coachId: string) => {
  const ns = env.DO_JURISDICTION ? env.COACH_BOOKING.jurisdiction(env.DO_JURISDICTION) : env.COACH_BOOKING;
  return ns.get(ns.idFromName(coachId));
};

/**
 * The `Idempotency-Key` header value: required (428 when missing), 1–200 visible ASCII characters (422 otherwise).
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/
 */
export function idempotencyKey(header: string | undefined): string {
  const field = { in: 'header' as const, field: 'Idempotency-Key', pointer: '#/Idempotency-Key' };
  if (header === undefined) {
    throw new ApiProblem(428, '/problems/idempotency-key-required', 'Send an Idempotency-Key header (for example a fresh UUID) so a retried booking cannot book twice', [
      { ...field, detail: 'is required' },
    ]);
  }
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) throw invalidField('header', 'Idempotency-Key', 'must be 1 to 200 visible ASCII characters');
  return header;
}

/** The `[from, to)` window of a slot list: `from` defaults to now, `to` to `from` + 21 days; `to` after `from`, at most 90 days on. */
export function slotWindow(q: { from?: string | undefined; to?: string | undefined }, nowMs: number): { fromMs: number; toMs: number } {
  const fromMs = q.from ? ms(q.from) : nowMs;
  const toMs = q.to ? ms(q.to) : fromMs + DEFAULT_WINDOW_DAYS * DAY;
  if (toMs <= fromMs) throw invalidField('query', 'to', q.from ? 'must be after from' : 'must be after from (default: now)');
  if (toMs - fromMs > MAX_WINDOW_DAYS * DAY) throw invalidField('query', 'to', `must be at most ${MAX_WINDOW_DAYS} days after from`);
  return { fromMs, toMs };
}

/**
 * Free slots for the next session of the engagement: the coach's working hours and booking rules, minus the coach's sessions of
 * every engagement and their external busy time. Times carry the offset of the coach's zone, or for the coachee (on their link)
 * of the coachee's zone, falling back to the coach's when the coachee's is not known.
 */
export async function listSlots(env: Env, scope: BookingScope, window: { fromMs: number; toMs: number }, nowMs: number, audience: 'coach' | 'coachee' = 'coach'): Promise<SlotList> {
  const inputs = await loadBookingInputs(env, scope, window.fromMs, window.toMs);
  const coacheeZone = inputs.context.coachee_time_zone;
  const timeZone = audience === 'coachee' && isTimeZone(coacheeZone) ? coacheeZone : inputs.timeZone;
  // Never offer what booking would refuse: nothing beyond the booking horizon.
  const horizonMs = nowMs + withBookingLimits(inputs.rules).bookingHorizonDays * DAY;
  const slots = findSlots(slotQuery(inputs, window.fromMs, Math.min(window.toMs, horizonMs + 1), nowMs));
  return { timeZone, slots: slots.map((s) => ({ startsAt: toIsoWithOffset(s.startMs, timeZone), endsAt: toIsoWithOffset(s.endMs, timeZone) })) };
}

/**
 * Books the next session at `startsAt` through the coach's CoachBooking object. `via` names the route's scope (the session or
 * link it was booked from) and goes into the request hash with the start, so one key cannot mean two different requests.
 * A new booking answers 201 and runs the calendar hooks; a replay of the same key answers 200 with the session it booked.
 */
export async function bookNext(env: Env, scope: BookingScope, via: string, startsAt: string, key: string): Promise<{ status: 200 | 201; session: Session }> {
  const startMs = ms(startsAt);
  const result = unwrap(await bookingOf(env, scope.coachId).bookNext({ ...scope, startMs, idempotencyKey: key, requestHash: await requestHash(via, startMs) }));
  if (result.created) await afterSessionBooked(env, result.session.id, scope.coachId);
  return { status: result.created ? 201 : 200, session: result.session };
}

/** Plans a session as the coach asked (`POST /api/sessions`), serialised with the coach's bookings; 409 when it overlaps another. */
export async function planSession(env: Env, req: PlanRequest): Promise<Session> {
  const result = unwrap(await bookingOf(env, req.coachId).plan(req));
  await afterSessionBooked(env, result.session.id, req.coachId);
  return result.session;
}

function unwrap(a: BookingAnswer): { created: boolean; session: Session } {
  if (!a.ok) throw new ApiProblem(a.problem.status, a.problem.type, a.problem.detail, a.problem.errors);
  return a;
}

/** SHA-256 (hex) of what a booking request asks: its scope and its start instant (so `…+01:00` and the same `Z` time match). */
export const requestHash = (via: string, startMs: number): Promise<string> => sha256Hex(`${via}\n${startMs}`);
