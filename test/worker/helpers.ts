/** Test helpers: call the Worker through its real fetch handler (inside workerd, real D1 and Durable Objects). */
import { SELF } from 'cloudflare:test';
import { expect } from 'vitest';

const BASE = 'http://localhost:8787';

/** A JSON request to the Worker; returns status, body and headers. */
export async function call(method: string, path: string, opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await SELF.fetch(BASE + path, { method, headers, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, body: json, headers: res.headers };
}

/** Signs in through dev login; each call with a new e-mail is a new coach. */
export async function signIn(email = `coach-${crypto.randomUUID()}@example.nl`, name?: string): Promise<string> {
  const r = await call('POST', '/api/auth/dev', { body: { email, ...(name ? { name } : {}) } });
  expect(r.status).toBe(200);
  return r.body.token;
}

/** Asserts a problem+json response naming `field` (when given). */
export function expectProblem(r: { status: number; body: any; headers: Headers }, status: number, field?: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  if (field) expect(r.body.errors?.map((e: any) => e.field)).toContain(field);
}

/**
 * A coach with one coachee, engagement and session starting at `startsAt` (default: tomorrow 10:00 UTC). Tests here book years
 * ahead (fixed dates), so a new coach's booking limits are widened (horizon 10 years, 20 upcoming sessions per trajectory)
 * unless `bookingLimits: 'default'`.
 */
export async function setup(opts: { token?: string; startsAt?: string; minutes?: number; bookingLimits?: 'default' | 'wide' } = {}) {
  const token = opts.token ?? (await signIn());
  if (!opts.token && opts.bookingLimits !== 'default') await widenBookingLimits(token);
  const coachee = (await call('POST', '/api/coachees', { token, body: { name: 'Sanne de Vries', email: 'sanne@example.nl' } })).body;
  const engagement = (await call('POST', '/api/engagements', { token, body: { coacheeId: coachee.id, goal: 'Meer rust en regie in mijn werk' } })).body;
  const start = opts.startsAt ?? new Date(Math.ceil(Date.now() / 3600_000) * 3600_000 + 24 * 3600_000).toISOString();
  const end = new Date(Date.parse(start) + (opts.minutes ?? 60) * 60_000).toISOString();
  const session = (await call('POST', '/api/sessions', { token, body: { engagementId: engagement.id, startsAt: start, endsAt: end } })).body;
  return { token, coachee, engagement, session };
}

/** Lets the coach's trajectories book years ahead and hold 20 upcoming sessions (tests with fixed dates far in the future). */
export async function widenBookingLimits(token: string): Promise<void> {
  const r = await call('PATCH', '/api/me', { token, body: { bookingRules: { bookingHorizonDays: 3650, maxOpenBookings: 20 } } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** Plans one more session of an engagement. */
export async function planSession(token: string, engagementId: string, startsAt: string, minutes = 60) {
  const r = await call('POST', '/api/sessions', { token, body: { engagementId, startsAt, endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString() } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
