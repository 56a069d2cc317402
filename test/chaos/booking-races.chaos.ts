/** Chaos row "Races": 1,000 racing booking attempts from the coach and from coachee links on 50 slots, over HTTP against `wrangler dev`; one booking per slot, every other answer a clean 409. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { devCoach, type Coach } from '../e2e/support/api';
import { reportRow } from './figures';
import { freshWorker } from './local-worker';

const SLOTS = 50;
const ATTEMPTS = 1000;
/** One trajectory per slot; each slot is raced from 20 of them, each of them races 20 slots (within maxOpenBookings 20). */
const COACHEES = 50;
const DAY = 86_400_000;
/** Attempts in flight at once (`CHAOS_RACE_IN_FLIGHT`, default 50); every slot is raced by several at a time. */
const IN_FLIGHT = Number(process.env.CHAOS_RACE_IN_FLIGHT || 50);

let local: Awaited<ReturnType<typeof freshWorker>>;
beforeAll(async () => {
  local = await freshWorker();
});
afterAll(async () => {
  await local?.stop();
});

/** Runs `tasks` with at most `limit` of them pending, answering their results in order. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** A coachee with a past session (the one "next" is booked from) and their capability link. */
async function coachee(coach: Coach, n: number) {
  const c = await coach.ok<{ id: string }>('POST', '/api/coachees', { name: `Coachee ${n}`, email: `coachee-${n}@example.nl` });
  const e = await coach.ok<{ id: string }>('POST', '/api/engagements', { coacheeId: c.id, goal: 'Grenzen aangeven' });
  const start = Date.now() - 7 * DAY - n * 2 * 3_600_000;
  const s = await coach.ok<{ id: string }>('POST', '/api/sessions', { engagementId: e.id, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString() });
  const link = (await coach.ok<{ url: string }>('GET', `/api/engagements/${e.id}/link`)).url.split('/c/')[1]!;
  return { sessionId: s.id, link };
}

let resent = 0;

/**
 * One booking attempt over HTTP: status, content type and the fields its problem names. A dropped connection or a 503 (the
 * local runtime restarting under load) is sent again with the same Idempotency-Key, as a client should: the key makes that safe.
 */
async function attempt(url: string, startsAt: string, token: string | null) {
  const headers = { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...(token ? { authorization: `Bearer ${token}` } : {}) };
  for (let tries = 1; ; tries++) {
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ startsAt }) }).catch((error: unknown) => (tries < 5 ? null : Promise.reject(error)));
    if (res === null || (res.status === 503 && tries < 5)) {
      resent += 1;
      await res?.body?.cancel();
      await new Promise((r) => setTimeout(r, 200 * tries));
      continue;
    }
    const body = (await res.json().catch(() => null)) as { errors?: { field: string }[] } | null;
    return { status: res.status, type: res.headers.get('content-type') ?? '', fields: (body?.errors ?? []).map((e) => e.field) };
  }
}

it('1,000 racing booking attempts on 50 slots: exactly one booking per slot, every other answer a clean 409', async () => {
  const coach = await devCoach(local.base, 'chaos-races@example.test', 'Rita Coach');
  // Hour slots back to back, no buffer, the day cap and the open-bookings cap out of the way: only overlap decides.
  await coach.ok('PATCH', '/api/me', { bookingRules: { bufferBeforeMinutes: 0, bufferAfterMinutes: 0, slotStepMinutes: 60, maxSessionsPerDay: 24, maxOpenBookings: 20 } });
  const people: Awaited<ReturnType<typeof coachee>>[] = [];
  for (let n = 0; n < COACHEES; n++) people.push(await coachee(coach, n));
  const free = (await coach.ok<{ slots: { startsAt: string }[] }>('GET', `/api/sessions/${people[0]!.sessionId}/slots`)).slots;
  expect(free.length).toBeGreaterThanOrEqual(SLOTS);
  const slots = free.slice(0, SLOTS).map((s) => s.startsAt);

  // Attempt i goes for slot i % 50, from trajectory (i + i / 50) % 50, through the coach's panel (even) or the coachee's link (odd).
  const t0 = Date.now();
  const answers = await pool(
    Array.from({ length: ATTEMPTS }, (_, i) => () => {
      const slot = slots[i % SLOTS]!;
      const who = people[(i + Math.floor(i / SLOTS)) % COACHEES]!;
      const viaCoach = i % 2 === 0;
      const url = viaCoach ? `${local.base}/api/sessions/${who.sessionId}/next` : `${local.base}/api/c/${who.link}/book`;
      return attempt(url, slot, viaCoach ? coach.token : null).then((r) => ({ slot, viaCoach, ...r }));
    }),
    IN_FLIGHT,
  );
  const seconds = (Date.now() - t0) / 1000;

  const created = answers.filter((a) => a.status === 201);
  const clean409 = answers.filter((a) => a.status === 409 && a.type.startsWith('application/problem+json') && a.fields.includes('startsAt'));
  const other = answers.length - created.length - clean409.length;
  const otherStatuses = [...new Set(answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => a.status))].join(', ') || 'none';
  const perSlot = new Map<number, number>();
  for (const a of created) perSlot.set(Date.parse(a.slot), (perSlot.get(Date.parse(a.slot)) ?? 0) + 1);
  const to = new Date(Date.parse(slots.at(-1)!) + 3_600_000).toISOString();
  const stored = await coach.ok<{ startsAt: string }[]>('GET', `/api/sessions?from=${encodeURIComponent(slots[0]!)}&to=${encodeURIComponent(to)}`);
  const storedPerSlot = new Map<number, number>();
  for (const s of stored) storedPerSlot.set(Date.parse(s.startsAt), (storedPerSlot.get(Date.parse(s.startsAt)) ?? 0) + 1);
  const slotsOnce = slots.filter((s) => perSlot.get(Date.parse(s)) === 1 && storedPerSlot.get(Date.parse(s)) === 1).length;
  const pass = slotsOnce === SLOTS && created.length === SLOTS && stored.length === SLOTS && clean409.length === ATTEMPTS - SLOTS;
  await reportRow({
    row: 'Races',
    load: `${ATTEMPTS} booking attempts on ${SLOTS} slots over HTTP, ${IN_FLIGHT} in flight at a time: half from the coach's panel, half from ${COACHEES} coachee links`,
    figures: `${slotsOnce}/${SLOTS} slots booked exactly once (${created.filter((a) => !a.viaCoach).length} by coachees) · ${stored.length} sessions stored · ${clean409.length}/${ATTEMPTS - SLOTS} others a clean 409 · ${other} other answers (${otherStatuses}) · ${resent} resent with their key after a dropped connection · ${seconds.toFixed(1)} s`,
    pass,
  });
  expect({ slotsOnce, created: created.length, stored: stored.length, clean409: clean409.length }).toEqual({ slotsOnce: SLOTS, created: SLOTS, stored: SLOTS, clean409: ATTEMPTS - SLOTS });
});
