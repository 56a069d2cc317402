/** Outbox logs name a job by kind and a short hash of its id: a delete job's id (coach, event and meeting ids) never reaches the log. */
import { env } from 'cloudflare:test';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../worker/http/hash';
import { deleteJob } from '../../worker/services/calendar-outbox';
import { blockProviderTraffic, deliver } from './calendar-helpers';

afterAll(blockProviderTraffic);
afterEach(() => vi.restoreAllMocks());

describe('outbox logs', () => {
  it('a delete that fails for good, and one that gives up, are logged by kind and the first 12 hex characters of the SHA-256 of the id', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    // A generation that does not exist: the delete fails for good (`auth`), so the consumer logs and acks it.
    const job = deleteJob({
      coach_id: 'coach-log-test',
      provider: 'google',
      connection_id: 987_654,
      external_id: 'evtprivate0123',
      meeting_provider: 'zoom',
      meeting_connection_id: 987_655,
      meeting_id: '81299990000',
    });
    const ref = (await sha256Hex(job.id)).slice(0, 12);

    const failed = await deliver([job]);
    expect(failed.acked).toEqual(failed.ids);
    const gaveUp = await deliver([job], 11, env, 'coaching-outbox-dlq');
    expect(gaveUp.acked).toEqual(gaveUp.ids);

    const outbox = lines.filter((line) => line.startsWith('outbox:'));
    expect(outbox).toEqual([`outbox: permanent failure calendar.delete ${ref} ProviderError auth`, `outbox: job gave up after retries calendar.delete ${ref}`]);
    for (const secret of ['coach-log-test', 'evtprivate0123', '81299990000', job.id]) expect(lines.join('\n')).not.toContain(secret);
  });
});
