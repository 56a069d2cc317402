#!/usr/bin/env node
/** Builds the add-on bundles (one per host entry) and the stylesheet into dist/public/assets/, with a size manifest. */
import { build, context } from 'esbuild';
import { minify } from 'terser';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/public/assets');

/**
 * Entries and their fixed output names. The Worker's HTML shells name these files directly;
 * Workers static assets revalidate them by ETag, so fixed names need no manifest lookup at request time.
 * @see https://developers.cloudflare.com/workers/static-assets/
 */
export const ENTRIES = {
  'panel-browser': 'addons/entries/browser.tsx',
  'panel-beside': 'addons/entries/beside.tsx',
  'panel-zoom': 'addons/entries/zoom.tsx',
  'panel-meet': 'addons/entries/meet.tsx',
  'panel-teams': 'addons/entries/teams.tsx',
  coachee: 'addons/entries/coachee.tsx',
  app: 'addons/entries/app.tsx',
};
export const STYLES = { app: 'addons/common/styles.css' };

/**
 * Builds everything once, as deployed: no source maps (they would publish the add-ons' sources next to the bundles), and any
 * left by a watch build are removed so they never reach the assets upload. Answers the manifest (raw and gzipped bytes, sha256 per file).
 */
export async function buildAddons({ quiet = false } = {}) {
  await mkdir(outdir, { recursive: true });
  for (const name of await readdir(outdir)) if (name.endsWith('.map')) await rm(join(outdir, name));
  const [scripts, styles] = buildOptions(quiet, false);
  await build(scripts);
  await Promise.all(Object.keys(ENTRIES).map((name) => compress(join(outdir, `${name}.js`))));
  await build(styles);
  return writeManifest(quiet);
}

/**
 * A second minification pass with terser over esbuild's output (a few hundred bytes gzipped on the panel, which runs inside
 * meeting clients on a 30 KB budget). Watch builds skip it.
 * @see https://terser.org/docs/api-reference#minify-options
 */
async function compress(file) {
  const out = await minify(await readFile(file, 'utf8'), { module: true, ecma: 2022, compress: { passes: 3 }, mangle: true, sourceMap: false });
  await writeFile(file, out.code);
}

/** Rebuilds on every change under addons/ and shared/ (used by `npm run dev`), with source maps for the local browser's tools. */
export async function watchAddons() {
  await mkdir(outdir, { recursive: true });
  const log = { name: 'manifest', setup: (b) => b.onEnd(async (r) => {
    if (!r.errors.length) await writeManifest(false);
  }) };
  const [scripts, styles] = buildOptions(false, true);
  const contexts = [await context({ ...scripts, plugins: [...scripts.plugins, log] }), await context(styles)];
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('Watching addons/ and shared/ for changes…');
}

function buildOptions(quiet, sourceMaps) {
  const common = {
    bundle: true,
    minify: true,
    sourcemap: sourceMaps ? 'linked' : false,
    target: 'es2022',
    legalComments: 'none',
    logLevel: quiet ? 'silent' : 'warning',
    absWorkingDir: root,
  };
  const scripts = {
    ...common,
    entryPoints: Object.entries(ENTRIES).map(([out, input]) => ({ in: input, out })),
    outdir,
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // zod must never reach a browser bundle (DESIGN.md budgets): the build fails if anything imports it.
    plugins: [noZod],
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  const styles = { ...common, entryPoints: Object.entries(STYLES).map(([out, input]) => ({ in: input, out })), outdir, loader: { '.css': 'css' } };
  return [scripts, styles];
}

async function writeManifest(quiet) {
  const files = {};
  for (const name of [...Object.keys(ENTRIES).map((n) => `${n}.js`), ...Object.keys(STYLES).map((n) => `${n}.css`)]) {
    const bytes = await readFile(join(outdir, name));
    files[name] = { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, sha256: createHash('sha256').update(bytes).digest('base64url') };
  }
  const manifest = { builtAt: new Date().toISOString(), files };
  await writeFile(join(root, 'dist/addons-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  if (!quiet) for (const [name, f] of Object.entries(files)) console.log(`${name.padEnd(20)} ${String(f.bytes).padStart(7)} B  ${String(f.gzip).padStart(6)} B gzip`);
  return manifest;
}

/** An esbuild plugin that refuses any import of zod into browser code. */
const noZod = {
  name: 'no-zod',
  setup(b) {
    b.onResolve({ filter: /^zod(\/.*)?$/ }, (args) => ({
      errors: [{ text: `zod is not allowed in browser bundles (imported by ${args.importer}); import types only, or move the value to a zod-free module` }],
    }));
  },
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  (process.argv.includes('--watch') ? watchAddons() : buildAddons()).catch((err) => {
    console.error(err.message ?? err);
    process.exit(1);
  });
}
