#!/usr/bin/env node
/** `npm run dev`: local secrets from the example, panel bundles, local D1 migrated and seeded, then the Worker on http://localhost:8787. */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const wrangler = ['node_modules/wrangler/bin/wrangler.js'];

if (!existsSync('.dev.vars')) {
  copyFileSync('.dev.vars.example', '.dev.vars');
  console.log('Created .dev.vars from .dev.vars.example (dev login on, local-only secrets).');
}
run(process.execPath, ['scripts/build-addons.mjs']);
run(process.execPath, [...wrangler, 'd1', 'migrations', 'apply', 'coaching', '--local']);
run(process.execPath, [...wrangler, 'd1', 'execute', 'coaching', '--local', '--file', 'worker/storage/seed.sql']);
console.log('\nDemo: http://localhost:8787/demo  ·  API: http://localhost:8787/openapi.json\n');
const dev = spawn(process.execPath, [...wrangler, 'dev', '--port', '8787', '--ip', '127.0.0.1', ...process.argv.slice(2)], { stdio: 'inherit' });
const watch = spawn(process.execPath, ['scripts/build-addons.mjs', '--watch'], { stdio: 'inherit' });
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
