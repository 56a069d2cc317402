/** What each page's script costs, from the add-on manifest: its first load (before the first paint) and its on-demand chunks. */

/**
 * Per page (entry file), the gzipped bytes of its first load: the entry, every chunk it imports statically, and its largest
 * language chunk with what that needs (a page fetches exactly one language before it paints); and, listed apart, the chunks
 * it fetches only on first use of a feature (dynamic `import()`).
 * @param {import('../../addons/build.mjs').AddonManifest} manifest
 * @returns {Record<string, { firstLoad: number; files: number; onDemand: { file: string; gzip: number }[] }>}
 */
export function pageLoads(manifest) {
  const gz = (files) => files.reduce((sum, f) => sum + manifest.files[f].gzip, 0);
  const pages = {};
  for (const [page, p] of Object.entries(manifest.pages)) {
    const language = p.language.reduce((max, l) => (gz(l) > gz(max) ? l : max), []);
    pages[page] = {
      firstLoad: gz(p.firstLoad) + gz(language),
      files: p.firstLoad.length + language.length,
      onDemand: p.onDemand.map((file) => ({ file, gzip: manifest.files[file].gzip })),
    };
  }
  return pages;
}
