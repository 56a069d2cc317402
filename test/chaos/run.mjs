/** `npm run chaos`: runs the chaos scenarios (test/chaos/) and prints one table of figures, a pass or fail per row; exits 1 when a guarantee failed. */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
/** The rows, in the order of the table, and the test project that reports each. */
const ROWS = [
  ['Provider faults', 'chaos-worker'],
  ['Provider faults · Zoom meetings', 'chaos-worker'],
  ['Restarts', 'chaos-browser'],
  ['Races', 'chaos-browser'],
  ['Queue redelivery', 'chaos-worker'],
];

/** Runs one vitest project of test/chaos/vitest.config.ts; answers its exit code and output. */
function runProject(project) {
  return new Promise((done) => {
    const args = [vitest, 'run', '--config', 'test/chaos/vitest.config.ts', '--project', project];
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('close', (code) => done({ code: code ?? 1, out }));
  });
}

/** The `CHAOS-ROW {json}` lines a run printed (see figures.ts). */
function rowsOf(out) {
  return out
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.startsWith('CHAOS-ROW '))
    .map((line) => JSON.parse(line.slice('CHAOS-ROW '.length)));
}

const cell = (text) => String(text).replaceAll('|', '\\|');

const t0 = Date.now();
const reported = new Map();
let failedRun = false;
for (const project of [...new Set(ROWS.map(([, p]) => p))]) {
  process.stderr.write(`chaos: running ${project}…\n`);
  const { code, out } = await runProject(project);
  for (const row of rowsOf(out)) reported.set(row.row, row);
  if (code !== 0) {
    failedRun = true;
    process.stderr.write(`chaos: ${project} exited with ${code}; its output ends with:\n${out.replace(/\x1b\[[0-9;]*m/g, '').split('\n').slice(-40).join('\n')}\n`);
  }
}

const lines = ['| row | load | figures | result |', '|---|---|---|---|'];
let allPass = !failedRun;
for (const [name] of ROWS) {
  const row = reported.get(name);
  if (!row) allPass = false;
  lines.push(row ? `| ${cell(row.row)} | ${cell(row.load)} | ${cell(row.figures)} | ${row.pass ? 'pass' : '**FAIL**'} |` : `| ${name} | — | did not report (see the output above) | **FAIL** |`);
  if (row && !row.pass) allPass = false;
}
console.log(lines.join('\n'));
console.log(`\n${allPass ? 'All guarantees held' : 'A guarantee failed'} · ${new Date().toISOString().slice(0, 10)} · ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exitCode = allPass ? 0 : 1;
