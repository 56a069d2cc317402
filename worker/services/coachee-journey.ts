/** What the coachee's link shows beyond the current session: the invitation's steps, sessions to come, history and booking limits. */
import { withBookingLimits, type BookingRules, type CoacheeView } from '../../shared/protocol';
import { ApiProblem } from '../http/problem';
import type { CancellationRow } from '../storage/cancellations';
import type { CoachRow } from '../storage/coaches';
import type { CoacheeRow } from '../storage/coachees';
import type { EngagementRow } from '../storage/engagements';
import { intakeOf, questionsOf, type IntakeAnswerRow } from '../storage/onboarding';
import { sql, type Query } from '../storage/sql';
import { iso } from '../storage/time';

const HOUR = 3_600_000;
type Span = { id: string; starts_at: number; ends_at: number };

/** 409 for any change through the link of a closed trajectory (its history stays readable). */
export function requireOpen(e: Pick<EngagementRow, 'status'>): void {
  if (e.status === 'closed') throw new ApiProblem(409, '/problems/engagement-closed', 'This coaching trajectory is closed; its page shows what happened but accepts no changes');
}

/** What the coachee's view shows beyond the current session. */
export type Journey = Pick<CoacheeView, 'onboarding' | 'closed' | 'upcoming' | 'history' | 'booking'>;

/**
 * The statements of the journey of one engagement, each scoped to the engagement's coach (read inside the statement), so they can
 * share a batch with the statement that finds the engagement (the coachee view: one round trip). The unary `+` keeps SQLite on the
 * engagement's indexes instead of walking the coach's whole history.
 */
export function journeyQueries(db: D1Database, engagementId: string, nowMs: number): Query[] {
  const q = sql(db);
  return [
    q`SELECT * FROM intake_answers WHERE coach_id = (SELECT coach_id FROM engagements WHERE id = ${engagementId}) AND engagement_id = ${engagementId}`,
    q`SELECT id, starts_at, ends_at FROM sessions WHERE engagement_id = ${engagementId} AND starts_at > ${nowMs}
      AND +coach_id = (SELECT coach_id FROM engagements WHERE id = ${engagementId}) ORDER BY starts_at LIMIT 20`,
    q`SELECT id, starts_at, ends_at FROM sessions WHERE engagement_id = ${engagementId} AND starts_at <= ${nowMs}
      AND +coach_id = (SELECT coach_id FROM engagements WHERE id = ${engagementId}) ORDER BY starts_at DESC LIMIT 50`,
    q`SELECT * FROM session_cancellations WHERE engagement_id = ${engagementId} AND +coach_id = (SELECT coach_id FROM engagements WHERE id = ${engagementId})
      ORDER BY starts_at DESC LIMIT 50`,
  ];
}

/** The journey from the results of `journeyQueries`. */
export function journeyOf(results: D1Result[], e: EngagementRow, coach: Pick<CoachRow, 'booking_rules'>, coachee: Pick<CoacheeRow, 'locale'>, nowMs: number): Journey {
  const [answers, upcoming, past, cancelled] = results;
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
