/** Outbox consumer and cron: per-message ack/retry, Retry-After honoured, permanent failures not retried; cron housekeeping. */
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { JOB_HANDLERS, retryDelaySeconds, type Job } from '../../worker/jobs/outbox';
import { call, setup } from './helpers';

describe('outbox consumer', () => {
  it('acks done jobs, retries failed ones alone with Retry-After, and acks permanent failures', async () => {
    const seen: string[] = [];
    JOB_HANDLERS.set('test.echo', async (_env, job) => {
      seen.push(job.id);
      if (job.id === 'rate-limited') throw Object.assign(new Error('429'), { retryAfterMs: 41_000 });
      if (job.id === 'broken-input') throw Object.assign(new Error('400'), { kind: 'invalid' });
    });
    const batch = createMessageBatch<Job>('coaching-outbox', [
      { id: 'm1', timestamp: new Date(), attempts: 1, body: { id: 'ok', kind: 'test.echo' } },
      { id: 'm2', timestamp: new Date(), attempts: 1, body: { id: 'rate-limited', kind: 'test.echo' } },
      { id: 'm3', timestamp: new Date(), attempts: 1, body: { id: 'broken-input', kind: 'test.echo' } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(seen).toEqual(['ok', 'rate-limited', 'broken-input']);
    expect(result.explicitAcks.sort()).toEqual(['m1', 'm3']);
    expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(['m2']);
    JOB_HANDLERS.delete('test.echo');
  });

  it('waits what Retry-After says, else backs off exponentially with full jitter', () => {
    expect(retryDelaySeconds(Object.assign(new Error('429'), { retryAfterMs: 41_000 }), 1)).toBe(41);
    expect(retryDelaySeconds(new Error('503'), 1, () => 1)).toBe(2);
    expect(retryDelaySeconds(new Error('503'), 4, () => 1)).toBe(16);
    expect(retryDelaySeconds(new Error('503'), 20, () => 1)).toBe(600);
    expect(retryDelaySeconds(new Error('503'), 20, () => 0)).toBe(1);
  });
});

describe('dead-letter queue', () => {
  it('marks a session whose calendar sync gave up as failed, and leaves a synced one alone', async () => {
    const { token, session } = await setup();
    const other = await setup();
    await env.DB.batch([
      env.DB.prepare("UPDATE sessions SET calendar_status = 'pending' WHERE id = ?1").bind(session.id),
      env.DB.prepare("UPDATE sessions SET calendar_status = 'synced' WHERE id = ?1").bind(other.session.id),
    ]);
    const batch = createMessageBatch<Job>('coaching-outbox-dlq', [
      { id: 'd1', timestamp: new Date(), attempts: 1, body: { id: `${session.id}:booked`, kind: 'calendar.sync', sessionId: session.id } },
      { id: 'd2', timestamp: new Date(), attempts: 1, body: { id: `${other.session.id}:booked`, kind: 'calendar.sync', sessionId: other.session.id } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks.sort()).toEqual(['d1', 'd2']);
    expect((await call('GET', `/api/sessions/${session.id}`, { token })).body.calendarStatus).toBe('failed');
    expect((await call('GET', `/api/sessions/${other.session.id}`, { token: other.token })).body.calendarStatus).toBe('synced');
  });
});
