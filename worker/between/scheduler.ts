/** The touchpoint scheduler: each cron run claims what is due across all coach databases and hands it to the outbox queue. */
import type { Env } from '../env';
import { DEAD_LETTER_HANDLERS, enqueue, JOB_HANDLERS, type Job } from '../jobs/outbox';
import { allCoachDbs, coachDb } from '../storage/databases';
import { claimDue, markSent } from '../storage/touchpoints';
import { SEND_KIND, sendTouchpoint, type SendOutcome } from './send';

/** Rows per claim statement (one UPDATE … RETURNING); a run claims in such chunks until nothing is due. */
export const CLAIM_CHUNK = 1000;
/** Most rows one run claims: the budget is 10,000 per cron run (DESIGN.md); what is left waits a minute. */
export const CLAIM_MAX_PER_RUN = 20_000;
/** Queue `sendBatch` takes at most 100 messages. @see https://developers.cloudflare.com/queues/platform/limits/ */
const QUEUE_BATCH = 100;

/** The send job of one touchpoint; `at` is the claim time, so a test clock reaches the send. */
export const sendJob = (t: { id: string; coach_id: string }, nowMs: number): Job => ({ id: `tp:${t.id}`, kind: SEND_KIND, coachId: t.coach_id, touchpointId: t.id, at: nowMs });

/**
 * Claims every touchpoint due by `nowMs` and enqueues one send job each (in parallel batches of 100).
 * @returns how many were claimed
 * @see https://developers.cloudflare.com/queues/configuration/javascript-apis/#queue
 */
export async function claimAndEnqueue(env: Env, nowMs: number): Promise<number> {
  let total = 0;
  for (const db of allCoachDbs(env)) {
    while (total < CLAIM_MAX_PER_RUN) {
      const claimed = await claimDue(db, nowMs, CLAIM_CHUNK);
      total += claimed.length;
      const jobs = claimed.map((t) => sendJob(t, nowMs));
      const batches: Job[][] = [];
      for (let i = 0; i < jobs.length; i += QUEUE_BATCH) batches.push(jobs.slice(i, i + QUEUE_BATCH));
      await Promise.all(batches.map((b) => enqueue(env, b)));
      if (claimed.length < CLAIM_CHUNK) break;
    }
  }
  return total;
}

/** Dev and tests (`POST /api/dev/scheduler/run`): claims what is due at a test clock and sends it inline, answering what happened. */
export async function runDueNow(env: Env, nowMs: number): Promise<SendOutcome[]> {
  const out: SendOutcome[] = [];
  for (const db of allCoachDbs(env)) {
    for (;;) {
      const claimed = await claimDue(db, nowMs, CLAIM_CHUNK);
      for (const t of claimed) out.push(await sendTouchpoint(env, t.coach_id, t.id, nowMs));
      if (claimed.length < CLAIM_CHUNK) break;
    }
  }
  return out;
}

/** The outbox handler of a send job: the claim time is the send's clock, but never earlier than now. */
JOB_HANDLERS.set(SEND_KIND, async (env, job) => {
  if (typeof job.coachId !== 'string' || typeof job.touchpointId !== 'string') return;
  await sendTouchpoint(env, job.coachId, job.touchpointId, Math.max(Date.now(), Number(job.at) || 0));
});

/** A send that ran out of retries shows as `failed` on the timeline instead of being claimed again every quarter hour. */
DEAD_LETTER_HANDLERS.set(SEND_KIND, async (env, job) => {
  if (typeof job.coachId === 'string' && typeof job.touchpointId === 'string') await markSent(coachDb(env, job.coachId), job.coachId, job.touchpointId, Date.now(), 'failed');
});
