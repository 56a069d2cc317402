/** Between-session delivery: the cron → queue → mail path, a duplicated queue message sends one mail, skip and preferences, a GET never answers, bad answers name the field, erasure leaves nothing. */
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import type { Job } from '../../worker/jobs/outbox';
import { call, expectProblem, planSession, signIn } from './helpers';
import { eventually, mailTo, pageLink, runAt, timeline } from './between-support';

async function trajectory(locale: 'nl' | 'en', startsAt: string) {
  const token = await signIn();
  const email = `coachee-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const name = `Robin-${crypto.randomUUID().slice(0, 6)}`;
  const coachee = (await call('POST', '/api/coachees', { token, body: { name, email, locale, timeZone: 'Europe/London' } })).body;
  const engagement = (await call('POST', '/api/engagements', { token, body: { coacheeId: coachee.id } })).body;
  const session = await planSession(token, engagement.id, startsAt);
  return { token, email, name, coachee, engagement, session };
}

describe('between-session delivery', () => {
  it('cron claims due touchpoints into the queue; a duplicated message sends one mail', async () => {
    const t = await trajectory('en', '2027-06-07T09:00:00Z');
    const reminder = (await timeline(t.token, t.engagement.id)).find((i) => i.kind === 'reminder.session')!;
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.parse(reminder.dueAt), cron: '* * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    const claimed = await env.DB.prepare('SELECT claimed_at FROM touchpoints WHERE id = ?1').bind(reminder.id).first<{ claimed_at: number }>();
    expect(claimed?.claimed_at).toBe(Date.parse(reminder.dueAt));
    // The queue's own consumer delivers it.
    const first = await eventually(async () => {
      const mails = await mailTo(t.email);
      expect(mails).toHaveLength(1);
      return mails[0]!;
    }, 300);
    expect(first.subject).toMatch(/^Reminder: your session on Monday,? 7 June 2027 at 10:00/);

    // The same job delivered twice more (at-least-once delivery): still one mail, both messages acked.
    const job: Job = { id: `tp:${reminder.id}`, kind: 'touchpoint.send', coachId: (await call('GET', '/api/me', { token: t.token })).body.id, touchpointId: reminder.id, at: Date.parse(reminder.dueAt) };
    const batch = createMessageBatch<Job>('coaching-outbox', [
      { id: 'a', timestamp: new Date(), attempts: 2, body: job },
      { id: 'b', timestamp: new Date(), attempts: 1, body: job },
    ]);
    const qctx = createExecutionContext();
    await worker.queue(batch, env, qctx);
    expect((await getQueueResult(batch, qctx)).explicitAcks.sort()).toEqual(['a', 'b']);
    expect(await mailTo(t.email)).toHaveLength(1);
    expect((await timeline(t.token, t.engagement.id)).find((i) => i.id === reminder.id)?.status).toBe('sent');
  }, 30_000);

  it('skip holds a touchpoint; fewer check-ins and one-click unsubscribe change what is sent; a GET never answers', async () => {
    const t = await trajectory('en', '2027-07-05T09:00:00Z');
    const items = await timeline(t.token, t.engagement.id);
    const reflection = items.find((i) => i.kind === 'reflection')!;
    expect((await call('POST', `/api/touchpoints/${reflection.id}/skip`, { token: t.token })).body.status).toBe('skipped');
    expect((await call('POST', `/api/touchpoints/${reflection.id}/skip`, { token: t.token })).status).toBe(404);
    expect((await runAt(reflection.dueAt)).map((s) => s.id)).not.toContain(reflection.id);
    expect((await timeline(t.token, t.engagement.id)).find((i) => i.id === reflection.id)?.status).toBe('skipped');

    // Another coach's ids answer 404.
    const other = await signIn();
    expect((await call('GET', `/api/engagements/${t.engagement.id}/timeline`, { token: other })).status).toBe(404);
    const checkin = items.find((i) => i.kind === 'checkin')!;
    expect((await call('POST', `/api/touchpoints/${checkin.id}/skip`, { token: other })).status).toBe(404);

    expect((await runAt(checkin.dueAt)).map((s) => s.id)).toContain(checkin.id);
    const mail = (await mailTo(t.email))[0]!;
    expect(mail.subject).toBe('How are things? A one-click check-in');
    const link = pageLink(mail.text);
    // Opening the one-click link (a GET) shows the form; nothing is answered until the coachee confirms.
    const opened = await call('GET', `/api/c/${link.token}/touchpoints/${link.tp}`);
    expect(opened.body).toMatchObject({ kind: 'checkin', status: 'sent', score: null, asksScore: true, scoreLabels: ['Hard', 'Not great', 'Okay', 'Good', 'Very good'] });
    expect((await timeline(t.token, t.engagement.id)).find((i) => i.id === link.tp)?.status).toBe('sent');
    expectProblem(await call('POST', `/api/c/${link.token}/touchpoints/${link.tp}/answer`, { body: { comment: 'no score' } }), 422, 'score');
    expectProblem(await call('POST', `/api/c/${link.token}/touchpoints/${link.tp}/answer`, { body: { score: 9 } }), 422, 'score');

    // Fewer check-ins: the next one moves from one week to two.
    const nextBefore = (await timeline(t.token, t.engagement.id)).find((i) => i.kind === 'checkin' && i.status === 'planned')!.dueAt;
    expect((await call('PATCH', `/api/c/${link.token}/preferences`, { body: { fewerCheckins: true } })).body.fewerCheckins).toBe(true);
    const nextAfter = (await timeline(t.token, t.engagement.id)).find((i) => i.kind === 'checkin' && i.status === 'planned')!.dueAt;
    expect(Date.parse(nextAfter) - Date.parse(nextBefore)).toBe(7 * 24 * 3600_000);

    // One-click unsubscribe from the List-Unsubscribe header: the next touchpoint shows on the page, no mail.
    const unsubscribe = /^<(.+)>$/.exec(mail.headers['List-Unsubscribe']!)![1]!;
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect((await call('POST', new URL(unsubscribe).pathname, { raw: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).body.mailOff).toBe(true);
    const next = (await timeline(t.token, t.engagement.id)).find((i) => i.kind === 'checkin' && i.status === 'planned')!;
    expect((await runAt(nextAfter)).find((s) => s.id === next.id)?.outcome).toBe('shown');
    expect(await mailTo(t.email)).toHaveLength(1);
    expect((await call('GET', `/api/c/${link.token}/touchpoints`)).body.items.map((i: { kind: string }) => i.kind)).toEqual(['checkin', 'checkin']);
  });

  it('erasing the coachee leaves no touchpoint, alert or mail about them', async () => {
    const t = await trajectory('nl', '2027-08-02T09:00:00Z');
    const checkin = (await timeline(t.token, t.engagement.id)).find((i) => i.kind === 'checkin')!;
    await runAt(checkin.dueAt);
    const link = pageLink((await mailTo(t.email))[0]!.text);
    await call('POST', `/api/c/${link.token}/touchpoints/${link.tp}/answer`, { body: { score: 1, comment: 'Gaat niet goed' } });
    expect((await call('GET', '/api/alerts', { token: t.token })).body.alerts).toHaveLength(1);
    const count = async (table: string) => (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE engagement_id = ?1`).bind(t.engagement.id).first<{ n: number }>())!.n;
    expect(await count('touchpoints')).toBeGreaterThan(0);
    expect(await count('mails')).toBeGreaterThanOrEqual(3);

    // Before erasure the export hands it all over, answers included.
    const exported = (await call('GET', `/api/coachees/${t.coachee.id}/export`, { token: t.token })).body;
    expect(exported.engagements[0].between.items.find((i: { id: string }) => i.id === link.tp)).toMatchObject({ kind: 'checkin', status: 'answered', score: 1, comment: 'Gaat niet goed' });
    expect((await call('DELETE', `/api/coachees/${t.coachee.id}`, { token: t.token })).status).toBe(204);
    for (const table of ['touchpoints', 'alerts', 'mails', 'touchpoint_settings']) expect(await count(table), table).toBe(0);
    const left = (await call('GET', '/api/dev/mailbox')).body.messages as { to: string; text: string }[];
    expect(left.filter((m) => m.to === t.email || m.text.includes(t.name))).toEqual([]);
    expect((await call('GET', '/api/alerts', { token: t.token })).body.alerts).toEqual([]);
  });
});

describe('the coach\'s daily digest', () => {
  it('holds answers for one mail at 08:00 the coach\'s time; a low score still alerts at once', async () => {
    const token = await signIn();
    const me = (await call('GET', '/api/me', { token })).body;
    expect((await call('PUT', '/api/me/mail', { token, body: { digest: true } })).body).toEqual({ digest: true });
    const email = `digest-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const coachee = (await call('POST', '/api/coachees', { token, body: { name: 'Kim', email, locale: 'en' } })).body;
    const engagement = (await call('POST', '/api/engagements', { token, body: { coacheeId: coachee.id } })).body;
    await planSession(token, engagement.id, '2027-10-04T09:00:00Z');
    const items = await timeline(token, engagement.id);
    await runAt(items.find((i) => i.kind === 'reflection')!.dueAt);
    const reflection = pageLink((await mailTo(email))[0]!.text);
    await call('POST', `/api/c/${reflection.token}/touchpoints/${reflection.tp}/answer`, { body: { answers: ['Calm'] } });
    await runAt(items.find((i) => i.kind === 'checkin')!.dueAt);
    const checkin = pageLink((await mailTo(email))[0]!.text);
    await call('POST', `/api/c/${checkin.token}/touchpoints/${checkin.tp}/answer`, { body: { score: 1 } });
    // The coach reads Dutch (a new coach's default); the coachee English.
    expect((await mailTo(me.email)).map((m) => m.subject)).toEqual(['Let op: Kim gaf een 1 bij de check-in']);

    const due = (await env.DB.prepare('SELECT next_digest_at FROM coach_mail_prefs WHERE coach_id = ?1').bind(me.id).first<{ next_digest_at: number }>())!.next_digest_at;
    expect(new Date(due).toLocaleString('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' })).toBe('08:00');
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: due, cron: '* * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    const digest = (await mailTo(me.email)).find((m) => m.subject.startsWith('Je dagoverzicht'))!;
    expect(digest.subject).toBe('Je dagoverzicht: 1 antwoord binnen');
    expect(digest.text).toContain('Kim: reflectie');
    // Once only: the next run finds nothing new.
    const again = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: due + 60_000, cron: '* * * * *' }), env, again);
    await waitOnExecutionContext(again);
    expect((await mailTo(me.email)).filter((m) => m.subject.startsWith('Je dagoverzicht'))).toHaveLength(1);
  });
});
