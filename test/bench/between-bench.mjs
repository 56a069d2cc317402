/** Between-session budgets for `npm run bench`: one cron run claiming and enqueueing 10,000 due touchpoints, and rendering one mail. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { freePort, prepareDatabase, startWorker } from '../support/local-worker.mjs';

const DUE = 10_000;

/**
 * Seeds 10,000 due check-ins for the demo trajectory straight into local D1, then times `claimAndEnqueue` inside the Worker
 * (`POST /api/dev/scheduler/claim`: claim statements of 1,000 rows, queue batches of 100 sent in parallel).
 */
export async function benchScheduler(root, tmp) {
  const state = join(tmp, 'between-state');
  prepareDatabase(state);
  const sql = join(tmp, 'between-due.sql');
  writeFileSync(
    sql,
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${DUE})
INSERT INTO touchpoints (id, coach_id, engagement_id, key, kind, due_at, status, created_at)
SELECT 'bench-' || i, 'demo-coach-0001', 'demo-engagement-01', 'bench:' || i, 'checkin', 1000 + i, 'planned', 0 FROM n;`,
  );
  const r = spawnSync(process.execPath, ['node_modules/wrangler/bin/wrangler.js', 'd1', 'execute', 'coaching', '--local', '--persist-to', state, '--file', sql], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const server = await startWorker({ port: await freePort(), persistTo: state });
  try {
    const res = await fetch(`${server.url}/api/dev/scheduler/claim`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: new Date(DUE + 2000).toISOString() }) });
    const { claimed, ms } = await res.json();
    return { claimed, ms };
  } finally {
    await server.stop();
  }
}

/** Renders the check-in mail (HTML + text, hono/jsx) `n` times in Node; answers the times in ms. */
export async function benchMailRender(root, tmp, n = 500) {
  const entry = join(tmp, 'mail-entry.ts');
  writeFileSync(
    entry,
    `import { composeCoacheeMail } from ${JSON.stringify(join(root, 'worker/mail/compose.ts'))};
export function render(i: number) {
  return composeCoacheeMail({ coach: { name: 'Eva de Coach', email: 'eva@example.org' }, coachee: { name: 'Sanne ' + i, email: 's@example.org', locale: i % 2 ? 'en' : 'nl', timeZone: 'Europe/Amsterdam' },
    pageUrl: (extra = {}) => 'https://coach.example.org/c/token?' + new URLSearchParams({ tp: 'tp-' + i, ...extra }), prefsUrl: 'https://coach.example.org/p/x', unsubscribeUrl: 'https://coach.example.org/api/p/x/unsubscribe' },
    i % 3 ? { kind: 'checkin' } : { kind: 'learning', learningId: 'grow' });
}`,
  );
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile: join(tmp, 'mail.mjs'), logLevel: 'silent' });
  const { render } = await import(join(tmp, 'mail.mjs'));
  for (let i = 0; i < 50; i++) render(i);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    render(i);
    times.push(performance.now() - t);
  }
  return times;
}
