/** Export of everything stored about a coachee (GDPR Art. 15 and 20), notes decrypted for the coach who asked. */
import type { CoacheeExport } from '../../shared/protocol';
import type { Env } from '../env';
import { toCoachee, type CoacheeRow } from '../storage/coachees';
import { listEngagements, toEngagement } from '../storage/engagements';
import { loadLiveState } from '../storage/live-state';
import { listSessions, toSession } from '../storage/sessions';
import { iso } from '../storage/time';
import { listCancellations, toCancelled } from '../storage/cancellations';
import { listIntakeAnswers, intakeOf, questionsOf } from '../storage/onboarding';
import { coachDb } from '../storage/databases';
import { getSettings, listTouchpoints } from '../storage/touchpoints';
import { toTimelineItem } from '../between/views';

/**
 * Builds the export document.
 * @see https://gdpr-info.eu/art-20-gdpr/
 */
export async function exportCoachee(env: Env, coachee: CoacheeRow, nowMs: number): Promise<CoacheeExport> {
  const db = coachDb(env, coachee.coach_id);
  const engagements = await listEngagements(db, coachee.coach_id, coachee.id);
  return {
    exportedAt: iso(nowMs),
    coachee: toCoachee(coachee),
    engagements: await Promise.all(
      engagements.map(async (e) => {
        const sessions = await listSessions(db, coachee.coach_id, { engagementId: e.id, limit: -1 });
        const [answers, cancelled, touchpoints, between] = await Promise.all([
          listIntakeAnswers(db, coachee.coach_id, e.id),
          listCancellations(db, coachee.coach_id, { engagementId: e.id }),
          listTouchpoints(db, coachee.coach_id, e.id),
          getSettings(db, coachee.coach_id, e.id),
        ]);
        return {
          ...toEngagement(e),
          intake: intakeOf(questionsOf(e, coachee.locale), answers),
          cancelledSessions: cancelled.map(toCancelled),
          between: { items: touchpoints.map((t) => toTimelineItem(t, coachee.locale, between.settings)), prefs: between.prefs },
          sessions: await Promise.all(sessions.map(async (s) => ({ ...toSession(s), state: await loadLiveState(db, env.NOTES_KEYS, s, true) }))),
        };
      }),
    ),
  };
}
