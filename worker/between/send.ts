/** Sending one due touchpoint: replan first (so a moved session, a finished agreement or a closed trajectory is honoured), then mail once and mark it sent. */
import { agreementDeadline, isStale } from '../../shared/touchpoints/plan';
import type { LearningId } from '../../shared/schemas/touchpoints';
import type { Env } from '../env';
import { composeCoacheeMail, type TouchpointMailInput } from '../mail/compose';
import { sendOnce } from '../mail/port';
import { coachDb } from '../storage/databases';
import { first, sql } from '../storage/sql';
import { getSettings, markSent, type TouchpointRow } from '../storage/touchpoints';
import { coacheeMailContext, loadParties } from './mail-context';
import { replanEngagement } from './replan';

/** Queue job kind of a touchpoint send; the job id is `tp:<touchpointId>`. */
export const SEND_KIND = 'touchpoint.send';

/** What became of a send. */
export type SendOutcome = { id: string; kind: string; outcome: 'sent' | 'shown' | 'skipped' | 'none'; mailed: boolean };

async function mailInput(db: D1Database, tp: TouchpointRow): Promise<{ input: TouchpointMailInput; eventAt: number | null } | null> {
  switch (tp.kind) {
    case 'reflection':
    case 'reminder.session': {
      const s = await first<{ starts_at: number; ends_at: number; meeting_url: string | null }>(sql(db)`SELECT starts_at, ends_at, meeting_url FROM sessions WHERE id = ${tp.session_id} AND coach_id = ${tp.coach_id}`);
      if (!s) return null;
      return tp.kind === 'reflection' ? { input: { kind: 'reflection', sessionEndsAt: s.ends_at }, eventAt: null } : { input: { kind: 'reminder.session', startsAt: s.starts_at, meetingUrl: s.meeting_url }, eventAt: s.starts_at };
    }
    case 'reminder.agreement': {
      const a = await first<{ what: string; due: string | null; status: string }>(sql(db)`SELECT what, due, status FROM agreements WHERE id = ${tp.agreement_id} AND coach_id = ${tp.coach_id}`);
      if (!a || !a.due || a.status !== 'open') return null;
      return { input: { kind: 'reminder.agreement', what: a.what, due: a.due }, eventAt: null };
    }
    case 'learning':
      return { input: { kind: 'learning', learningId: tp.learning_id as LearningId }, eventAt: null };
    default:
      return { input: { kind: tp.kind }, eventAt: null };
  }
}

/**
 * Sends one touchpoint as of `nowMs`. A second call (a redelivered queue message, an overlapping run) finds it no longer
 * planned and does nothing; the mail itself is deduplicated by `tp:<id>` as well. With the coachee's mail switched off (or no
 * address) it is only shown on their page.
 */
export async function sendTouchpoint(env: Env, coachId: string, touchpointId: string, nowMs: number): Promise<SendOutcome> {
  const db = coachDb(env, coachId);
  const none = (kind = '') => ({ id: touchpointId, kind, outcome: 'none' as const, mailed: false });
  const start = await first<{ engagement_id: string; status: string }>(sql(db)`SELECT engagement_id, status FROM touchpoints WHERE id = ${touchpointId} AND coach_id = ${coachId}`);
  if (!start || start.status !== 'planned') return none();
  const rows = await replanEngagement(env, coachId, start.engagement_id, nowMs);
  const tp = rows?.find((t) => t.id === touchpointId);
  if (!tp || tp.status !== 'planned' || tp.due_at > nowMs) return none(tp?.kind);
  const parties = await loadParties(env, coachId, tp.engagement_id);
  const what = parties ? await mailInput(db, tp) : null;
  const agreementAt = what?.input.kind === 'reminder.agreement' ? agreementDeadline(parties!.coachee.time_zone, what.input.due) : null;
  if (!parties || !what || isStale(tp.kind, tp.due_at, nowMs, what.eventAt ?? agreementAt)) {
    await markSent(db, coachId, tp.id, nowMs, 'skipped');
    return { id: tp.id, kind: tp.kind, outcome: 'skipped', mailed: false };
  }
  const { prefs } = await getSettings(db, coachId, tp.engagement_id);
  let mailed = false;
  if (!prefs.mailOff && parties.coachee.email) {
    const ctx = await coacheeMailContext(env, parties, tp.id, nowMs);
    mailed = await sendOnce(env, { coachId, engagementId: tp.engagement_id, dedupeKey: `tp:${tp.id}`, recipient: 'coachee' }, composeCoacheeMail(ctx, what.input), nowMs);
  }
  await markSent(db, coachId, tp.id, nowMs);
  // The next check-in is planned once this one is out.
  if (tp.kind === 'checkin') await replanEngagement(env, coachId, tp.engagement_id, nowMs);
  return { id: tp.id, kind: tp.kind, outcome: prefs.mailOff || !parties.coachee.email ? 'shown' : 'sent', mailed };
}
