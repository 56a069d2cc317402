/** Where between-session work hooks into the rest: sessions planned, moved or cancelled, trajectories closed, agreements changed, coachees erased, and the cron. */
import type { Env } from '../env';
import { CRON_TASKS } from '../jobs/cron';
import { OP_HOOKS } from '../live/op-hooks';
import { CALENDAR_HOOKS } from '../services/calendar-hooks';
import { ERASE_HOOKS } from '../services/erase';
import { CANCEL_HOOKS } from '../services/session-change';
import { coachDb } from '../storage/databases';
import { first, sql } from '../storage/sql';
import { cancelOfSession } from '../storage/touchpoints';
import { sendDueDigests } from './digest';
import { replanEngagement, replanOfSession } from './replan';
import { claimAndEnqueue } from './scheduler';

/** The trajectory of a session, also once its row is gone (a cancellation deletes it): through the session's touchpoints. */
async function engagementOf(env: Env, coachId: string, sessionId: string): Promise<string | null> {
  const db = coachDb(env, coachId);
  const row =
    (await first<{ engagement_id: string }>(sql(db)`SELECT engagement_id FROM sessions WHERE id = ${sessionId} AND coach_id = ${coachId}`)) ??
    (await first<{ engagement_id: string }>(sql(db)`SELECT engagement_id FROM touchpoints WHERE coach_id = ${coachId} AND session_id = ${sessionId} LIMIT 1`));
  return row?.engagement_id ?? null;
}

/** After a session was moved (its row already holds the new time): its reflection and reminder move with it. */
export async function onSessionMoved(env: Env, coachId: string, sessionId: string, nowMs = Date.now()): Promise<void> {
  await replanOfSession(env, coachId, sessionId, nowMs);
}

/** After a session was cancelled (before or after its row is deleted): its reflection and reminder are cancelled for good. */
export async function onSessionCancelled(env: Env, coachId: string, sessionId: string, nowMs = Date.now()): Promise<void> {
  await cancelOfSession(coachDb(env, coachId), coachId, sessionId);
  const engagementId = await engagementOf(env, coachId, sessionId);
  if (engagementId) await replanEngagement(env, coachId, engagementId, nowMs);
}

/** After a trajectory's status changed (paused, closed, reopened) or an agreement was added, finished or moved. */
export async function onEngagementChanged(env: Env, coachId: string, engagementId: string, nowMs = Date.now()): Promise<void> {
  await replanEngagement(env, coachId, engagementId, nowMs);
}

/** A planned or booked session gets its reflection, reminder and (for the first) check-ins. */
CALENDAR_HOOKS.push(async (env, sessionId, coachId) => {
  await replanOfSession(env, coachId, sessionId, Date.now());
});

/** A cancelled session (coach or coachee): its planned reminder and reflection are cancelled for good, in the cancel's batch. */
CANCEL_HOOKS.push((db, sessionId, coachId) => [
  sql(db)`UPDATE touchpoints SET status = 'cancelled', held_by = 'session', claimed_at = NULL WHERE coach_id = ${coachId} AND session_id = ${sessionId} AND status = 'planned'`,
]);

/** An agreement added, finished, dropped or given another due date: its reminder follows. */
OP_HOOKS.push(async (env, at, op) => {
  if (op.kind.startsWith('agreement.')) await replanEngagement(env, at.coachId, at.engagementId, Date.now());
});

/** Erasure: every touchpoint, setting, alert and mail of the coachee's trajectories goes in the same batch. */
ERASE_HOOKS.push((_ofSessions, ofEngagements) => [
  `DELETE FROM alerts WHERE coach_id = ?2 AND engagement_id IN (${ofEngagements})`,
  `DELETE FROM touchpoints WHERE coach_id = ?2 AND engagement_id IN (${ofEngagements})`,
  `DELETE FROM touchpoint_settings WHERE coach_id = ?2 AND engagement_id IN (${ofEngagements})`,
  `DELETE FROM mails WHERE coach_id = ?2 AND engagement_id IN (${ofEngagements})`,
  // The local mailbox's copies of the coach's digests name coachees; they go too (the mails themselves were delivered).
  `DELETE FROM mails WHERE coach_id = ?2 AND dedupe_key >= 'digest:' AND dedupe_key < 'digest;'`,
]);

/** Every minute: claim due touchpoints and enqueue their sends; send due digests. */
CRON_TASKS.push((env, nowMs) => claimAndEnqueue(env, nowMs).then(() => undefined));
CRON_TASKS.push((env, nowMs) => sendDueDigests(env, nowMs).then(() => undefined));
