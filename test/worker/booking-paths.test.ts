/** Every way a coachee link can reach the calendar obeys the booking limits: REST refuses over the limit, the live socket has no booking op at all. */
import { describe, expect, it } from 'vitest';
import { call, expectProblem, setup } from './helpers';
import { connect } from './live-helpers';

describe('booking limits on every coachee path', () => {
  it('a coachee at the open-booking limit cannot book over REST, and the socket refuses any booking-like op', async () => {
    const { token, engagement, session } = await setup();
    // The test helper widens the limits; this coach keeps the product's default of one upcoming session.
    expect((await call('PATCH', '/api/me', { token, body: { bookingRules: { maxOpenBookings: 1 } } })).status).toBe(200);
    const link = (await call('GET', `/api/engagements/${engagement.id}/link`, { token })).body.url.split('/c/')[1];
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 17 * 86_400_000).toISOString();
    const slot = (await call('GET', `/api/c/${link}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).body.slots?.[0];
    const startsAt = slot?.startsAt ?? new Date(Date.parse(session.startsAt) + 7 * 86_400_000).toISOString();
    expectProblem(await call('POST', `/api/c/${link}/book`, { body: { startsAt }, headers: { 'idempotency-key': crypto.randomUUID() } }), 409);

    const socket = await connect(`/api/c/${link}/live`);
    await socket.next((m) => m.type === 'snapshot');
    for (const kind of ['session.book', 'session.reschedule', 'session.cancel']) {
      const opId = crypto.randomUUID();
      socket.send({ type: 'op', op: { opId, kind, startsAt, sessionId: session.id } });
      expect(await socket.next((m) => m.type === 'rejected' && m.opId === opId)).toMatchObject({ status: 422 });
    }
    const list = await call('GET', `/api/sessions?from=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}`, { token });
    expect(list.body.map((s: any) => s.id)).toEqual([session.id]);
  });
});
