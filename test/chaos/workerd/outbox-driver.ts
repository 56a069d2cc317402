/** Plays the Queue for the chaos runs: captures the jobs the Worker enqueues and delivers them with the Queue's retry rules (max_retries, then the dead-letter queue). */
import { env } from 'cloudflare:test';
import type { Env } from '../../../worker/env';
import type { Job } from '../../../worker/jobs/outbox';
import { callWith, deliver } from '../../worker/calendar-helpers';

/** `max_retries` of the outbox consumer in wrangler.jsonc: a message is tried 1 + 10 times before the dead-letter queue gets it. */
export const MAX_RETRIES = 10;

/** The Worker's bindings with an OUTBOX that keeps what is sent (in order) instead of queueing it. */
export function capturingEnv(): { bindings: Env; sent: Job[]; take(): Job[] } {
  const sent: Job[] = [];
  const outbox = {
    async send(body: Job) {
      sent.push(body);
    },
    async sendBatch(messages: Iterable<{ body: Job }>) {
      for (const m of messages) sent.push(m.body);
    },
  };
  return { bindings: { ...env, OUTBOX: outbox as unknown as Env['OUTBOX'] }, sent, take: () => sent.splice(0, sent.length) };
}

/** How one job's delivery ended: attempts used, whether it went to the dead-letter queue, the retry delays asked for. */
export interface Outcome {
  attempts: number;
  dead: boolean;
  delays: number[];
}

/**
 * Delivers one job like the Queue: again after each retry (without sleeping out the delay, which is recorded), at most
 * 1 + MAX_RETRIES times, then once to the dead-letter queue.
 */
export async function deliverToEnd(job: Job, bindings: Env = env): Promise<Outcome> {
  const delays: number[] = [];
  for (let attempts = 1; attempts <= 1 + MAX_RETRIES; attempts++) {
    const r = await deliver([job], attempts, bindings);
    if (r.acked.length === 1) return { attempts, dead: false, delays };
    delays.push(r.retried[0]?.delaySeconds ?? 0);
  }
  await deliver([job], 1, bindings, 'coaching-outbox-dlq');
  return { attempts: 1 + MAX_RETRIES, dead: true, delays };
}

/** A JSON call through the Worker's fetch handler with these bindings; throws unless the status is 2xx. */
export async function ok(bindings: Env, method: string, path: string, token: string, body?: unknown): Promise<any> {
  const r = await callWith(bindings, method, path, { token, ...(body === undefined ? {} : { body }) });
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
