/** The Cloudflare mail transport through a fake `send_email` binding (Cloudflare's service, not ours): once per dedupe key, a failed send is retried, never a body stored; a send out of retries shows as failed. */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import type { Job } from '../../worker/jobs/outbox';
import { sendOnce, type OutgoingMail } from '../../worker/mail/port';
import { call, signIn } from './helpers';

/** Behaves like the documented binding: accepts a structured message and answers a message id; `failNext` makes the next call throw. */
function fakeEmailBinding() {
  const sent: { to: unknown; subject: string; headers?: Record<string, string>; html?: string; text?: string; from: unknown; replyTo?: unknown }[] = [];
  let failNext = false;
  const binding = {
    async send(message: (typeof sent)[number]) {
      if (failNext) {
        failNext = false;
        throw new Error('E_DELIVERY_FAILED');
      }
      sent.push(message);
      return { messageId: `<${sent.length}@example.org>` };
    },
  };
  return { binding, sent, fail: () => (failNext = true) };
}

const mail: OutgoingMail = { to: 'kim@example.org', subject: 'Hoe gaat het?\r\nBcc: x@example.org', text: 'tekst', html: '<p>tekst</p>', headers: { 'List-Unsubscribe': '<https://x.example/u>' }, replyTo: 'coach@example.org' };

describe('cloudflare mail transport', () => {
  it('sends once per key, retries after a failure, and keeps no body', async () => {
    const token = await signIn();
    const coachId = (await call('GET', '/api/me', { token })).body.id as string;
    const fake = fakeEmailBinding();
    const cf = { ...env, MAIL_TRANSPORT: 'cloudflare', MAIL_FROM: 'coaching@example.org', EMAIL: fake.binding as unknown as SendEmail };
    const rec = { coachId, engagementId: null, dedupeKey: `test:${crypto.randomUUID()}`, recipient: 'coachee' as const };

    fake.fail();
    await expect(sendOnce(cf, rec, mail, 1_000)).rejects.toThrow('E_DELIVERY_FAILED');
    expect(await sendOnce(cf, rec, mail, 2_000)).toBe(true);
    expect(await sendOnce(cf, rec, mail, 3_000)).toBe(false);
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]).toMatchObject({ to: 'kim@example.org', subject: 'Hoe gaat het? Bcc: x@example.org', from: { email: 'coaching@example.org' }, replyTo: 'coach@example.org', headers: { 'List-Unsubscribe': '<https://x.example/u>' } });
    const row = await env.DB.prepare('SELECT status, text_body, html_body, transport FROM mails WHERE coach_id = ?1 AND dedupe_key = ?2').bind(coachId, rec.dedupeKey).first();
    expect(row).toEqual({ status: 'sent', text_body: null, html_body: null, transport: 'cloudflare' });
    // Not in the dev mailbox, which shows the local mailer's mail only.
    expect(((await call('GET', '/api/dev/mailbox')).body.messages as { to: string }[]).some((m) => m.to === 'kim@example.org')).toBe(false);
  });
});

describe('a send that gives up', () => {
  it('shows as failed on the timeline after the dead-letter queue', async () => {
    const token = await signIn();
    const coachId = (await call('GET', '/api/me', { token })).body.id as string;
    const coachee = (await call('POST', '/api/coachees', { token, body: { name: 'Ilse', email: 'ilse@example.org' } })).body;
    const engagement = (await call('POST', '/api/engagements', { token, body: { coacheeId: coachee.id } })).body;
    await call('POST', '/api/sessions', { token, body: { engagementId: engagement.id, startsAt: '2027-12-06T09:00:00Z', endsAt: '2027-12-06T10:00:00Z' } });
    const reminder = (await call('GET', `/api/engagements/${engagement.id}/timeline`, { token })).body.items.find((i: { kind: string }) => i.kind === 'reminder.session');
    const batch = createMessageBatch<Job>('coaching-outbox-dlq', [{ id: 'd1', timestamp: new Date(), attempts: 1, body: { id: `tp:${reminder.id}`, kind: 'touchpoint.send', coachId, touchpointId: reminder.id, at: 0 } }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['d1']);
    const after = (await call('GET', `/api/engagements/${engagement.id}/timeline`, { token })).body.items.find((i: { id: string }) => i.id === reminder.id);
    expect(after.status).toBe('failed');
  });
});
