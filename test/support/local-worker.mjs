/** Runs the Worker locally for end-to-end tests and budget measurements: fresh D1 (migrated + seeded) and `wrangler dev` on a free port. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const wrangler = join(root, 'node_modules/wrangler/bin/wrangler.js');
const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' };

/** Local-only secrets for the test Worker (never used anywhere else). */
export const TEST_VARS = {
  DEV_LOGIN: 'true',
  DO_JURISDICTION: '',
  AUTH_SECRET: 'e2e-auth-secret-0123456789abcdef0123456789',
  LINK_SECRET: 'e2e-link-secret-0123456789abcdef0123456789',
  NOTES_KEYS: 'e2e1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
};

/** A TCP port nobody listens on right now. */
export async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

function run(args) {
  const r = spawnSync(process.execPath, [wrangler, ...args], { cwd: root, env: quietEnv, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Applies the D1 migrations and (unless `seed: false`, for an empty database) the demo seed to a local database under `persistTo`. */
export function prepareDatabase(persistTo, { seed = true } = {}) {
  run(['d1', 'migrations', 'apply', 'coaching', '--local', '--persist-to', persistTo]);
  if (seed) run(['d1', 'execute', 'coaching', '--local', '--persist-to', persistTo, '--file', 'worker/storage/seed.sql']);
}

async function waitHealthy(url, child, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`wrangler dev did not answer /healthz within ${ms} ms`);
}

/**
 * Starts `wrangler dev` in its own process group on `port`, persisting to `persistTo` (`vars`
 * override the test bindings, e.g. `{ DEV_LOGIN: 'false' }`); resolves
 * once `/healthz` answers. `stop()` ends that process group only.
 * @see https://developers.cloudflare.com/workers/wrangler/commands/#dev
 */
export async function startWorker({ port, persistTo, timeoutMs = 60_000, vars: extra = {} }) {
  const url = `http://127.0.0.1:${port}`;
  const vars = Object.entries({ ...TEST_VARS, PUBLIC_URL: url, ...extra }).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  // An env file of its own, so wrangler never reads a developer's .dev.vars into the test Worker.
  mkdirSync(persistTo, { recursive: true });
  const envFile = join(persistTo, 'test-worker.env');
  writeFileSync(envFile, '');
  const args = [wrangler, 'dev', '--env-file', envFile, '--port', String(port), '--ip', '127.0.0.1', '--inspector-port', String(await freePort()), '--persist-to', persistTo, '--show-interactive-dev-session=false', '--log-level', 'warn', ...vars];
  const child = spawn(process.execPath, args, { cwd: root, env: quietEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk) => (log = (log + chunk).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  try {
    await waitHealthy(url, child, timeoutMs);
  } catch (err) {
    stopGroup(child);
    throw new Error(`${err.message}\n--- wrangler output ---\n${log}`);
  }
  return {
    url,
    pid: child.pid,
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      stopGroup(child);
      const timer = setTimeout(() => stopGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function stopGroup(child, signal = 'SIGTERM') {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
