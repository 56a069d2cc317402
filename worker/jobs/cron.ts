/** Cron work (UTC): housekeeping that keeps stored data to what the product needs. */
import type { Env } from '../env';
import { allCoachDbs } from '../storage/databases';

/** How long applied-op ids are kept for replay detection; clients resend within minutes, not weeks. */
export const APPLIED_OPS_RETENTION_MS = 30 * 24 * 3600_000;

/** Tasks per cron run; each is idempotent, since cron delivery is at least once. */
export const CRON_TASKS: ((env: Env, nowMs: number) => Promise<void>)[] = [
  async (env, nowMs) => {
    for (const db of allCoachDbs(env)) await db.prepare('DELETE FROM applied_ops WHERE at < ?1').bind(nowMs - APPLIED_OPS_RETENTION_MS).run();
  },
];

/**
 * Scheduled handler: runs every task; one failing task does not stop the others.
 * @see https://developers.cloudflare.com/workers/configuration/cron-triggers/
 */
export async function runCron(env: Env, nowMs: number): Promise<void> {
  const results = await Promise.allSettled(CRON_TASKS.map((task) => task(env, nowMs)));
  for (const r of results) if (r.status === 'rejected') console.error('cron task failed', r.reason);
}
