/** What the coachee's link shows beyond the current session: the invitation's steps, sessions to come, history and booking limits. */
import { withBookingLimits, type BookingRules, type CoacheeView } from '../../shared/protocol';
import type { Env } from '../env';
import { ApiProblem } from '../http/problem';
import type { CancellationRow } from '../storage/cancellations';
import type { CoachRow } from '../storage/coaches';
import type { CoacheeRow } from '../storage/coachees';
import { coachDb } from '../storage/databases';
import type { EngagementRow } from '../storage/engagements';
import { intakeOf, questionsOf, type IntakeAnswerRow } from '../storage/onboarding';
import { batch, sql } from '../storage/sql';
import { iso } from '../storage/time';

const HOUR = 3_600_000;
type Span = { id: string; starts_at: number; ends_at: number };

/** 409 for any change through the link of a closed trajectory (its history stays readable). */
export function requireOpen(e: Pick<EngagementRow, 'status'>): void {
  if (e.status === 'closed') throw new ApiProblem(409, '/problems/engagement-closed', 'This coaching trajectory is closed; its page shows what happened but accepts no changes');
}

/** The extra parts of the coachee's view, read in one D1 batch. */
export async function coacheeJourney(env: Env, e: EngagementRow, coach: Pick<CoachRow, 'booking_rules'>, coachee: Pick<CoacheeRow, 'locale'>, nowMs: number): Promise<Pick<CoacheeView, 'onboarding' | 'closed' | 'upcoming' | 'history' | 'booking'>> {
  const db = coachDb(env, e.coach_id);
  const q = sql(db);
  const [answers, upcoming, past, cancelled] = await batch(db, [
    q`SELECT * FROM intake_answers WHERE coach_id = ${e.coach_id} AND engagement_id = ${e.id}`,
    q`SELECT id, starts_at, ends_at FROM sessions WHERE engagement_id = ${e.id} AND starts_at > ${nowMs} AND coach_id = ${e.coach_id} ORDER BY starts_at LIMIT 20`,
    q`SELECT id, starts_at, ends_at FROM sessions WHERE engagement_id = ${e.id} AND starts_at <= ${nowMs} AND coach_id = ${e.coach_id} ORDER BY starts_at DESC LIMIT 50`,
    q`SELECT * FROM session_cancellations WHERE engagement_id = ${e.id} AND coach_id = ${e.coach_id} ORDER BY starts_at DESC LIMIT 50`,
  ]);
  const rules = withBookingLimits(JSON.parse(coach.booking_rules) as BookingRules);
  const coming = (upcoming?.results ?? []) as Span[];
  const closed = e.status === 'closed';
  const history = [
    ...((past?.results ?? []) as Span[]).map((s) => ({ id: s.id, startsAt: iso(s.starts_at), endsAt: iso(s.ends_at), status: 'held' as const, cancelledBy: null, at: s.starts_at })),
    ...((cancelled?.results ?? []) as CancellationRow[]).map((s) => ({ id: s.id, startsAt: iso(s.starts_at), endsAt: iso(s.ends_at), status: 'cancelled' as const, cancelledBy: s.cancelled_by, at: s.starts_at })),
  ]
    .sort((a, b) => b.at - a.at)
    .map(({ at: _, ...item }) => item);
  return {
    onboarding: { welcome: e.welcome, consentGiven: e.consent_at !== null, intake: intakeOf(questionsOf(e, coachee.locale), (answers?.results ?? []) as IntakeAnswerRow[]) },
    closed,
    upcoming: coming.map((s) => ({ id: s.id, startsAt: iso(s.starts_at), endsAt: iso(s.ends_at), cancellable: !closed && s.starts_at - nowMs >= rules.cancellationNoticeHours * HOUR })),
    history,
    booking: { openBookings: coming.length, maxOpenBookings: rules.maxOpenBookings, horizonDays: rules.bookingHorizonDays, cancellationNoticeHours: rules.cancellationNoticeHours },
  };
}
