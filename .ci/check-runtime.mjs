#!/usr/bin/env node
/** After `npm ci`: proves scripts run on a current Node and that the native pieces npm 11 may have skipped install scripts for (every workerd, esbuild) actually run here. */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findBinaries(dir, name, depth = 0, found = []) {
  if (depth > 8) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name === '.bin') continue;
    if (entry.isDirectory()) findBinaries(path, name, depth + 1, found);
    else if (entry.name === name && path.includes(`${join('bin', name)}`) && statSync(path).mode & 0o111) found.push(path);
  }
  return found;
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) throw new Error(`scripts run on Node ${process.version}; wrangler needs 22.12 or later (is the "node" dev dependency installed?)`);
console.log('node', process.version);

const workerds = findBinaries('node_modules', 'workerd');
if (workerds.length === 0) throw new Error('no workerd binary installed');
for (const bin of workerds) console.log(execFileSync(bin, ['--version']).toString().trim(), `(${bin})`);
const esbuild = await import('esbuild');
console.log('esbuild', esbuild.version, (await esbuild.transform('let a: number = 1', { loader: 'ts' })).code.trim());
console.log('wrangler', execFileSync(process.execPath, ['node_modules/wrangler/bin/wrangler.js', '--version']).toString().trim().split('\n').pop());
