/** Busy time from the coach's external calendar, as slot finding and booking validation see it. */
import type { Env } from '../env';
import { ApiProblem } from '../http/problem';
import { ProviderError } from '../providers/types';
import { getCoach, type CoachRow } from '../storage/coaches';
import { calendarProviderOf } from './calendar-connection';
import { coachDb } from '../storage/databases';

/**
 * Busy intervals (epoch ms, half-open `[startMs, endMs)`, sorted and merged) in the coach's connected calendar between `fromMs`
 * and `toMs`. Events of sessions we booked ourselves may be included: they are busy in D1 as well, and a booking that overlaps
 * one of our own sessions is answered 409 before external busy time is looked at. The local calendar answers `[]`: its events
 * are our own sessions, already counted.
 *
 * Fails closed: when the provider cannot answer (down, throttled, access revoked) this throws a 503 problem
 * `/problems/calendar-unavailable`, so no slot is offered or booked that might be busy. `provider` is the coach's calendar when
 * the caller has already read it (else it is read here). Slot listing and booking (inside the
 * coach's CoachBooking Durable Object) call it.
 * @see https://developers.google.com/workspace/calendar/api/v3/reference/freebusy/query
 * @see https://learn.microsoft.com/en-us/graph/api/calendar-getschedule
 */
export async function externalBusy(env: Env, coachId: string, fromMs: number, toMs: number, provider?: CoachRow['calendar_provider']): Promise<{ startMs: number; endMs: number }[]> {
  const name = provider ?? (await getCoach(coachDb(env, coachId), coachId))?.calendar_provider;
  if (!name || name === 'local') return [];
  try {
    const calendar = await calendarProviderOf(env, coachId, name);
    return await calendar.freeBusy({ fromMs, toMs });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    const retryAfter: Record<string, string> = error.retryAfterMs === undefined ? {} : { 'retry-after': String(Math.ceil(error.retryAfterMs / 1000)) };
    const why = error.kind === 'auth' ? 'access to it was refused; connect the calendar again' : 'it did not answer; try again in a moment';
    throw new ApiProblem(503, '/problems/calendar-unavailable', `Your calendar could not be checked for busy time (${why}), so no times are offered`, [], retryAfter);
  }
}
