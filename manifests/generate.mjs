#!/usr/bin/env node
/** `npm run manifests -- --base-url URL --out DIR`: writes the Teams app package, the Google Workspace deployment and the Zoom manifest. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BaseUrlError, parseBaseUrl } from './base-url.mjs';
import { googleDeployment } from './google.mjs';
import { colorIcon, outlineIcon } from './icons.mjs';
import { DUTCH_FILE, isGuid, teamsDutch, teamsManifest, uuidV5 } from './teams.mjs';
import { zipFiles } from './zip.mjs';
import { zoomManifest } from './zoom.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** An absolute https URL (http only on localhost) for the developer links of the Teams listing. */
function checkLink(flag, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new BaseUrlError(`${flag} must be an absolute URL, got: ${value}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && url.hostname === 'localhost')) throw new BaseUrlError(`${flag} must use https, got: ${value}`);
  return url.href;
}

/**
 * Generates every manifest for one base URL into `outDir` and answers what it wrote.
 * `teamsClientId` is the Entra app (client) id Teams SSO issues tokens for; the Teams app id is derived from the base URL
 * unless `teamsManifestId` is given.
 * @see manifests/teams.mjs, manifests/google.mjs, manifests/zoom.mjs for the vendor documents followed
 * @param {import('./generate.d.mts').GenerateOptions} options
 */
export async function generateManifests(options) {
  const site = parseBaseUrl(options.baseUrl);
  if (!options.outDir) throw new BaseUrlError('--out is required: the folder to write the manifests into');
  const clientId = options.teamsClientId?.trim() ?? '';
  if (!clientId) throw new BaseUrlError('--teams-app-id (or TEAMS_APP_ID) is required: the Entra app (client) id used for Teams SSO');
  if (!isGuid(clientId)) throw new BaseUrlError(`--teams-app-id must be a GUID such as 00000000-0000-0000-0000-000000000000, got: ${clientId}`);
  const appId = options.teamsManifestId?.trim() || uuidV5(`${site.base}/teams`);
  if (!isGuid(appId)) throw new BaseUrlError(`--teams-manifest-id must be a GUID, got: ${appId}`);
  const version = options.version ?? JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version;

  const teams = teamsManifest({
    base: site.base,
    host: site.host,
    appId,
    clientId,
    version,
    websiteUrl: checkLink('--website-url', options.websiteUrl ?? `${site.base}/`),
    privacyUrl: checkLink('--privacy-url', options.privacyUrl ?? `${site.base}/privacy`),
    termsUrl: checkLink('--terms-url', options.termsUrl ?? `${site.base}/terms`),
  });
  const out = resolve(options.outDir);
  const paths = {
    teamsManifest: join(out, 'teams', 'manifest.json'),
    teamsPackage: join(out, 'teams', 'app-package.zip'),
    google: join(out, 'google', 'deployment.json'),
    zoom: join(out, 'zoom', 'manifest.json'),
  };
  await Promise.all(['teams', 'google', 'zoom'].map((folder) => mkdir(join(out, folder), { recursive: true })));
  const manifestJson = json(teams);
  const pkg = zipFiles([
    { name: 'manifest.json', data: Buffer.from(manifestJson) },
    { name: 'color.png', data: colorIcon() },
    { name: 'outline.png', data: outlineIcon() },
    { name: DUTCH_FILE, data: Buffer.from(json(teamsDutch())) },
  ]);
  await Promise.all([
    writeFile(paths.teamsManifest, manifestJson),
    writeFile(paths.teamsPackage, pkg),
    writeFile(paths.google, json(googleDeployment(site))),
    writeFile(paths.zoom, json(zoomManifest(site))),
  ]);
  return paths;
}

async function main() {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      out: { type: 'string' },
      'teams-app-id': { type: 'string' },
      'teams-manifest-id': { type: 'string' },
      'website-url': { type: 'string' },
      'privacy-url': { type: 'string' },
      'terms-url': { type: 'string' },
    },
    strict: true,
  });
  const paths = await generateManifests({
    baseUrl: values['base-url'],
    outDir: values.out,
    teamsClientId: values['teams-app-id'] ?? process.env.TEAMS_APP_ID,
    teamsManifestId: values['teams-manifest-id'] ?? process.env.TEAMS_MANIFEST_ID,
    websiteUrl: values['website-url'],
    privacyUrl: values['privacy-url'],
    termsUrl: values['terms-url'],
  });
  for (const path of Object.values(paths)) console.log(`wrote ${path}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`manifests: ${error instanceof BaseUrlError || error?.code?.startsWith?.('ERR_PARSE_ARGS') ? error.message : error?.stack ?? error}`);
    process.exitCode = 1;
  });
}
