#!/usr/bin/env node
/** `npm run dev`: local secrets from the example, panel bundles, local D1 migrated and seeded, then the Worker on http://localhost:8787. */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { prepareDemo } from './dev-demo.mjs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const wrangler = ['node_modules/wrangler/bin/wrangler.js'];

if (!existsSync('.dev.vars')) {
  copyFileSync('.dev.vars.example', '.dev.vars');
  console.log('Created .dev.vars from .dev.vars.example (local-only secrets).');
}
run(process.execPath, ['addons/build.mjs']);
run(process.execPath, [...wrangler, 'd1', 'migrations', 'apply', 'coaching', '--local']);
run(process.execPath, [...wrangler, 'd1', 'execute', 'coaching', '--local', '--file', 'worker/storage/seed.sql']);
console.log('\nDemo: http://localhost:8787/demo  ·  API: http://localhost:8787/openapi.json\n');
// workerd has no Durable Object jurisdictions locally (also for .dev.vars files made before this setting existed); dev login on.
const dev = spawn(process.execPath, [...wrangler, 'dev', '--port', '8787', '--ip', '127.0.0.1', '--var', 'DO_JURISDICTION:', '--var', 'DEV_LOGIN:true', '--test-scheduled', ...process.argv.slice(2)], { stdio: 'inherit' });
publishDemo().catch((e) => console.warn('Could not prepare the demo (calendar, touchpoints):', e.message));
const watch = spawn(process.execPath, ['addons/build.mjs', '--watch'], { stdio: 'inherit' });
/** Waits for the Worker, then publishes the demo sessions and plans the demo's touchpoints (worker/dev-demo.mjs). */
async function publishDemo() {
  const base = 'http://127.0.0.1:8787';
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await prepareDemo(base);
  runCronEachMinute(base);
}

/**
 * wrangler dev does not fire cron triggers by itself: this fires the Worker's scheduled handler once a minute (as the
 * `* * * * *` trigger does in production), so reminders, check-ins and the rest of the between-session mail reach the dev
 * mailbox at their time. @see https://developers.cloudflare.com/workers/examples/cron-trigger/#test-cron-triggers-using-wrangler
 */
function runCronEachMinute(base) {
  const fire = () => fetch(`${base}/__scheduled?cron=${encodeURIComponent('* * * * *')}`).catch(() => undefined);
  void fire();
  setInterval(fire, 60_000).unref();
}

const stop = () => {
  dev.kill('SIGINT');
  watch.kill('SIGINT');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
dev.on('exit', (code) => {
  watch.kill('SIGINT');
  process.exit(code ?? 0);
});
