/** No double booking under concurrency: overlapping requests, repeated keys, the daily cap and planning all meet in the coach's CoachBooking object. */
import { describe, expect, it } from 'vitest';
import { call, setup } from './helpers';

// Tuesday 4 March 2031, Amsterdam (UTC+01:00).
const at = (time: string, day = '2031-03-04') => `${day}T${time}:00+01:00`;
const book = (token: string, sessionId: string, startsAt: string, key: string) =>
  call('POST', `/api/sessions/${sessionId}/next`, { token, body: { startsAt }, headers: { 'idempotency-key': key } });
const sessionsOn = async (token: string, day = '2031-03-04') =>
  (await call('GET', `/api/sessions?from=${encodeURIComponent(at('00:00', day))}&to=${encodeURIComponent(at('23:59', day))}`, { token })).body as any[];
const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort();

describe('concurrent bookings', () => {
  it('10 overlapping requests with different keys: exactly one is booked, the others get 409', async () => {
    const { token, session } = await setup({ startsAt: at('09:00', '2031-03-03') });
    // A 5-minute grid, so the ten starts 10:00, 10:05 … 10:45 all differ (overlap, not equality, must stop them).
    expect((await call('PATCH', '/api/me', { token, body: { bookingRules: { slotStepMinutes: 5 } } })).status).toBe(200);
    const starts = Array.from({ length: 10 }, (_, i) => at(`10:${String(i * 5).padStart(2, '0')}`));

    const rs = await Promise.all(starts.map((s) => book(token, session.id, s, crypto.randomUUID())));
    expect(statuses(rs)).toEqual([201, ...Array(9).fill(409)]);
    for (const r of rs.filter((x) => x.status === 409)) expect(r.body.errors.map((e: any) => e.field)).toEqual(['startsAt']);
    const booked = await sessionsOn(token);
    expect(booked).toHaveLength(1);
    expect(booked[0].id).toBe(rs.find((r) => r.status === 201)!.body.id);
  });

  it('5 requests with the same key: one session, and every answer names it', async () => {
    const { token, engagement, session } = await setup({ startsAt: at('09:00', '2031-03-03') });
    const key = crypto.randomUUID();
    const rs = await Promise.all(Array.from({ length: 5 }, () => book(token, session.id, at('11:00'), key)));
    expect(statuses(rs)).toEqual([200, 200, 200, 200, 201]);
    // Equal answers; only what the calendar sync may have moved on meanwhile (status, meeting link) is left out.
    const bodies = rs.map(({ body: { calendarStatus, meetingUrl, ...rest } }) => rest);
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(await sessionsOn(token)).toHaveLength(1);
    expect((await call('GET', `/api/sessions?engagementId=${engagement.id}`, { token })).body).toHaveLength(2);
  });

  it('the daily cap holds when requests for different free times of one day arrive together', async () => {
    const { token, session } = await setup({ startsAt: at('09:00', '2031-03-03') });
    expect((await call('PATCH', '/api/me', { token, body: { bookingRules: { maxSessionsPerDay: 2 } } })).status).toBe(200);
    const rs = await Promise.all(['09:00', '11:00', '13:00', '15:00'].map((t) => book(token, session.id, at(t), crypto.randomUUID())));
    expect(statuses(rs)).toEqual([201, 201, 422, 422]);
    for (const r of rs.filter((x) => x.status === 422)) expect(r.body.type).toBe('/problems/booking-day-full');
    expect(await sessionsOn(token)).toHaveLength(2);
  });

  it('the coach\'s panel, the coachee\'s link and planning by hand cannot take the same time twice', async () => {
    const a = await setup({ startsAt: at('09:00', '2031-03-03') });
    const b = await setup({ token: a.token, startsAt: at('13:00', '2031-03-03') });
    const link = (await call('GET', `/api/engagements/${b.engagement.id}/link`, { token: a.token })).body.url.split('/c/')[1];
    const rs = await Promise.all([
      book(a.token, a.session.id, at('10:00'), crypto.randomUUID()),
      call('POST', `/api/c/${link}/book`, { body: { startsAt: at('10:30') }, headers: { 'idempotency-key': crypto.randomUUID() } }),
      call('POST', '/api/sessions', { token: a.token, body: { engagementId: b.engagement.id, startsAt: at('10:15'), endsAt: at('11:15') } }),
      book(a.token, b.session.id, at('10:00'), crypto.randomUUID()),
      call('POST', `/api/c/${link}/book`, { body: { startsAt: at('10:00') }, headers: { 'idempotency-key': crypto.randomUUID() } }),
    ]);
    expect(statuses(rs)).toEqual([201, 409, 409, 409, 409]);
    expect(await sessionsOn(a.token)).toHaveLength(1);
  });
});
