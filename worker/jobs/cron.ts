/** Cron work (UTC): housekeeping that keeps stored data to what the product needs. */
import type { Env } from '../env';
import { allCoachDbs } from '../storage/databases';

/** How long applied-op ids are kept for replay detection; clients resend within minutes, not weeks. */
export const APPLIED_OPS_RETENTION_MS = 30 * 24 * 3600_000;

/** Applied-op ids deleted per statement, and statements per database per run: a backlog drains over several runs, never in one long write. */
export const PURGE_BATCH = 1000;
export const PURGE_BATCHES_PER_RUN = 20;

/** Tasks per cron run; each is idempotent, since cron delivery is at least once. */
export const CRON_TASKS: ((env: Env, nowMs: number) => Promise<void>)[] = [
  async (env, nowMs) => {
    for (const db of allCoachDbs(env)) await purgeAppliedOps(db, nowMs - APPLIED_OPS_RETENTION_MS);
  },
];

/**
 * Deletes applied-op ids older than `beforeMs` in batches of `PURGE_BATCH` (found through their `at` index), at most
 * `PURGE_BATCHES_PER_RUN` batches. D1 runs one statement at a time, so short ones keep live ops from waiting behind the purge.
 * @returns how many were deleted
 */
export async function purgeAppliedOps(db: D1Database, beforeMs: number): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < PURGE_BATCHES_PER_RUN; i++) {
    const r = await db.prepare('DELETE FROM applied_ops WHERE rowid IN (SELECT rowid FROM applied_ops WHERE at < ?1 LIMIT ?2)').bind(beforeMs, PURGE_BATCH).run();
    deleted += r.meta.changes;
    if (r.meta.changes < PURGE_BATCH) break;
  }
  return deleted;
}

/**
 * Scheduled handler: runs every task; one failing task does not stop the others.
 * @see https://developers.cloudflare.com/workers/configuration/cron-triggers/
 */
export async function runCron(env: Env, nowMs: number): Promise<void> {
  const results = await Promise.allSettled(CRON_TASKS.map((task) => task(env, nowMs)));
  for (const r of results) if (r.status === 'rejected') console.error('cron task failed', r.reason);
}
