/** The coach's daily digest: answers that came in (never alerts, which go out at once), at 08:00 in the coach's zone. */
import { addDays } from '../../shared/time/calendar-date';
import { epochToLocal, localDateString, localToEpoch } from '../../shared/time/zone';
import type { Env } from '../env';
import { composeAnswersMail } from '../mail/compose';
import { sendOnce } from '../mail/port';
import { closeDigest, dueDigests, undigested } from '../storage/alerts';
import { getCoach } from '../storage/coaches';
import { allCoachDbs, coachDb } from '../storage/databases';
import { batch } from '../storage/sql';
import { coachMailContext } from './mail-context';

/** The digest's hour in the coach's zone. */
export const DIGEST_HOUR = 8;

/** The next 08:00 in `zone` after `nowMs`. */
export function nextDigestAt(zone: string, nowMs: number): number {
  const today = epochToLocal(zone, nowMs);
  const at = localToEpoch(zone, { ...today, hh: DIGEST_HOUR, mm: 0 });
  return at > nowMs ? at : localToEpoch(zone, { ...addDays(today, 1), hh: DIGEST_HOUR, mm: 0 });
}

/** Sends every due digest (one mail per coach per local day, deduplicated by date) and schedules the next. */
export async function sendDueDigests(env: Env, nowMs: number): Promise<number> {
  let sent = 0;
  for (const db of allCoachDbs(env)) {
    for (const { coach_id } of await dueDigests(db, nowMs)) {
      const cdb = coachDb(env, coach_id);
      const coach = await getCoach(cdb, coach_id);
      if (!coach) continue;
      const rows = await undigested(cdb, coach_id);
      if (rows.length) {
        const items = rows.map((r) => ({ coacheeName: r.coachee_name, kind: r.touchpoint_kind, score: r.score, previousScore: r.previous_score, comment: r.answer ? (JSON.parse(r.answer) as { comment?: string }).comment || null : null }));
        if (await sendOnce(env, { coachId: coach_id, engagementId: null, dedupeKey: `digest:${localDateString(coach.time_zone, nowMs)}`, recipient: 'coach' }, composeAnswersMail(coachMailContext(env, coach), items, true), nowMs)) sent++;
      }
      await batch(cdb, closeDigest(cdb, coach_id, nowMs, nextDigestAt(coach.time_zone, nowMs)));
    }
  }
  return sent;
}
