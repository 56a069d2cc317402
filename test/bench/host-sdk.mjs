/** The host SDKs bundled alone (one-line imports of the calls each panel makes), for the budget "each host panel ≤ its host SDK + 30 KB". */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

/**
 * Per host bundle, a one-line module importing its SDK the way its entry does (addons/entries/*.tsx), keeping the calls the
 * adapter makes: Zoom's and Meet's SDKs are single objects, TeamsJS tree-shakes to the namespaces used.
 */
export const HOST_SDKS = {
  'panel-zoom.js': "import zoomSdk from '@zoom/appssdk'; export default zoomSdk;",
  'panel-meet.js': "import { meet } from '@googleworkspace/meet-addons'; export default meet;",
  'panel-teams.js':
    "import { app, authentication, pages } from '@microsoft/teams-js'; export default [app.initialize, app.getContext, app.registerOnThemeChangeHandler, authentication.getAuthToken, pages.config.setConfig, pages.config.setValidityState, pages.config.registerOnSaveHandler];",
};

/**
 * Gzipped bytes (level 9) of each SDK bundled and minified alone with esbuild, as the panels are built.
 * @param {string} root the repository root (where node_modules is)
 * @returns {Promise<Record<string, number>>}
 */
export async function sdkAloneGzip(root) {
  const sizes = {};
  for (const [file, contents] of Object.entries(HOST_SDKS)) {
    const out = await build({ stdin: { contents, resolveDir: root, loader: 'js' }, bundle: true, minify: true, format: 'esm', target: 'es2022', legalComments: 'none', write: false, logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' } });
    sizes[file] = gzipSync(out.outputFiles[0].contents, { level: 9 }).length;
  }
  return sizes;
}
