/** A coach's first week through API v1: the coachee's invitation (consent, intake), booking limits, cancelling and moving sessions, CANCEL/REQUEST invites, the feed URL, /app. */
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockProviderTraffic, syncOk } from './calendar-helpers';
import { call, expectProblem, planSession, setup, signIn } from './helpers';

beforeAll(blockProviderTraffic);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const tokenOf = (url: string) => url.split('/c/')[1] as string;

/** A coach with a coachee and a fresh trajectory (no sessions), and the coachee's link token. */
async function invited(body: Record<string, unknown> = {}) {
  const token = await signIn();
  const coachee = (await call('POST', '/api/coachees', { token, body: { name: 'Noor Bakker', email: 'noor@example.nl', locale: 'en' } })).body;
  const created = await call('POST', '/api/engagements', { token, body: { coacheeId: coachee.id, goal: 'More calm at work', ...body } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const link = tokenOf((await call('GET', `/api/engagements/${created.body.id}/link`, { token })).body.url);
  return { token, coachee, engagement: created.body, link };
}

/** Free slots on the link at least `minAheadMs` from now. */
async function slotsAhead(link: string, minAheadMs: number): Promise<{ startsAt: string; endsAt: string }[]> {
  const r = await call('GET', `/api/c/${link}/slots`);
  expect(r.status).toBe(200);
  return r.body.slots.filter((s: { startsAt: string }) => Date.parse(s.startsAt) >= Date.now() + minAheadMs);
}

const book = (link: string, startsAt: string, key = crypto.randomUUID()) => call('POST', `/api/c/${link}/book`, { body: { startsAt }, headers: { 'idempotency-key': key } });
const move = (token: string, id: string, startsAt: string, key: string | null = crypto.randomUUID()) =>
  call('POST', `/api/sessions/${id}/reschedule`, { token, body: { startsAt }, headers: key === null ? {} : { 'idempotency-key': key } });

function vevent(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const e = cal.getFirstSubcomponent('vevent')!;
  return { method: cal.getFirstPropertyValue('method'), uid: e.getFirstPropertyValue('uid'), sequence: Number(e.getFirstPropertyValue('sequence')), status: e.getFirstPropertyValue('status'), start: (e.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime() };
}

describe('the invitation: welcome, consent, intake', () => {
  it('walks the coachee through welcome, consent and intake, saving answers as typed; the coach reads them, the invite never shows them', async () => {
    const { token, engagement, link } = await invited({ welcome: 'Welcome, Noor! Glad you are here.' });
    expect(engagement).toMatchObject({ welcome: 'Welcome, Noor! Glad you are here.', intakeQuestions: null, consentAt: null, closedAt: null });

    const first = await call('GET', `/api/c/${link}`);
    expect(first.status).toBe(200);
    expect(first.body.onboarding.welcome).toBe('Welcome, Noor! Glad you are here.');
    expect(first.body.onboarding.consentGiven).toBe(false);
    // built-in questions in the coachee's language (English here)
    expect(first.body.onboarding.intake.questions.map((q: any) => q.id)).toEqual(['situation', 'goal', 'tried', 'energy', 'first-session']);
    expect(first.body.onboarding.intake.questions[0].text).toMatch(/current situation/);
    expect(first.body).toMatchObject({ session: null, closed: false, upcoming: [], history: [], booking: { openBookings: 0, maxOpenBookings: 1, horizonDays: 90, cancellationNoticeHours: 24 } });

    expectProblem(await call('PUT', `/api/c/${link}/intake`, { body: { answers: [{ questionId: 'goal', text: 'x' }] } }), 409, 'answers');
    const consent = await call('POST', `/api/c/${link}/consent`);
    expect(consent.status).toBe(200);
    expect(consent.body.consentGiven).toBe(true);

    expectProblem(await call('PUT', `/api/c/${link}/intake`, { body: { answers: [{ questionId: 'nope', text: 'x' }] } }), 422, 'answers[0].questionId');
    expectProblem(await call('PUT', `/api/c/${link}/intake`, { body: { answers: [{ questionId: 'goal', text: 'x'.repeat(4001) }] } }), 422, 'answers.0.text');
    expect((await call('PUT', `/api/c/${link}/intake`, { body: { answers: [{ questionId: 'situation', text: 'Busy team lead, sleeping badly' }] } })).status).toBe(200);
    const saved = await call('PUT', `/api/c/${link}/intake`, { body: { answers: [{ questionId: 'goal', text: 'Say no without guilt' }] } });
    expect(saved.body.intake.answers.map((a: any) => [a.questionId, a.text])).toEqual([['situation', 'Busy team lead, sleeping badly'], ['goal', 'Say no without guilt']]);

    const coachView = await call('GET', `/api/engagements/${engagement.id}/intake`, { token });
    expect(coachView.status).toBe(200);
    expect(coachView.body.consentAt).toEqual(expect.any(String));
    expect(coachView.body.intake.answers).toHaveLength(2);
    expectProblem(await call('GET', `/api/engagements/${engagement.id}/intake`, { token: await signIn() }), 404);

    // session 1: its panel shows the intake; its invite and calendar event never do
    const session = await planSession(token, engagement.id, new Date(Math.ceil(Date.now() / HOUR) * HOUR + 3 * DAY).toISOString());
    const panel = await call('GET', `/api/sessions/${session.id}/panel`, { token });
    expect(panel.body.intake.answers.map((a: any) => a.text)).toContain('Say no without guilt');
    const invite = await call('GET', `/api/sessions/${session.id}/invite`, { token });
    expect(JSON.stringify(invite.body)).not.toMatch(/without guilt|sleeping badly/);
    await syncOk(session.id);
    const ics = await call('GET', `/api/sessions/${session.id}/invite.ics`, { token });
    expect(ics.body).not.toMatch(/without guilt|sleeping badly/);
    const me = (await call('GET', '/api/me', { token })).body;
    expect((await call('GET', new URL(me.calendar.icsUrl).pathname)).body).not.toMatch(/without guilt|sleeping badly/);
  });

  it('takes the trajectory\'s own questions, refuses bad ones, and exports and erases the answers with the coachee', async () => {
    expectProblem(await call('POST', '/api/engagements', { token: await signIn(), body: { coacheeId: 'x'.repeat(10), intakeQuestions: [{ id: 'a', text: 'One?' }, { id: 'a', text: 'Two?' }] } }), 422, 'intakeQuestions');
    const { token, coachee, engagement, link } = await invited({ intakeQuestions: [{ id: 'why', text: 'Why now?' }], touchpoints: { checkin: { on: true, cadenceDays: 7 } } });
    expect(engagement.touchpoints).toEqual({ checkin: { on: true, cadenceDays: 7 } });
    expectProblem(await call('PATCH', `/api/engagements/${engagement.id}`, { token, body: { welcome: 'x'.repeat(2001) } }), 422, 'welcome');
    await call('POST', `/api/c/${link}/consent`);
    await call('PUT', `/api/c/${link}/intake`, { body: { answers: [{ questionId: 'why', text: 'A new job' }] } });
    const exported = await call('GET', `/api/coachees/${coachee.id}/export`, { token });
    expect(exported.body.engagements[0].intake.answers[0].text).toBe('A new job');
    expect((await call('DELETE', `/api/coachees/${coachee.id}`, { token })).status).toBe(204);
    expectProblem(await call('GET', `/api/c/${link}`), 404);
  });
});

describe('booking limits, cancelling and moving', () => {
  it('holds a coachee to the booking horizon and to one upcoming session; cancelling frees the slot and leaves a CANCEL invite', async () => {
    const { token, engagement, link } = await invited();
    const [slot] = await slotsAhead(link, 2 * DAY);
    expect(slot).toBeDefined();
    const far = new Date(Date.parse(slot!.startsAt) + 14 * 7 * DAY).toISOString();
    expectProblem(await book(link, far), 422, 'startsAt');
    expect((await book(link, far)).body.type).toBe('/problems/booking-beyond-horizon');

    const booked = await book(link, slot!.startsAt);
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const [other] = (await slotsAhead(link, 2 * DAY)).filter((s) => s.startsAt !== slot!.startsAt);
    const second = await book(link, other!.startsAt);
    expectProblem(second, 409, 'startsAt');
    expect(second.body.type).toBe('/problems/booking-limit');
    expect((await call('GET', `/api/c/${link}`)).body.upcoming).toEqual([expect.objectContaining({ id: booked.body.id, cancellable: true })]);

    await syncOk(booked.body.id);
    const request = vevent((await call('GET', `/api/c/${link}/sessions/${booked.body.id}/invite.ics`)).body);
    expect(request.method).toBe('REQUEST');

    // another trajectory's session cannot be cancelled through this link
    const stranger = await invited();
    const theirs = await planSession(stranger.token, stranger.engagement.id, new Date(Math.ceil(Date.now() / HOUR) * HOUR + 5 * DAY).toISOString());
    expectProblem(await call('POST', `/api/c/${link}/sessions/${theirs.id}/cancel`, { body: {} }), 404);
    expectProblem(await call('POST', `/api/sessions/${booked.body.id}/cancel`, { token: stranger.token, body: {} }), 404);

    const cancelled = await call('POST', `/api/c/${link}/sessions/${booked.body.id}/cancel`, { body: { reason: 'Sick' } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ id: booked.body.id, cancelledBy: 'coachee', reason: 'Sick' });
    expectProblem(await call('GET', `/api/sessions/${booked.body.id}`, { token }), 404);
    expect((await slotsAhead(link, 2 * DAY)).map((s) => s.startsAt)).toContain(slot!.startsAt);
    const view = (await call('GET', `/api/c/${link}`)).body;
    expect(view.history).toEqual([expect.objectContaining({ id: booked.body.id, status: 'cancelled', cancelledBy: 'coachee' })]);
    expect((await call('GET', `/api/cancellations?engagementId=${engagement.id}`, { token })).body).toHaveLength(1);

    const cancel = await call('GET', `/api/c/${link}/sessions/${booked.body.id}/invite.ics`);
    expect(cancel.headers.get('content-type')).toMatch(/method=CANCEL/);
    const withdrawn = vevent(cancel.body);
    expect(withdrawn).toMatchObject({ method: 'CANCEL', uid: request.uid, status: 'CANCELLED' });
    expect(withdrawn.sequence).toBeGreaterThan(request.sequence);
    const me = (await call('GET', '/api/me', { token })).body;
    expect((await call('GET', new URL(me.calendar.icsUrl).pathname)).body).toMatch(/STATUS:CANCELLED/);

    // the freed slot can be booked again (also at exactly the same start)
    expect((await book(link, slot!.startsAt)).status).toBe(201);
  });

  it('refuses a coachee\'s cancellation inside the notice, and any cancellation of a session that has started', async () => {
    const { token, engagement, link } = await invited();
    const soon = await planSession(token, engagement.id, new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR).toISOString());
    const late = await call('POST', `/api/c/${link}/sessions/${soon.id}/cancel`, { body: {} });
    expectProblem(late, 409);
    expect(late.body.type).toBe('/problems/cancellation-too-late');
    expect((await call('POST', `/api/sessions/${soon.id}/cancel`, { token, body: { reason: 'x'.repeat(501) } })).status).toBe(422);
    // a session with a linked host meeting cancels too (its meeting links go with it)
    expect((await call('POST', `/api/sessions/${soon.id}/meeting`, { token, body: { host: 'zoom', meetingId: '81234567890' } })).status).toBeLessThan(300);
    expect((await call('POST', `/api/sessions/${soon.id}/cancel`, { token, body: {} })).status).toBe(200);
    expectProblem(await call('GET', '/api/sessions/by-meeting?host=zoom&meetingId=81234567890', { token }), 404);
    const past = await planSession(token, engagement.id, new Date(Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR).toISOString());
    expect((await call('POST', `/api/sessions/${past.id}/cancel`, { token, body: {} })).body.type).toBe('/problems/session-started');
  });

  it('moves a session with an Idempotency-Key: same UID, higher SEQUENCE, overlaps refused, keys never reused for another time', async () => {
    const { token, session, engagement } = await setup({ startsAt: new Date(Math.ceil(Date.now() / HOUR) * HOUR + 4 * DAY).toISOString(), bookingLimits: 'default' });
    const blocker = await planSession(token, engagement.id, new Date(Date.parse(session.startsAt) + DAY).toISOString());
    await syncOk(session.id);
    const before = vevent((await call('GET', `/api/sessions/${session.id}/invite.ics`, { token })).body);

    expectProblem(await move(token, session.id, session.startsAt, null), 428, 'Idempotency-Key');
    expectProblem(await move(token, session.id, 'tomorrow'), 422, 'startsAt');
    expectProblem(await move(await signIn(), session.id, session.startsAt), 404);
    expectProblem(await move(token, session.id, new Date(Date.parse(blocker.startsAt) + 30 * 60_000).toISOString()), 409, 'startsAt');
    expectProblem(await move(token, session.id, new Date(Date.now() + 200 * DAY).toISOString()), 422, 'startsAt');

    const to = new Date(Date.parse(session.startsAt) + 2 * HOUR).toISOString();
    const key = crypto.randomUUID();
    const moved = await move(token, session.id, to, key);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(Date.parse(moved.body.startsAt)).toBe(Date.parse(to));
    expect(Date.parse(moved.body.endsAt) - Date.parse(moved.body.startsAt)).toBe(HOUR);
    expect(moved.body.calendarStatus).toBe('pending');
    expect((await move(token, session.id, to, key)).body.id).toBe(session.id);
    expectProblem(await move(token, session.id, new Date(Date.parse(to) + HOUR).toISOString(), key), 422, 'Idempotency-Key');

    // before and after the outbox moved the event, the invite is the same event, moved, with a higher SEQUENCE
    const pendingInvite = vevent((await call('GET', `/api/sessions/${session.id}/invite.ics`, { token })).body);
    await syncOk(session.id, 'moved');
    const after = vevent((await call('GET', `/api/sessions/${session.id}/invite.ics`, { token })).body);
    for (const invite of [pendingInvite, after]) {
      expect(invite).toMatchObject({ method: 'REQUEST', uid: before.uid, start: Date.parse(to) });
      expect(invite.sequence).toBeGreaterThan(before.sequence);
    }
    expect(after.sequence).toBe(pendingInvite.sequence);
  });

  it('serialises a move and a booking racing for the same time: exactly one wins', async () => {
    const { token, engagement, link } = await invited();
    const slots = await slotsAhead(link, 2 * DAY);
    const target = slots[slots.length - 1]!.startsAt;
    const mine = await planSession(token, engagement.id, new Date(Date.parse(target) - 3 * DAY).toISOString());
    // the coach's own session is an open booking too: let the trajectory hold two
    expect((await call('PATCH', '/api/me', { token, body: { bookingRules: { maxOpenBookings: 2 } } })).status).toBe(200);
    const [a, b] = await Promise.all([move(token, mine.id, target), book(link, target)]);
    expect([200, 409]).toContain(a.status);
    expect([201, 409]).toContain(b.status);
    expect([a.status, b.status].filter((s) => s === 409)).toHaveLength(1);
    const list = (await call('GET', `/api/sessions?engagementId=${engagement.id}`, { token })).body as { startsAt: string }[];
    expect(list.filter((s) => Date.parse(s.startsAt) === Date.parse(target))).toHaveLength(1);
  });

  it('serialises a cancellation and a booking of the freed time', async () => {
    const { token, engagement, link } = await invited();
    const [slot] = await slotsAhead(link, 2 * DAY);
    const held = await planSession(token, engagement.id, slot!.startsAt);
    expect((await call('PATCH', '/api/me', { token, body: { bookingRules: { maxOpenBookings: 5 } } })).status).toBe(200);
    const [cancelled, booked] = await Promise.all([call('POST', `/api/sessions/${held.id}/cancel`, { token, body: {} }), book(link, slot!.startsAt)]);
    expect(cancelled.status).toBe(200);
    // the booking ran either before the cancellation (the time was taken) or after it (the time was free)
    expect([201, 409]).toContain(booked.status);
    const list = (await call('GET', `/api/sessions?engagementId=${engagement.id}`, { token })).body as { id: string }[];
    expect(list.map((s) => s.id)).not.toContain(held.id);
    expect(list).toHaveLength(booked.status === 201 ? 1 : 0);
  });
});

describe('a closed trajectory', () => {
  it('shows its history read-only on the link and accepts no writes', async () => {
    const { token, session, engagement } = await setup({ startsAt: new Date(Math.floor(Date.now() / HOUR) * HOUR - 48 * HOUR).toISOString() });
    const link = tokenOf((await call('GET', `/api/engagements/${engagement.id}/link`, { token })).body.url);
    const closed = await call('PATCH', `/api/engagements/${engagement.id}`, { token, body: { status: 'closed' } });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    const view = await call('GET', `/api/c/${link}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ closed: true, history: [expect.objectContaining({ id: session.id, status: 'held' })] });
    for (const [method, path, body] of [
      ['POST', `/api/c/${link}/consent`, undefined],
      ['PUT', `/api/c/${link}/intake`, { answers: [] }],
      ['POST', `/api/c/${link}/agenda`, { title: 'Iets' }],
      ['POST', `/api/c/${link}/sessions/${session.id}/cancel`, {}],
    ] as const) {
      const r = await call(method, path, body === undefined ? {} : { body });
      expectProblem(r, 409);
      expect(r.body.type).toBe('/problems/engagement-closed');
    }
    const booking = await call('POST', `/api/c/${link}/book`, { body: { startsAt: new Date(Date.now() + 5 * DAY).toISOString() }, headers: { 'idempotency-key': 'k-closed' } });
    expect(booking.body.type).toBe('/problems/engagement-closed');
  });
});

describe('the coach\'s home and feed', () => {
  it('serves /app top level only, lists the sign-in methods, and replaces the feed URL so the old one stops at once', async () => {
    const page = await call('GET', '/app');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(page.body).toContain('/assets/app.js');
    expect((await call('GET', '/api/auth/methods')).body.methods).toEqual([{ id: 'dev', kind: 'email' }]);

    const token = await signIn();
    const before = (await call('GET', '/api/me', { token })).body;
    expect(before.bookingRules).toMatchObject({ bookingHorizonDays: 90, cancellationNoticeHours: 24, maxOpenBookings: 1 });
    const replaced = await call('POST', '/api/me/calendar/feed', { token });
    expect(replaced.status).toBe(200);
    expect(replaced.body.calendar.icsUrl).not.toBe(before.calendar.icsUrl);
    expectProblem(await call('GET', new URL(before.calendar.icsUrl).pathname), 404);
    expect((await call('GET', new URL(replaced.body.calendar.icsUrl).pathname)).status).toBe(200);
    expectProblem(await call('POST', '/api/me/calendar/feed'), 401);
  });

  it('keeps working hours that touch, overlap or run past midnight', async () => {
    const token = await signIn();
    const r = await call('PATCH', '/api/me', { token, body: { workingHours: [{ day: 1, start: '09:00', end: '12:00' }, { day: 1, start: '12:00', end: '14:00' }, { day: 5, start: '22:00', end: '02:00' }] } });
    expect(r.status).toBe(200);
    expectProblem(await call('PATCH', '/api/me', { token, body: { workingHours: [{ day: 1, start: '09:00', end: '09:00' }] } }), 422, 'workingHours.0.end');
  });
});
