/** Notices of a cancelled or moved session: the coachee hears of the coach's change, the coach of the coachee's cancellation; one mail per change, none after "stop mail", never note text. */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../shared/time/zone';
import worker from '../../worker/index';
import type { Job } from '../../worker/jobs/outbox';
import { call, planSession, signIn } from './helpers';
import { eventually, mailTo, pageLink } from './between-support';

const DAY = 86_400_000;
const tokenOf = (url: string) => url.split('/c/')[1] as string;
const inDays = (d: number) => new Date(Math.ceil((Date.now() + d * DAY) / 3_600_000) * 3_600_000).toISOString();

async function trajectory(locale: 'nl' | 'en', startsAt: string) {
  const coachEmail = `coach-${crypto.randomUUID().slice(0, 8)}@example.nl`;
  const token = await signIn(coachEmail);
  const email = `coachee-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const name = `Robin-${crypto.randomUUID().slice(0, 6)}`;
  const coachee = (await call('POST', '/api/coachees', { token, body: { name, email, locale, timeZone: 'Europe/London' } })).body;
  const engagement = (await call('POST', '/api/engagements', { token, body: { coacheeId: coachee.id } })).body;
  const session = await planSession(token, engagement.id, startsAt);
  const link = tokenOf((await call('GET', `/api/engagements/${engagement.id}/link`, { token })).body.url);
  return { token, coachEmail, email, name, engagement, session, link };
}

const oneMail = (to: string) =>
  eventually(async () => {
    const mails = await mailTo(to);
    expect(mails).toHaveLength(1);
    return mails[0]!;
  }, 300);

describe('change notices', () => {
  it('coach cancels: one mail to the coachee with the time in their zone and a link to book another; never the note; a redelivered job mails once', async () => {
    const t = await trajectory('en', '2027-06-07T09:00:00Z');
    expect((await call('PUT', `/api/sessions/${t.session.id}/notes`, { token: t.token, body: { text: 'private-observation-xyz' } })).status).toBeLessThan(300);
    expect((await call('POST', `/api/sessions/${t.session.id}/cancel`, { token: t.token, body: { reason: 'reason-kept-inside' } })).status).toBe(200);
    const mail = await oneMail(t.email);
    expect(mail.subject).toMatch(/^Cancelled: your session on Monday,? 7 June 2027 at 10:00/);
    expect(pageLink(mail.text).token).toBe(t.link);
    for (const part of [mail.text, mail.html, mail.subject]) {
      expect(part).not.toContain('private-observation-xyz');
      expect(part).not.toContain('reason-kept-inside');
    }

    const coachId = (await call('GET', '/api/me', { token: t.token })).body.id;
    const job: Job = { id: `cancel:${t.session.id}`, kind: 'session.change-notice', coachId, engagementId: t.engagement.id, sessionId: t.session.id, change: 'cancel', by: 'coach', startMs: Date.parse('2027-06-07T09:00:00Z') };
    const batch = createMessageBatch<Job>('coaching-outbox', [
      { id: 'a', timestamp: new Date(), attempts: 2, body: job },
      { id: 'b', timestamp: new Date(), attempts: 1, body: job },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks.sort()).toEqual(['a', 'b']);
    expect(await mailTo(t.email)).toHaveLength(1);
    expect(await mailTo(t.coachEmail)).toHaveLength(0);
  }, 30_000);

  it('coach moves: the coachee (Dutch) reads the old and the new time', async () => {
    const from = inDays(10);
    const to = inDays(12);
    const t = await trajectory('nl', from);
    const moved = await call('POST', `/api/sessions/${t.session.id}/reschedule`, { token: t.token, body: { startsAt: to }, headers: { 'idempotency-key': crypto.randomUUID() } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const mail = await oneMail(t.email);
    expect(mail.subject).toBe(`Verplaatst: je sessie is nu op ${formatInstant(Date.parse(to), 'Europe/London', 'nl', 'full')}`);
    expect(mail.text).toContain(formatInstant(Date.parse(from), 'Europe/London', 'nl', 'full'));
    expect(mail.headers['Content-Language']).toBe('nl');
  }, 30_000);

  it('coachee cancels: one mail to the coach naming the coachee, linking to /app; the coachee gets none', async () => {
    const t = await trajectory('en', '2027-06-14T09:00:00Z');
    expect((await call('POST', `/api/c/${t.link}/sessions/${t.session.id}/cancel`, { body: { reason: 'Sick' } })).status).toBe(200);
    const mail = await oneMail(t.coachEmail);
    expect(mail.subject).toContain(t.name);
    expect(mail.text).toMatch(/\/app\b/);
    expect(mail.text).not.toContain('Sick');
    expect(await mailTo(t.email)).toHaveLength(0);
  }, 30_000);

  it('a coachee who stopped mail hears nothing of a cancellation', async () => {
    const t = await trajectory('en', '2027-06-21T09:00:00Z');
    expect((await call('PATCH', `/api/c/${t.link}/preferences`, { body: { mailOff: true } })).body.mailOff).toBe(true);
    expect((await call('POST', `/api/sessions/${t.session.id}/cancel`, { token: t.token, body: {} })).status).toBe(200);
    // The same change, delivered straight to the queue, still sends nothing.
    const coachId = (await call('GET', '/api/me', { token: t.token })).body.id;
    const job: Job = { id: `cancel:${t.session.id}`, kind: 'session.change-notice', coachId, engagementId: t.engagement.id, sessionId: t.session.id, change: 'cancel', by: 'coach', startMs: Date.parse('2027-06-21T09:00:00Z') };
    const batch = createMessageBatch<Job>('coaching-outbox', [{ id: 'a', timestamp: new Date(), attempts: 1, body: job }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['a']);
    expect(await mailTo(t.email)).toHaveLength(0);
  }, 30_000);
});
