/** Between sessions, played with the scheduler's test clock: three sessions (one on the spring DST day), reflections, weekly check-ins with a low score, agreement and session reminders that follow moves and cancellations, closing, evaluation and follow-up. */
import { describe, expect, it } from 'vitest';
import { call, planSession, signIn } from './helpers';
import { eventually, mailTo, pageLink, runAt, timeline } from './between-support';

const MARKER = 'PRIVATE-NOTE-7f3a';
const Z = (iso: string) => new Date(iso).toISOString();

describe('a whole trajectory between sessions', () => {
  it('sends what is due, in the coachee\'s zone, alerts the coach on a low score, and never mails a private note', async () => {
    const token = await signIn();
    // The trajectory lies a few months ahead; the coach books that far.
    expect((await call('PATCH', '/api/me', { token, body: { bookingRules: { bookingHorizonDays: 365 } } })).status).toBe(200);
    const email = `sanne-${crypto.randomUUID().slice(0, 8)}@example.nl`;
    const coachee = (await call('POST', '/api/coachees', { token, body: { name: 'Sanne', email, locale: 'nl', timeZone: 'Europe/Amsterdam' } })).body;
    const engagement = (await call('POST', '/api/engagements', { token, body: { coacheeId: coachee.id, goal: 'Meer regie' } })).body;
    // Monday 1 March 10:00 CET, Monday 15 March 10:00 CET, Sunday 28 March 14:00 CEST (the day clocks go forward), and one more to cancel.
    const s1 = await planSession(token, engagement.id, '2027-03-01T09:00:00Z');
    const s2 = await planSession(token, engagement.id, '2027-03-15T09:00:00Z');
    const s3 = await planSession(token, engagement.id, '2027-03-28T12:00:00Z');
    const s4 = await planSession(token, engagement.id, '2027-04-19T08:00:00Z');
    for (const s of [s1, s2, s3]) expect((await call('PUT', `/api/sessions/${s.id}/notes`, { token, body: { text: `${MARKER} vertrouwelijk` } })).status).toBe(200);
    const agreement = (await call('POST', `/api/sessions/${s1.id}/agreements`, { token, body: { who: 'coachee', what: 'Elke ochtend tien minuten plannen', due: '2027-03-10' } })).body;

    let items = await eventually(async () => {
      const t = await timeline(token, engagement.id);
      expect(t.some((i) => i.kind === 'reminder.agreement')).toBe(true);
      return t;
    });
    const due = (kind: string, sessionId?: string) => items.find((i) => i.kind === kind && (!sessionId || i.sessionId === sessionId) && i.status === 'planned')?.dueAt;
    expect(due('reminder.session', s1.id)).toBe(Z('2027-02-28T09:00:00Z'));
    expect(due('reflection', s1.id)).toBe(Z('2027-03-02T10:00:00Z'));
    // The reminder a day before the DST-day session keeps the wall-clock time: Saturday 14:00 CET is 13:00Z, not 12:00Z.
    expect(due('reminder.session', s3.id)).toBe(Z('2027-03-27T13:00:00Z'));
    expect(due('checkin')).toBe(Z('2027-03-08T08:00:00Z'));
    expect(due('reminder.agreement')).toBe(Z('2027-03-09T08:00:00Z'));

    expect((await runAt('2027-02-28T09:00:00Z')).map((s) => s.kind)).toEqual(['reminder.session']);
    expect((await mailTo(email))[0]!.subject).toMatch(/^Herinnering: je sessie van maandag 1 maart 2027 om 10:00/);

    // Reflection a day after session 1; the coachee answers from the link in the mail.
    expect((await runAt('2027-03-02T10:00:00Z')).map((s) => s.kind)).toEqual(['reflection']);
    const reflection = (await mailTo(email))[0]!;
    const link = pageLink(reflection.text);
    expect(reflection.headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:8787\/api\/p\/[^>]+\/unsubscribe>$/);
    const form = await call('GET', `/api/c/${link.token}/touchpoints/${link.tp}`);
    expect(form.body).toMatchObject({ kind: 'reflection', status: 'sent', questions: ['Wat neem je mee uit de sessie?', 'Wat ga je uitproberen?', 'Wat heb je nodig om dat te doen?'] });
    expect((await call('POST', `/api/c/${link.token}/touchpoints/${link.tp}/answer`, { body: { answers: ['Rust in mijn agenda', 'Nee zeggen', ''] } })).status).toBe(200);

    // Weekly check-in at 09:00 Amsterdam time; 4 out of 5 is no alert.
    expect((await runAt('2027-03-08T08:00:00Z')).map((s) => s.kind)).toEqual(['checkin']);
    const checkin1 = pageLink((await mailTo(email))[0]!.text);
    expect((await call('POST', `/api/c/${checkin1.token}/touchpoints/${checkin1.tp}/answer`, { body: { score: 4 } })).status).toBe(200);

    // The agreement reminder, a day before it is due, with the agreement in WWW form and a one-click "done".
    expect((await runAt('2027-03-09T08:00:00Z')).map((s) => s.kind)).toEqual(['reminder.agreement']);
    const reminder = (await mailTo(email))[0]!;
    expect(reminder.text).toContain('Jij — Elke ochtend tien minuten plannen — uiterlijk');
    expect(pageLink(reminder.text).params.get('done')).toBe('1');
    // A second agreement, finished by the coachee before its reminder: the reminder is cancelled.
    const later = (await call('POST', `/api/sessions/${s1.id}/agreements`, { token, body: { who: 'coachee', what: 'Een gesprek met mijn leidinggevende voeren', due: '2027-03-20' } })).body;
    const laterReminder = await eventually(async () => {
      const r = (await timeline(token, engagement.id)).find((i) => i.kind === 'reminder.agreement' && i.status === 'planned');
      expect(r).toBeDefined();
      return r!;
    });
    expect(laterReminder.dueAt).toBe(Z('2027-03-19T08:00:00Z'));
    expect((await call('PATCH', `/api/c/${link.token}/agreements/${later.id}`, { body: { status: 'done' } })).status).toBe(200);
    await eventually(async () => expect((await timeline(token, engagement.id)).find((i) => i.id === laterReminder.id)?.status).toBe('cancelled'));
    expect(agreement.id).toBeTruthy();

    // Session 2 moves a day later: its reminder moves with it. Session 4 is cancelled: its touchpoints go.
    const moved = await call('POST', `/api/sessions/${s2.id}/reschedule`, { token, body: { startsAt: '2027-03-16T09:00:00Z' }, headers: { 'idempotency-key': crypto.randomUUID() } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const cancelled = await call('POST', `/api/sessions/${s4.id}/cancel`, { token, body: { reason: 'Ziek' } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    items = await timeline(token, engagement.id);
    expect(due('reminder.session', s2.id)).toBe(Z('2027-03-15T09:00:00Z'));
    expect(items.filter((i) => i.sessionId === s4.id).map((i) => i.status)).toEqual(['cancelled', 'cancelled']);
    expect(await runAt('2027-03-14T09:00:00Z')).toEqual([]);
    expect((await runAt('2027-03-15T09:00:00Z')).map((s) => s.kind)).toEqual(['reminder.session']);
    expect((await mailTo(email))[0]!.subject).toContain('dinsdag 16 maart 2027 om 10:00');
    expect((await runAt('2027-03-17T10:00:00Z')).map((s) => s.kind)).toEqual(['reflection']);

    // The check-in of 15 March fell next to session 2 and was left out; the one of 22 March comes, and a 2 alerts the coach at once.
    expect((await runAt('2027-03-22T08:00:00Z')).map((s) => s.kind)).toEqual(['checkin']);
    const checkin2 = pageLink((await mailTo(email))[0]!.text);
    expect(checkin2.params.get('score')).toBe('1');
    const low = await call('POST', `/api/c/${checkin2.token}/touchpoints/${checkin2.tp}/answer`, { body: { score: 2, comment: 'Zware week op het werk' } });
    expect(low.body.message).toMatch(/^Hoi Sanne,\n\nDank je dat je eerlijk/);
    const alerts = (await call('GET', '/api/alerts', { token })).body;
    expect(alerts.unread).toBeGreaterThanOrEqual(1);
    expect(alerts.alerts[0]).toMatchObject({ kind: 'low_score', score: 2, previousScore: 4, coacheeName: 'Sanne', comment: 'Zware week op het werk', readAt: null });
    const coachMail = (await call('GET', '/api/dev/mailbox')).body.messages.filter((m: { subject: string }) => m.subject.startsWith('Let op: Sanne gaf een 2'));
    expect(coachMail).toHaveLength(1);
    // The coachee's personal message from the coach (sent at the real time of the answer, so found by subject).
    expect((await mailTo(email)).filter((m) => m.subject.startsWith('Een bericht van '))).toHaveLength(1);

    // After the DST change the check-in stays at 09:00 local: 07:00Z. The one of 29 March is next to session 3, so 5 April.
    items = await timeline(token, engagement.id);
    expect(due('checkin')).toBe(Z('2027-04-05T07:00:00Z'));
    expect((await runAt('2027-03-27T13:00:00Z')).map((s) => s.kind)).toEqual(['reminder.session']);

    // Closing: the evaluation after the last session, the follow-up six weeks later; no more check-ins.
    expect((await call('PATCH', `/api/engagements/${engagement.id}`, { token, body: { status: 'closed' } })).status).toBe(200);
    items = await timeline(token, engagement.id);
    expect(due('checkin')).toBeUndefined();
    expect(due('evaluation')).toBe(Z('2027-03-28T13:00:00Z'));
    expect(due('followup')).toBe(Z('2027-05-09T08:00:00Z'));
    expect((await runAt('2027-03-28T13:00:00Z')).map((s) => s.kind)).toEqual(['evaluation']);
    const evaluation = pageLink((await mailTo(email))[0]!.text);
    expect((await call('POST', `/api/c/${evaluation.token}/touchpoints/${evaluation.tp}/answer`, { body: { score: 4, answers: ['Meer rust', 'Grenzen stellen', 'Fijne vragen', 'Nee'] } })).status).toBe(200);
    expect(await runAt('2027-05-08T08:00:00Z')).toEqual([]);
    expect((await runAt('2027-05-09T08:00:00Z')).map((s) => s.kind)).toEqual(['followup']);
    const followup = (await mailTo(email))[0]!;
    expect(followup.text).toMatch(/Mail je coach: mailto:coach-[^@\s]+%40example\.nl\?subject=/);
    expect(followup.text).not.toContain('/c/');

    const progress = (await call('GET', `/api/engagements/${engagement.id}/progress`, { token })).body;
    expect(progress.series.find((s: { key: string }) => s.key === 'checkin').points.map((p: { value: number }) => p.value)).toEqual([4, 2]);
    expect(progress.series.find((s: { key: string }) => s.key === 'evaluation').points.map((p: { value: number }) => p.value)).toEqual([4]);

    const all = (await call('GET', '/api/dev/mailbox')).body.messages as { text: string; html: string }[];
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const m of all) expect(m.text + m.html).not.toContain(MARKER);
  }, 30_000);
});
