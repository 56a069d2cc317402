/** Rows-read budgets: the hot routes take few D1 round trips and read about as many rows for a coach with 2,000 past sessions as for a new one. */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { heavyCoachSql } from '../support/heavy-coach.mjs';
import { call, setup } from './helpers';
import { connect } from './live-helpers';
import { recorder } from './statements';

type Coach = Awaited<ReturnType<typeof setup>> & { link: string; feed: string };
type Cost = { trips: number; rowsRead: number };

/** Round trips and rows read by one request (Durable Objects included: they run in this isolate and use the same seam). */
async function cost(request: () => Promise<{ status: number; body: unknown }>, expected = 200): Promise<Cost> {
  recorder.reset();
  const r = await request();
  expect(r.status, JSON.stringify(r.body)).toBe(expected);
  return recorder.totals();
}

async function coach(heavy: boolean): Promise<Coach> {
  const s = await setup();
  if (heavy) {
    const me = (await call('GET', '/api/me', { token: s.token })).body;
    for (const text of heavyCoachSql({ coachId: me.id, engagementId: s.engagement.id, coacheeId: s.coachee.id, nowMs: Date.now() })) await env.DB.prepare(text).run();
  }
  const link = (await call('GET', `/api/engagements/${s.engagement.id}/link`, { token: s.token })).body.url.split('/c/')[1];
  const feed = new URL((await call('GET', '/api/me', { token: s.token })).body.calendar.icsUrl).pathname;
  return { ...s, link, feed };
}

/** What each hot route costs for one coach: panel, coachee view, slots (coach and coachee), booking, feed, a live op. */
async function hotRoutes(c: Coach, startsAt: string): Promise<Record<string, Cost>> {
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 23 * 86_400_000).toISOString();
  const costs: Record<string, Cost> = {
    panel: await cost(() => call('GET', `/api/sessions/${c.session.id}/panel`, { token: c.token })),
    'coachee view': await cost(() => call('GET', `/api/c/${c.link}`)),
    slots: await cost(() => call('GET', `/api/sessions/${c.session.id}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { token: c.token })),
    'coachee slots': await cost(() => call('GET', `/api/c/${c.link}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)),
    booking: await cost(() => call('POST', `/api/sessions/${c.session.id}/next`, { token: c.token, body: { startsAt }, headers: { 'idempotency-key': crypto.randomUUID() } }), 201),
    feed: await cost(() => call('GET', c.feed)),
  };
  const socket = await connect(`/api/sessions/${c.session.id}/live?token=${c.token}`);
  await socket.next((m) => m.type === 'snapshot');
  recorder.reset();
  const op = { opId: crypto.randomUUID(), kind: 'agenda.add', id: crypto.randomUUID(), title: 'Terugblik' };
  socket.send({ type: 'op', op });
  await socket.next((m) => m.type === 'applied' && m.op.opId === op.opId);
  costs['live op'] = recorder.totals();
  socket.ws.close();
  return costs;
}

/**
 * Budgets for the coach with 2,000 past sessions (200 trajectories of ten). Trips: the panel and the coachee view are one round
 * trip each; slots read the session (or link) and then the booking rows in one batch; a booking reads the session, then in the
 * CoachBooking object one batch (settings, sessions around the start, the idempotency key), the open-booking count and one write
 * batch that returns the new row — four trips — after which the touchpoint replan of the trajectory takes two more (one batch
 * reads trajectory, coachee, sessions, agreements, settings and touchpoints; one writes the diff and reads the result back); a live op is one write (replay detection lives in the SessionRoom). Rows:
 * what the page shows plus index lookups, never the coach's history. The feed lists the window it publishes (183 days back, two
 * years ahead), so it reads what it returns.
 */
const BUDGET: Record<string, Cost> = {
  panel: { trips: 1, rowsRead: 40 },
  'coachee view': { trips: 1, rowsRead: 60 },
  slots: { trips: 2, rowsRead: 30 },
  'coachee slots': { trips: 2, rowsRead: 30 },
  booking: { trips: 6, rowsRead: 80 },
  feed: { trips: 2, rowsRead: 400 },
  'live op': { trips: 1, rowsRead: 10 },
};

describe('rows read per hot route', () => {
  const measured: Record<'light' | 'heavy', Record<string, Cost>> = { light: {}, heavy: {} };

  beforeAll(async () => {
    const tuesday = (weeks: number) => {
      const d = new Date(Date.now() + weeks * 7 * 86_400_000);
      d.setUTCDate(d.getUTCDate() + ((9 - d.getUTCDay()) % 7));
      d.setUTCHours(9, 0, 0, 0);
      return d.toISOString();
    };
    measured.light = await hotRoutes(await coach(false), tuesday(1));
    measured.heavy = await hotRoutes(await coach(true), tuesday(1));
    console.log(`ROWS-READ ${JSON.stringify(measured)}`);
  }, 120_000);

  it('stays within the budget for the coach with 2,000 past sessions', () => {
    for (const [route, budget] of Object.entries(BUDGET)) {
      const m = measured.heavy[route]!;
      expect(m.trips, `${route}: round trips`).toBeLessThanOrEqual(budget.trips);
      expect(m.rowsRead, `${route}: rows read`).toBeLessThanOrEqual(budget.rowsRead);
    }
  });

  it('does not grow with the history: the heavy coach reads about what a new coach reads (the feed lists its window)', () => {
    for (const route of Object.keys(BUDGET).filter((r) => r !== 'feed')) {
      expect(measured.heavy[route]!.trips, `${route}: round trips`).toBe(measured.light[route]!.trips);
      expect(measured.heavy[route]!.rowsRead, `${route}: rows read`).toBeLessThanOrEqual(measured.light[route]!.rowsRead + 100);
    }
  });
});
