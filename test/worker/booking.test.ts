/** Booking the next session: slot lists (working hours, buffers, notice, daily cap, busy sessions), booking with Idempotency-Key, carry-over, and the coachee's link. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, expectProblem, planSession, setup, signIn, widenBookingLimits } from './helpers';

// March 2031, before the switch to summer time: Amsterdam is UTC+01:00. 3 March 2031 is a Monday.
const MON = '2031-03-03';
const TUE = '2031-03-04';
const WED = '2031-03-05';
const THU = '2031-03-06';
const SAT = '2031-03-08';
const at = (day: string, time: string, offset = '+01:00') => `${day}T${time}:00${offset}`;
const HOUR = 3_600_000;

const patchMe = async (token: string, body: unknown) => {
  const r = await call('PATCH', '/api/me', { token, body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const slots = (token: string, sessionId: string, from: string, to: string) =>
  call('GET', `/api/sessions/${sessionId}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { token });
const localTimes = (body: any): string[] => body.slots.map((s: any) => s.startsAt.slice(11, 16));
const book = (token: string, sessionId: string, startsAt: string, key: string | null = crypto.randomUUID()) =>
  call('POST', `/api/sessions/${sessionId}/next`, { token, body: { startsAt }, headers: key === null ? {} : { 'idempotency-key': key } });
const linkOf = async (token: string, engagementId: string) => (await call('GET', `/api/engagements/${engagementId}/link`, { token })).body.url.split('/c/')[1] as string;
/** A session without what the calendar sync may change between two answers (its status and meeting link). */
const withoutSyncState = ({ calendarStatus, meetingUrl, ...rest }: any) => rest;
const sessionsOf = async (token: string, engagementId: string) => (await call('GET', `/api/sessions?engagementId=${engagementId}`, { token })).body as any[];

describe('slots', () => {
  it('follow the working hours, the step and the session length, with the coach\'s offset (winter and summer)', async () => {
    const { token, session } = await setup({ startsAt: at(MON, '09:00') });
    await patchMe(token, { workingHours: [{ day: 2, start: '13:00', end: '16:00' }] });

    const winter = await slots(token, session.id, at(TUE, '00:00'), at(WED, '00:00'));
    expect(winter.status).toBe(200);
    expect(winter.body.timeZone).toBe('Europe/Amsterdam');
    const pairs = [['13:00', '14:00'], ['13:30', '14:30'], ['14:00', '15:00'], ['14:30', '15:30'], ['15:00', '16:00']];
    expect(winter.body.slots).toEqual(pairs.map(([start, end]) => ({ startsAt: at(TUE, start!), endsAt: at(TUE, end!) })));
    // The other days of the week have no working hours now: the next slots are a week later.
    const week = await slots(token, session.id, at(WED, '00:00'), at('2031-03-12', '00:00'));
    expect(week.body.slots.map((x: any) => x.startsAt)).toEqual(pairs.map(([start]) => at('2031-03-11', start!)));
    const summer = await slots(token, session.id, '2031-06-03T00:00:00+02:00', '2031-06-04T00:00:00+02:00');
    expect(summer.body.slots[0]).toEqual({ startsAt: '2031-06-03T13:00:00+02:00', endsAt: '2031-06-03T14:00:00+02:00' });
  });

  it('carry the right offset on the days the clocks change (slots at and after 13:00)', async () => {
    const { token, session } = await setup({ startsAt: at(MON, '09:00') });
    await patchMe(token, { workingHours: [{ day: 7, start: '01:00', end: '04:00' }, { day: 7, start: '13:00', end: '14:30' }], bookingRules: { slotStepMinutes: 60 } });
    // 30 March 2031: 02:00 CET becomes 03:00 CEST. 26 October 2031: 03:00 CEST becomes 02:00 CET.
    const spring = await slots(token, session.id, '2031-03-30T00:00:00+01:00', '2031-03-31T00:00:00+02:00');
    expect(spring.body.slots).toEqual([
      { startsAt: '2031-03-30T01:00:00+01:00', endsAt: '2031-03-30T03:00:00+02:00' },
      { startsAt: '2031-03-30T03:00:00+02:00', endsAt: '2031-03-30T04:00:00+02:00' },
      { startsAt: '2031-03-30T13:00:00+02:00', endsAt: '2031-03-30T14:00:00+02:00' },
    ]);
    const autumn = await slots(token, session.id, '2031-10-26T00:00:00+02:00', '2031-10-27T00:00:00+01:00');
    expect(autumn.body.slots.map((x: any) => x.startsAt)).toContain('2031-10-26T13:00:00+01:00');
    expect(autumn.body.slots.every((x: any) => Date.parse(x.endsAt) - Date.parse(x.startsAt) === HOUR)).toBe(true);
  });

  it('leave out times taken by the coach\'s sessions of any engagement, with the buffers around the new session', async () => {
    const { token, session } = await setup({ startsAt: at(MON, '09:00') });
    const other = await setup({ token, startsAt: at(MON, '14:00') });
    await patchMe(token, { workingHours: [{ day: 2, start: '09:00', end: '13:00' }], bookingRules: { bufferBeforeMinutes: 30, bufferAfterMinutes: 15 } });
    await planSession(token, other.engagement.id, at(TUE, '11:00'));

    // 60-minute sessions with 30 minutes free before and 15 after: 09:00 and 09:30 stay clear of 11:00–12:00, 12:00 would need 11:30 free.
    const r = await slots(token, session.id, at(TUE, '00:00'), at(WED, '00:00'));
    expect(localTimes(r.body)).toEqual(['09:00', '09:30']);

    await patchMe(token, { bookingRules: { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 } });
    expect(localTimes((await slots(token, session.id, at(TUE, '00:00'), at(WED, '00:00'))).body)).toEqual(['09:00', '09:30', '10:00', '12:00']);
  });

  it('stop on a day that already has the maximum number of sessions', async () => {
    const { token, engagement, session } = await setup({ startsAt: at(MON, '09:00') });
    await patchMe(token, { bookingRules: { maxSessionsPerDay: 2 } });
    await planSession(token, engagement.id, at(WED, '09:00'));
    expect(localTimes((await slots(token, session.id, at(WED, '00:00'), at(THU, '00:00'))).body)).toContain('13:00');
    await planSession(token, engagement.id, at(WED, '15:00'));

    const r = await slots(token, session.id, at(WED, '00:00'), at('2031-03-07', '00:00'));
    expect(r.body.slots.filter((s: any) => s.startsAt.startsWith(WED))).toEqual([]);
    expect(r.body.slots.filter((s: any) => s.startsAt.startsWith(THU))).toHaveLength(15);
    const full = await book(token, session.id, at(WED, '12:00'));
    expectProblem(full, 422, 'startsAt');
    expect(full.body.type).toBe('/problems/booking-day-full');
    expect(full.body.detail).toMatch(/2 sessions that day/);
  });

  it('start no earlier than the minimum notice, and from now by default', async () => {
    const { token, session } = await setup({ startsAt: at(MON, '09:00') });
    await patchMe(token, { timeZone: 'UTC', workingHours: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })), bookingRules: { minimumNoticeMinutes: 48 * 60 } });
    const before = Date.now();
    const r = await call('GET', `/api/sessions/${session.id}/slots`, { token });
    const after = Date.now();
    expect(r.status).toBe(200);
    expect(r.body.timeZone).toBe('UTC');
    const first = Date.parse(r.body.slots[0].startsAt);
    expect(first).toBeGreaterThanOrEqual(before + 48 * HOUR);
    // The next grid point, or midnight when a 60-minute session no longer fits before the end of the day.
    expect(first).toBeLessThan(after + 48 * HOUR + 60 * 60_000);
    // The default window is 21 days: the last slot starts before then.
    expect(Date.parse(r.body.slots.at(-1).startsAt)).toBeLessThan(after + 21 * 24 * HOUR);
    expect(Date.parse(r.body.slots.at(-1).startsAt)).toBeGreaterThan(before + 20 * 24 * HOUR);

    const tooSoon = new Date(Math.ceil((Date.now() + 24 * HOUR) / (30 * 60_000)) * 30 * 60_000).toISOString();
    const refused = await book(token, session.id, tooSoon);
    expectProblem(refused, 422, 'startsAt');
    expect(refused.body.type).toBe('/problems/booking-notice');
    expect(refused.body.detail).toMatch(/48 hours/);
  });

  it('refuse a window over 90 days, one that ends before it starts, and malformed instants', async () => {
    const { token, session } = await setup({ startsAt: at(MON, '09:00') });
    expectProblem(await slots(token, session.id, at(MON, '00:00'), at('2031-06-02', '00:00')), 422, 'to');
    expect((await slots(token, session.id, at(MON, '00:00'), at('2031-06-01', '00:00'))).status).toBe(200);
    expectProblem(await slots(token, session.id, at(WED, '00:00'), at(TUE, '00:00')), 422, 'to');
    expectProblem(await call('GET', `/api/sessions/${session.id}/slots?to=2020-01-01T00:00:00Z`, { token }), 422, 'to');
    expectProblem(await call('GET', `/api/sessions/${session.id}/slots?from=morgen`, { token }), 422, 'from');
    expectProblem(await call('GET', `/api/sessions/${session.id}/slots?from=2031-03-04T10:00:00`, { token }), 422, 'from');
    expectProblem(await call('GET', `/api/sessions/${session.id}/slots?days=3`, { token }), 422, 'days');
  });

  it('are only for the coach\'s own sessions and need a sign-in', async () => {
    const { session } = await setup({ startsAt: at(MON, '09:00') });
    const stranger = await signIn();
    expectProblem(await slots(stranger, session.id, at(TUE, '00:00'), at(WED, '00:00')), 404);
    expectProblem(await book(stranger, session.id, at(TUE, '10:00')), 404);
    expectProblem(await call('GET', `/api/sessions/${session.id}/slots`), 401);
  });
});

describe('the coach\'s time zone setting', () => {
  it('refuses an unknown zone on PATCH /api/me, and a stored unknown zone gets a clear problem instead of a crash', async () => {
    const { token, session } = await setup({ startsAt: at(MON, '09:00') });
    expectProblem(await call('PATCH', '/api/me', { token, body: { timeZone: 'Europe/Atlantis' } }), 422, 'timeZone');
    expect((await call('GET', '/api/me', { token })).body.timeZone).toBe('Europe/Amsterdam');

    // A row written before zones were checked (or by hand) must not crash the slot finder.
    const me = (await call('GET', '/api/me', { token })).body;
    await env.DB.prepare('UPDATE coaches SET time_zone = ?1 WHERE id = ?2').bind('Europe/Atlantis', me.id).run();
    const r = await slots(token, session.id, at(TUE, '00:00'), at(WED, '00:00'));
    expectProblem(r, 409);
    expect(r.body.type).toBe('/problems/invalid-settings');
    expect(r.body.detail).toContain('Europe/Atlantis');
    expectProblem(await book(token, session.id, at(TUE, '10:00')), 409);
    expect(await sessionsOf(token, session.engagementId)).toHaveLength(1);
  });
});

describe('booking the next session', () => {
  it('creates the session of the same engagement, pending for the calendar, with the carried-over agreements and a review item', async () => {
    const { token, engagement, session } = await setup({ startsAt: at(MON, '09:00') });
    const agreement = (await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: 'coachee', what: 'Houdt een energiedagboek bij' } })).body;

    const r = await book(token, session.id, at('2031-03-17', '10:00'));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      engagementId: engagement.id,
      coacheeId: engagement.coacheeId,
      startsAt: '2031-03-17T09:00:00.000Z',
      endsAt: '2031-03-17T10:00:00.000Z',
      modelId: engagement.modelId,
      calendarStatus: 'pending',
    });
    expect(r.body.id).not.toBe(session.id);
    expect((await sessionsOf(token, engagement.id)).map((s) => s.id)).toEqual([r.body.id, session.id]);

    const panel = (await call('GET', `/api/sessions/${r.body.id}/panel`, { token })).body;
    expect(panel.state.agenda).toEqual([{ id: expect.any(String), title: 'Terugblik op de afspraken van vorige keer', done: false, position: 1, proposedBy: 'coach' }]);
    expect(panel.state.agreements.map((a: any) => [a.id, a.carriedOver])).toEqual([[agreement.id, true]]);
    expect(panel.previousSession.id).toBe(session.id);
  });

  it('adds no review item when nothing is open, and titles it in English for an English-speaking coachee', async () => {
    const token = await signIn();
    await widenBookingLimits(token);
    const coachee = (await call('POST', '/api/coachees', { token, body: { name: 'Emma Clarke', locale: 'en', timeZone: 'Europe/London' } })).body;
    const engagement = (await call('POST', '/api/engagements', { token, body: { coacheeId: coachee.id, sessionMinutes: 45 } })).body;
    const first = await planSession(token, engagement.id, at(MON, '09:00'), 45);
    const done = (await call('POST', `/api/sessions/${first.id}/agreements`, { token, body: { who: 'coachee', what: 'Reads the article' } })).body;
    await call('PATCH', `/api/agreements/${done.id}`, { token, body: { status: 'done' } });

    const second = await book(token, first.id, at(TUE, '10:00'));
    expect(second.status).toBe(201);
    expect(Date.parse(second.body.endsAt) - Date.parse(second.body.startsAt)).toBe(45 * 60_000);
    expect((await call('GET', `/api/sessions/${second.body.id}/panel`, { token })).body.state.agenda).toEqual([]);

    await call('POST', `/api/sessions/${second.body.id}/agreements`, { token, body: { who: 'coach', what: 'Sends the exercise' } });
    const third = await book(token, second.body.id, at(THU, '10:00'));
    expect((await call('GET', `/api/sessions/${third.body.id}/panel`, { token })).body.state.agenda.map((i: any) => i.title)).toEqual(["Review of last time's agreements"]);
  });

  it('answers a repeated Idempotency-Key with the same booking, and refuses the key for another request', async () => {
    const { token, engagement, session } = await setup({ startsAt: at(MON, '09:00') });
    const key = crypto.randomUUID();
    const first = await book(token, session.id, at(TUE, '10:00'), key);
    expect(first.status).toBe(201);

    const again = await book(token, session.id, at(TUE, '10:00'), key);
    expect(again.status).toBe(200);
    expect(withoutSyncState(again.body)).toEqual(withoutSyncState(first.body));
    // The same instant written with another offset is the same request.
    const sameInstant = await book(token, session.id, `${TUE}T09:00:00Z`, key);
    expect(sameInstant.status).toBe(200);
    expect(sameInstant.body.id).toBe(first.body.id);
    expect(await sessionsOf(token, engagement.id)).toHaveLength(2);

    const reused = await book(token, session.id, at(WED, '10:00'), key);
    expectProblem(reused, 422, 'Idempotency-Key');
    expect(reused.body.type).toBe('/problems/idempotency-key-reused');
    // The same key from the new session's panel is another request too.
    expectProblem(await book(token, first.body.id, at(TUE, '10:00'), key), 422, 'Idempotency-Key');
    expect(await sessionsOf(token, engagement.id)).toHaveLength(2);
  });

  it('requires a valid Idempotency-Key header', async () => {
    const { token, engagement, session } = await setup({ startsAt: at(MON, '09:00') });
    const missing = await book(token, session.id, at(TUE, '10:00'), null);
    expectProblem(missing, 428, 'Idempotency-Key');
    expect(missing.body.detail).toMatch(/Idempotency-Key/);
    expectProblem(await book(token, session.id, at(TUE, '10:00'), ''), 422, 'Idempotency-Key');
    expectProblem(await book(token, session.id, at(TUE, '10:00'), 'with space'), 422, 'Idempotency-Key');
    expectProblem(await book(token, session.id, at(TUE, '10:00'), 'k'.repeat(201)), 422, 'Idempotency-Key');
    expect((await book(token, session.id, at(TUE, '10:00'), 'k'.repeat(200))).status).toBe(201);
    expect(await sessionsOf(token, engagement.id)).toHaveLength(2);
  });

  it('refuses starts the slot list would not offer, naming startsAt, and answers 409 for an overlapping session', async () => {
    const { token, engagement, session } = await setup({ startsAt: at(MON, '09:00') });
    const refused = async (startsAt: string, type: string) => {
      const r = await book(token, session.id, startsAt);
      expectProblem(r, 422, 'startsAt');
      expect(r.body.type).toBe(type);
      expect(r.body.detail.length).toBeGreaterThan(20);
    };
    await refused('2020-03-03T10:00:00+01:00', '/problems/booking-past');
    await refused(at(SAT, '10:00'), '/problems/booking-outside-hours');
    await refused(at(TUE, '16:30'), '/problems/booking-outside-hours');
    await refused(at(TUE, '08:30'), '/problems/booking-outside-hours');
    await refused(at(TUE, '10:15'), '/problems/booking-misaligned');
    expectProblem(await call('POST', `/api/sessions/${session.id}/next`, { token, body: { startsAt: '2031-03-04 10:00' }, headers: { 'idempotency-key': 'a' } }), 422, 'startsAt');

    // Monday 09:00–10:00 is the session itself: an overlapping start and the very same start are conflicts.
    const overlap = await book(token, session.id, at(MON, '09:30'));
    expectProblem(overlap, 409, 'startsAt');
    const same = await book(token, session.id, at(MON, '09:00'));
    expectProblem(same, 409, 'startsAt');
    // Right after it is fine: the 15-minute buffer is kept after the new session, not before it.
    expect((await book(token, session.id, at(MON, '10:00'))).status).toBe(201);
    expect(await sessionsOf(token, engagement.id)).toHaveLength(2);
  });

  it('leaves nothing behind when the coachee is erased: their booking keys go with their sessions', async () => {
    const { token, coachee, session } = await setup({ startsAt: at(MON, '09:00') });
    const other = await setup({ token, startsAt: at(MON, '13:00') });
    const key = crypto.randomUUID();
    expect((await book(token, session.id, at(TUE, '10:00'), key)).status).toBe(201);
    expect((await book(token, other.session.id, at(WED, '10:00'))).status).toBe(201);
    const me = (await call('GET', '/api/me', { token })).body;
    const keys = () => env.DB.prepare('SELECT idempotency_key FROM booking_requests WHERE coach_id = ?1').bind(me.id).all<{ idempotency_key: string }>();

    expect((await keys()).results).toHaveLength(2);
    expect((await call('DELETE', `/api/coachees/${coachee.id}`, { token })).status).toBe(204);
    expect((await keys()).results.map((r) => r.idempotency_key)).not.toContain(key);
    expect((await keys()).results).toHaveLength(1);
  });

  it('is refused for a closed trajectory', async () => {
    const { token, session, engagement } = await setup({ startsAt: at(MON, '09:00') });
    await call('PATCH', `/api/engagements/${engagement.id}`, { token, body: { status: 'closed' } });
    expectProblem(await slots(token, session.id, at(TUE, '00:00'), at(WED, '00:00')), 409);
    const r = await book(token, session.id, at(TUE, '10:00'));
    expectProblem(r, 409);
    expect(r.body.type).toBe('/problems/engagement-closed');
  });
});

describe('the coachee books through their link', () => {
  it('sees slots in their own time zone and books the next session of their engagement, with the review item', async () => {
    const token = await signIn();
    await widenBookingLimits(token);
    const coachee = (await call('POST', '/api/coachees', { token, body: { name: 'Daan Jansen', timeZone: 'Europe/London' } })).body;
    const engagement = (await call('POST', '/api/engagements', { token, body: { coacheeId: coachee.id } })).body;
    const first = await planSession(token, engagement.id, at(MON, '09:00'));
    await call('POST', `/api/sessions/${first.id}/agreements`, { token, body: { who: 'coachee', what: 'Vraagt feedback aan twee collega’s' } });
    await patchMe(token, { workingHours: [{ day: 2, start: '09:00', end: '11:00' }] });
    const link = await linkOf(token, engagement.id);

    const s = await call('GET', `/api/c/${link}/slots?from=${encodeURIComponent(at(TUE, '00:00'))}&to=${encodeURIComponent(at(WED, '00:00'))}`);
    expect(s.status).toBe(200);
    expect(s.body).toEqual({
      timeZone: 'Europe/London',
      slots: [
        { startsAt: `${TUE}T08:00:00+00:00`, endsAt: `${TUE}T09:00:00+00:00` },
        { startsAt: `${TUE}T08:30:00+00:00`, endsAt: `${TUE}T09:30:00+00:00` },
        { startsAt: `${TUE}T09:00:00+00:00`, endsAt: `${TUE}T10:00:00+00:00` },
      ],
    });

    expectProblem(await call('POST', `/api/c/${link}/book`, { body: { startsAt: s.body.slots[1].startsAt } }), 428, 'Idempotency-Key');
    const key = crypto.randomUUID();
    const booked = await call('POST', `/api/c/${link}/book`, { body: { startsAt: s.body.slots[1].startsAt }, headers: { 'idempotency-key': key } });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body).toMatchObject({ engagementId: engagement.id, startsAt: `${TUE}T08:30:00.000Z`, calendarStatus: 'pending' });
    const replay = await call('POST', `/api/c/${link}/book`, { body: { startsAt: s.body.slots[1].startsAt }, headers: { 'idempotency-key': key } });
    expect([replay.status, replay.body.id]).toEqual([200, booked.body.id]);

    expect((await sessionsOf(token, engagement.id)).map((x) => x.id)).toEqual([booked.body.id, first.id]);
    const panel = (await call('GET', `/api/sessions/${booked.body.id}/panel`, { token })).body;
    expect(panel.state.agenda.map((i: any) => i.title)).toEqual(['Terugblik op de afspraken van vorige keer']);
    // The booked time is gone from the coachee's list (with the 15-minute buffer after it).
    const after = await call('GET', `/api/c/${link}/slots?from=${encodeURIComponent(at(TUE, '00:00'))}&to=${encodeURIComponent(at(WED, '00:00'))}`);
    expect(after.body.slots).toEqual([]);
  });

  it('is scoped to the link\'s engagement: it cannot pick another one, and the coach\'s other sessions still block it', async () => {
    const a = await setup({ startsAt: at(MON, '09:00') });
    const b = await setup({ token: a.token, startsAt: at(MON, '13:00') });
    const linkA = await linkOf(a.token, a.engagement.id);
    await planSession(a.token, b.engagement.id, at(TUE, '10:00'));

    expectProblem(await call('POST', `/api/c/${linkA}/book`, { body: { startsAt: at(WED, '10:00'), engagementId: b.engagement.id }, headers: { 'idempotency-key': 'x1' } }), 422, 'engagementId');
    expectProblem(await call('POST', `/api/c/${linkA}/book`, { body: { startsAt: at(TUE, '10:00') }, headers: { 'idempotency-key': 'x2' } }), 409, 'startsAt');
    const ok = await call('POST', `/api/c/${linkA}/book`, { body: { startsAt: at(WED, '10:00') }, headers: { 'idempotency-key': 'x3' } });
    expect(ok.status).toBe(201);
    expect(ok.body.engagementId).toBe(a.engagement.id);
    expect(await sessionsOf(a.token, b.engagement.id)).toHaveLength(2);

    // A forged, rotated or revoked token books nothing.
    const [id, version, exp, sig] = linkA.split('.');
    expectProblem(await call('POST', `/api/c/${[id, String(Number(version) + 1), exp, sig].join('.')}/book`, { body: { startsAt: at(THU, '10:00') }, headers: { 'idempotency-key': 'x4' } }), 404);
    await call('DELETE', `/api/engagements/${a.engagement.id}/link`, { token: a.token });
    expectProblem(await call('POST', `/api/c/${linkA}/book`, { body: { startsAt: at(THU, '10:00') }, headers: { 'idempotency-key': 'x5' } }), 404);
    expectProblem(await call('GET', `/api/c/${linkA}/slots`), 404);
    expect(await sessionsOf(a.token, a.engagement.id)).toHaveLength(2);
  });
});
