/** The outbox: jobs (calendar writes, mails) go through a Queue with per-message acks, backoff that honours Retry-After, and a dead-letter queue; logs name jobs by a hash only. */
import type { Env } from '../env';
import { sha256Hex } from '../http/hash';

/** One queued job. `id` is its idempotency key: handlers must make a repeated delivery harmless. Payloads hold ids only, never content. */
export type Job = { id: string; kind: string; [key: string]: string | number | boolean | null };

/** A job handler; throwing schedules a retry. An error with `retryAfterMs` (e.g. a provider's 429) sets the delay. */
export type JobHandler = (env: Env, job: Job) => Promise<void>;

/** Handlers by job kind; each feature registers its own. */
export const JOB_HANDLERS = new Map<string, JobHandler>();

/** Name of the dead-letter queue: jobs that ran out of retries land there. */
export const DEAD_LETTER_QUEUE = 'coaching-outbox-dlq';

/** What to record when a job of a kind has given up (e.g. show the coach "could not be written"); must be idempotent. */
export const DEAD_LETTER_HANDLERS = new Map<string, JobHandler>();

/** Retry delay: the provider's Retry-After when it gave one, else full-jitter exponential backoff (2 s base, 10 min cap). */
export function retryDelaySeconds(error: unknown, attempts: number, random = Math.random): number {
  const hinted = (error as { retryAfterMs?: number } | null)?.retryAfterMs;
  if (typeof hinted === 'number' && hinted > 0) return Math.min(Math.ceil(hinted / 1000), 12 * 3600);
  const cap = Math.min(600, 2 * 2 ** Math.max(0, attempts - 1));
  return Math.max(1, Math.round(random() * cap));
}

/**
 * How logs name a job: the first 12 hex characters of the SHA-256 of its id. Ids carry coach, provider and external event and
 * meeting ids (which lead back to a session), and delete holds are stored under the hash of the id for that reason, so the
 * log must not undo it after an erasure; the short hash still tells one job's lines from another's.
 */
export const jobRef = async (job: Pick<Job, 'id'>): Promise<string> => (await sha256Hex(String(job.id))).slice(0, 12);

/** What logs say about an error: its name and, for provider errors, kind and HTTP status; never its message, which may carry ids. */
export function errorSummary(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const { kind, status } = error as { kind?: unknown; status?: unknown };
  return [error.name, typeof kind === 'string' ? kind : null, typeof status === 'number' ? `HTTP ${status}` : null].filter((part) => part !== null).join(' ');
}

/** Errors that retrying cannot fix (bad input we caused, revoked access): acked and logged instead of retried. */
export const isPermanent = (error: unknown) => (error as { permanent?: boolean } | null)?.permanent === true || (error as { kind?: string } | null)?.kind === 'invalid';

/**
 * Queue consumer: runs each message's handler, acks it on success, retries it alone on failure.
 * @see https://developers.cloudflare.com/queues/configuration/batching-retries/#explicit-acknowledgement-and-retries
 */
export async function consumeOutbox(batch: MessageBatch<Job>, env: Env): Promise<void> {
  if (batch.queue === DEAD_LETTER_QUEUE) return consumeDeadLetters(batch, env);
  for (const msg of batch.messages) {
    const handler = JOB_HANDLERS.get(msg.body.kind);
    if (!handler) {
      console.error('outbox: no handler for job kind', msg.body.kind);
      msg.ack();
      continue;
    }
    try {
      await handler(env, msg.body);
      msg.ack();
    } catch (error) {
      if (isPermanent(error)) {
        console.error('outbox: permanent failure', msg.body.kind, await jobRef(msg.body), errorSummary((error as { cause?: unknown }).cause ?? error));
        msg.ack();
      } else {
        msg.retry({ delaySeconds: retryDelaySeconds(error, msg.attempts) });
      }
    }
  }
}

/**
 * Dead-letter consumer: records that a job gave up (so nothing stays "pending" forever), then acks. The message itself stays
 * inspectable in the dashboard only while this consumer fails; payloads are ids, so nothing confidential sits there.
 * @see https://developers.cloudflare.com/queues/configuration/dead-letter-queues/
 */
async function consumeDeadLetters(batch: MessageBatch<Job>, env: Env): Promise<void> {
  for (const msg of batch.messages) {
    console.error('outbox: job gave up after retries', msg.body.kind, await jobRef(msg.body));
    try {
      await DEAD_LETTER_HANDLERS.get(msg.body.kind)?.(env, msg.body);
      msg.ack();
    } catch (error) {
      msg.retry({ delaySeconds: retryDelaySeconds(error, msg.attempts) });
    }
  }
}

/** Enqueues jobs (one call, up to 100 at a time). */
export async function enqueue(env: Env, jobs: Job[]): Promise<void> {
  if (jobs.length) await env.OUTBOX.sendBatch(jobs.map((body) => ({ body, contentType: 'json' as const })));
}
