#!/usr/bin/env node
/** Builds the add-on bundles (one per host entry) and the stylesheet into dist/public/assets/, with a size manifest. */
import { build, context } from 'esbuild';
import { minify } from 'terser';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/public/assets');
/** Folder under assets/ for code-split chunks (named by content hash). */
const CHUNKS = 'chunks';

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
 * left by a watch build are removed so they never reach the assets upload. Each entry is built on its own with code splitting,
 * so a page's first load stays one file and only its dynamic `import()`s become chunks under assets/chunks/ (same origin, so the
 * pages' `script-src 'self'` allows them). Answers the manifest (raw and gzipped bytes, sha256 per file, and per page its
 * first-load files and its on-demand chunks).
 * @see https://esbuild.github.io/api/#splitting
 */
export async function buildAddons({ quiet = false } = {}) {
  await mkdir(outdir, { recursive: true });
  for (const name of await readdir(outdir)) if (name.endsWith('.map')) await rm(join(outdir, name));
  const styles = styleOptions(quiet, false);
  const pages = Object.fromEntries(
    await Promise.all(
      Object.entries(ENTRIES).map(async ([name, input]) => {
        const { metafile } = await build(entryOptions(quiet, false, [{ in: input, out: name }]));
        return [`${name}.js`, loadsOf(metafile, `${name}.js`)];
      }),
    ),
  );
  const written = new Set(Object.values(pages).flatMap((p) => [...p.firstLoad, ...p.language.flat(), ...p.onDemand]));
  await Promise.all([...written].map((file) => compress(join(outdir, file))));
  // Chunks of earlier builds (their names carry a content hash) never reach the assets upload.
  for (const name of await readdir(join(outdir, CHUNKS)).catch(() => [])) if (!written.has(`${CHUNKS}/${name}`)) await rm(join(outdir, CHUNKS, name));
  await build(styles);
  return writeManifest(quiet, pages);
}

/**
 * Modules a page imports dynamically but always loads before its first paint, exactly one of them: the panel's languages.
 * They count toward the page's first load (its largest one), not toward its on-demand chunks.
 */
const FIRST_PAINT_CHOICES = /^addons\/panel\/i18n\/(nl|en)\.ts$/;

/**
 * What a page loads, from an entry's esbuild metafile: first-load files (the entry and every chunk it imports statically,
 * fetched before its first paint), its language chunks (one of them loads before the first paint too, with the static
 * chunks it needs) and on-demand chunks (reached only through a dynamic `import()` on first use), as paths under assets/.
 * @see https://esbuild.github.io/api/#metafile
 */
function loadsOf(metafile, entryFile) {
  const rel = (path) => relative(outdir, resolve(root, path)).split(sep).join('/');
  const outputs = new Map(Object.entries(metafile.outputs).map(([path, out]) => [rel(path), out]));
  const walk = (start, kinds, seen = new Set()) => {
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of outputs.get(file)?.imports ?? []) if (!i.external && kinds.includes(i.kind)) visit(rel(i.path));
    };
    start.forEach(visit);
    return seen;
  };
  const firstLoad = walk([entryFile], ['import-statement']);
  const all = walk([entryFile], ['import-statement', 'dynamic-import']);
  const languages = [...all].filter((f) => FIRST_PAINT_CHOICES.test(outputs.get(f)?.entryPoint ?? ''));
  // A language chunk with the static chunks it needs beyond the entry's.
  const language = languages.map((f) => [...walk([f], ['import-statement'])].filter((g) => !firstLoad.has(g)));
  const counted = new Set([...firstLoad, ...language.flat()]);
  return { firstLoad: [...firstLoad], language, onDemand: [...all].filter((f) => !counted.has(f)) };
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
  const styles = styleOptions(false, true);
  const contexts = [await context(styles)];
  for (const [name, input] of Object.entries(ENTRIES)) {
    const scripts = entryOptions(false, true, [{ in: input, out: name }]);
    contexts.push(await context({ ...scripts, plugins: [...scripts.plugins, log] }));
  }
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('Watching addons/ and shared/ for changes…');
}

function commonOptions(quiet, sourceMaps) {
  return {
    bundle: true,
    minify: true,
    sourcemap: sourceMaps ? 'linked' : false,
    target: 'es2022',
    legalComments: 'none',
    logLevel: quiet ? 'silent' : 'warning',
    absWorkingDir: root,
  };
}

/** esbuild options for one page's script: ES modules with code splitting, chunks under assets/chunks/. */
function entryOptions(quiet, sourceMaps, entryPoints) {
  return {
    ...commonOptions(quiet, sourceMaps),
    entryPoints,
    outdir,
    format: 'esm',
    splitting: true,
    chunkNames: `${CHUNKS}/[name]-[hash]`,
    metafile: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // zod must never reach a browser bundle (DESIGN.md budgets): the build fails if anything imports it.
    plugins: [noZod],
    define: { 'process.env.NODE_ENV': '"production"' },
  };
}

/** esbuild options for the stylesheet. */
function styleOptions(quiet, sourceMaps) {
  return { ...commonOptions(quiet, sourceMaps), entryPoints: Object.entries(STYLES).map(([out, input]) => ({ in: input, out })), outdir, loader: { '.css': 'css' } };
}

async function writeManifest(quiet, pages = null) {
  const files = {};
  const chunks = await readdir(join(outdir, CHUNKS)).catch(() => []);
  const names = [...Object.keys(ENTRIES).map((n) => `${n}.js`), ...chunks.filter((n) => n.endsWith('.js')).map((n) => `${CHUNKS}/${n}`), ...Object.keys(STYLES).map((n) => `${n}.css`)];
  for (const name of names) {
    const bytes = await readFile(join(outdir, name));
    files[name] = { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, sha256: createHash('sha256').update(bytes).digest('base64url') };
  }
  const manifest = { builtAt: new Date().toISOString(), files, ...(pages ? { pages } : {}) };
  await writeFile(join(root, 'dist/addons-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  if (!quiet) for (const [name, f] of Object.entries(files)) console.log(`${name.padEnd(32)} ${String(f.bytes).padStart(7)} B  ${String(f.gzip).padStart(6)} B gzip`);
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
