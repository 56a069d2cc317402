/** What slot finding and booking validation need for one engagement (the coach's settings, busy time), and why a start is refused. */
import type { BookingRules, WorkingHours } from '../../shared/protocol';
import { isTimeZone } from '../../shared/protocol';
import type { Interval, SlotQuery } from '../../shared/slots/find-slots';
import { validateBookingStart, type BookingRejectReason } from '../../shared/slots/validate-booking';
import type { Env } from '../env';
import { ApiProblem, notFound } from '../http/problem';
import { loadBookingRows, type BookingContextRow, type Clearance } from '../storage/bookings';
import { externalBusy } from './busy';
import { coachDb } from '../storage/databases';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Which coach and engagement a booking is for; a coachee link or the coach's own session decides it. */
export type BookingScope = { coachId: string; engagementId: string };

/** Everything the slot finder and `validateBookingStart` take, read once. */
export type BookingInputs = {
  context: BookingContextRow;
  timeZone: string;
  workingHours: WorkingHours[];
  rules: BookingRules;
  durationMinutes: number;
  /** The coach's sessions of every engagement (busy time, and counted per local day for the daily cap). */
  own: Interval[];
  /** Busy time in the coach's external calendar. */
  external: Interval[];
};

/**
 * Reads the coach's settings, the engagement's session length and all busy time around `[fromMs, toMs)`: sessions two days either
 * side (so the daily cap sees whole local days at the edges), external busy time one day either side (longer than any session
 * plus its buffers). 404 for an unknown engagement; 409 when the coach's stored time zone is not a zone this runtime knows.
 */
export async function loadBookingInputs(env: Env, scope: BookingScope, fromMs: number, toMs: number): Promise<BookingInputs> {
  return bookingInputsOf(env, scope, await loadBookingInputRows(env, scope, fromMs, toMs), fromMs, toMs);
}

/** The D1 rows of `loadBookingInputs` (one batch), with the stored request under `idempotencyKey` when one is given. */
export const loadBookingInputRows = (env: Env, scope: BookingScope, fromMs: number, toMs: number, idempotencyKey: string | null = null) =>
  loadBookingRows(coachDb(env, scope.coachId), scope.coachId, scope.engagementId, fromMs - 2 * DAY, toMs + 2 * DAY, idempotencyKey);

/** Checks the rows of `loadBookingInputRows` and adds the external busy time (the coach's calendar, as the rows name it). */
export async function bookingInputsOf(env: Env, scope: BookingScope, rows: Awaited<ReturnType<typeof loadBookingInputRows>>, fromMs: number, toMs: number): Promise<BookingInputs> {
  if (!rows) throw notFound('Engagement');
  const { context } = rows;
  if (!isTimeZone(context.time_zone)) {
    throw new ApiProblem(409, '/problems/invalid-settings', `The coach's time zone "${context.time_zone}" is not a known IANA time zone, so no times can be offered; the coach sets a valid one (timeZone) in their profile`);
  }
  if (context.status === 'closed') throw new ApiProblem(409, '/problems/engagement-closed', 'This coaching trajectory is closed; no new sessions can be booked in it');
  const external = await externalBusy(env, scope.coachId, fromMs - DAY, toMs + DAY, context.calendar_provider);
  return {
    context,
    timeZone: context.time_zone,
    workingHours: JSON.parse(context.working_hours) as WorkingHours[],
    rules: JSON.parse(context.booking_rules) as BookingRules,
    durationMinutes: context.session_minutes,
    own: rows.sessions.map((s) => ({ startMs: s.starts_at, endMs: s.ends_at })),
    external: external.map((b) => ({ startMs: b.startMs, endMs: b.endMs })),
  };
}

/** The slot finder's query for these inputs (busy = own sessions + external busy; the daily cap counts own sessions). */
export function slotQuery(i: BookingInputs, fromMs: number, toMs: number, nowMs: number): SlotQuery {
  return { timeZone: i.timeZone, workingHours: i.workingHours, busy: [...i.own, ...i.external], fromMs, toMs, nowMs, durationMinutes: i.durationMinutes, rules: i.rules, ownSessions: i.own };
}

/** Time a booking keeps free around itself: the coach's buffers. */
export const clearanceOf = (rules: BookingRules): Clearance => ({ beforeMs: rules.bufferBeforeMinutes * MINUTE, afterMs: rules.bufferAfterMinutes * MINUTE });

/**
 * Throws when `startMs` is not a slot the finder would offer: 409 when one of the coach's own sessions is in the way (including
 * buffers), else 422 naming `startsAt` with the reason in words.
 */
export function checkStart(i: BookingInputs, startMs: number, nowMs: number): void {
  const check = validateBookingStart(slotQuery(i, startMs, startMs, nowMs), startMs);
  if (check.ok) return;
  if (check.reason === 'busy' && overlapsOwn(i, startMs)) throw overlapConflict();
  throw refusal(check.reason, i);
}

function overlapsOwn(i: BookingInputs, startMs: number): boolean {
  const { beforeMs, afterMs } = clearanceOf(i.rules);
  const endMs = startMs + i.durationMinutes * MINUTE;
  return i.own.some((s) => s.startMs < endMs + afterMs && s.endMs > startMs - beforeMs);
}

/** 409: another session of the coach lies at or too close to the requested time. */
export const overlapConflict = () =>
  new ApiProblem(409, '/problems/conflict', 'There is already a session at or too close to that time; pick another slot', [
    { in: 'body', field: 'startsAt', pointer: '#/startsAt', detail: 'overlaps another session' },
  ]);

const minutesInWords = (m: number) => (m % 60 === 0 ? `${m / 60} hour${m === 60 ? '' : 's'}` : `${m} minutes`);

/** A refused start as a 422 naming `startsAt`; the problem type names the rule (`/problems/booking-outside-hours`, …). */
export function refusal(reason: BookingRejectReason, i: BookingInputs): ApiProblem {
  const r = i.rules;
  const details: Record<BookingRejectReason, [string, string]> = {
    past: ['This time has already passed; pick a time in the future', 'lies in the past'],
    notice: [`Sessions are booked at least ${minutesInWords(r.minimumNoticeMinutes)} ahead; pick a later time`, `must be at least ${minutesInWords(r.minimumNoticeMinutes)} from now`],
    outside_hours: [`A ${i.durationMinutes}-minute session starting then does not fit in the coach's working hours (${i.timeZone})`, 'outside working hours'],
    misaligned: [`Sessions start every ${r.slotStepMinutes} minutes from the start of the working hours; pick one of the offered slots`, `not on the ${r.slotStepMinutes}-minute grid`],
    day_full: [`The coach already has ${r.maxSessionsPerDay} sessions that day, the most they take in one day; pick another day`, 'the day is full'],
    busy: ["The coach's calendar is busy at that time; pick another slot", 'the coach is busy then'],
  };
  const [detail, short] = details[reason];
  return new ApiProblem(422, `/problems/booking-${reason.replace('_', '-')}`, detail, [{ in: 'body', field: 'startsAt', pointer: '#/startsAt', detail: short }]);
}

