/** Bench rows for the hot routes: D1 round trips and rows read (from the rows-read test), and wall time for a light and a heavy coach on loopback. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { heavyCoachSql } from '../support/heavy-coach.mjs';

const HEAVY = { coachId: 'bench-heavy-coach', coacheeId: 'bench-heavy-coachee', engagementId: 'bench-heavy-engagement', sessionId: 'bench-heavy-session', email: 'heavy@bench.local' };

/**
 * Adds the heavy coach to a prepared local database (before the Worker starts): the demo coach's settings, one trajectory with
 * a session tomorrow, and 2,000 past sessions over 50 trajectories (test/support/heavy-coach.mjs).
 */
export function seedHeavyCoach(root, persistTo) {
  const nowMs = Date.now();
  const tomorrow = Math.ceil(nowMs / 3_600_000) * 3_600_000 + 86_400_000;
  const sql = [
    `INSERT INTO coaches (id, email, name, locale, time_zone, working_hours, booking_rules, ics_token, created_at)
      SELECT '${HEAVY.coachId}', '${HEAVY.email}', 'Drukke Coach', locale, time_zone, working_hours, booking_rules, 'bench-heavy-ics-token-0001', ${nowMs} FROM coaches WHERE email = 'coach@demo.local'`,
    `INSERT INTO coachees (id, coach_id, name, email, locale, time_zone, created_at) VALUES ('${HEAVY.coacheeId}', '${HEAVY.coachId}', 'Sanne', 'sanne@example.nl', 'nl', 'Europe/Amsterdam', ${nowMs})`,
    `INSERT INTO engagements (id, coach_id, coachee_id, goal, model_id, session_minutes, status, link_version, link_expires_at, created_at)
      VALUES ('${HEAVY.engagementId}', '${HEAVY.coachId}', '${HEAVY.coacheeId}', 'Meer regie', 'builtin-grow', 60, 'active', 1, ${nowMs + 365 * 86_400_000}, ${nowMs})`,
    `INSERT INTO sessions (id, coach_id, engagement_id, starts_at, ends_at, model_id, created_at)
      VALUES ('${HEAVY.sessionId}', '${HEAVY.coachId}', '${HEAVY.engagementId}', ${tomorrow}, ${tomorrow + 3_600_000}, 'builtin-grow', ${nowMs})`,
    ...heavyCoachSql({ coachId: HEAVY.coachId, engagementId: HEAVY.engagementId, coacheeId: HEAVY.coacheeId, nowMs }),
  ];
  const file = join(persistTo, '..', 'heavy-coach.sql');
  writeFileSync(file, sql.map((s) => `${s};`).join('\n'));
  const r = spawnSync(process.execPath, ['node_modules/wrangler/bin/wrangler.js', 'd1', 'execute', 'coaching', '--local', '--persist-to', persistTo, '--file', file], { cwd: root, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
  if (r.status !== 0) throw new Error(`seeding the heavy coach failed:\n${r.stdout}\n${r.stderr}`);
}

/** D1 round trips and rows read per hot route for a new and a heavy coach, as the rows-read test measures them inside workerd. */
export function d1Costs(root) {
  const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'worker', 'test/worker/rows-read.test.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const line = `${r.stdout}\n${r.stderr}`.split('\n').find((l) => l.includes('ROWS-READ '));
  if (!line) throw new Error(`the rows-read test printed no measurements:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return { passed: r.status === 0, costs: JSON.parse(line.slice(line.indexOf('ROWS-READ ') + 'ROWS-READ '.length)) };
}

/** The URLs and headers of the four read routes for one coach of the running Worker. */
async function routesOf(base, email, sessionId) {
  const json = async (path, init) => {
    const res = await fetch(base + path, init);
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    return res.json();
  };
  const { token } = await json('/api/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  const auth = { authorization: `Bearer ${token}` };
  const panel = await json(`/api/sessions/${sessionId}/panel`, { headers: auth });
  const me = await json('/api/me', { headers: auth });
  const link = new URL(panel.invite.coacheeUrl).pathname.split('/c/')[1];
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 23 * 86_400_000).toISOString();
  return {
    panel: [`/api/sessions/${sessionId}/panel`, auth],
    'coachee view': [`/api/c/${link}`, {}],
    slots: [`/api/sessions/${sessionId}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, auth],
    feed: [new URL(me.calendar.icsUrl).pathname, {}],
  };
}

/** Wall time (ms) of `n` sequential requests per route, for the demo coach (light) and the heavy coach. */
export async function routeLatencies(base, n = 60) {
  const coaches = { light: await routesOf(base, 'coach@demo.local', 'demo-session-today'), heavy: await routesOf(base, HEAVY.email, HEAVY.sessionId) };
  const out = {};
  for (const [who, routes] of Object.entries(coaches)) {
    for (const [route, [path, headers]] of Object.entries(routes)) {
      const times = [];
      for (let i = 0; i < n + 5; i++) {
        const t = performance.now();
        const res = await fetch(base + path, { headers });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${path} answered ${res.status}`);
        if (i >= 5) times.push(performance.now() - t);
      }
      (out[route] ??= {})[who] = times;
    }
  }
  return out;
}
