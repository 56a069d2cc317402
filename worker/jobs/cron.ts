/** Cron work (UTC): housekeeping that keeps stored data to what the product needs. */
import type { Env } from '../env';
import { logError } from '../http/log';

/** Tasks per cron run; each is idempotent, since cron delivery is at least once. */
export const CRON_TASKS: ((env: Env, nowMs: number) => Promise<void>)[] = [];

/**
 * Scheduled handler: runs every task; one failing task does not stop the others.
 * @see https://developers.cloudflare.com/workers/configuration/cron-triggers/
 */
export async function runCron(env: Env, nowMs: number): Promise<void> {
  const results = await Promise.allSettled(CRON_TASKS.map((task) => task(env, nowMs)));
  for (const r of results) if (r.status === 'rejected') logError('cron task failed', r.reason);
}
