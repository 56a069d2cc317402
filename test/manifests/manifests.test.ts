/** The generated manifests: Teams against Microsoft's official JSON schema (with the package's icons), Google's deployment and Zoom's manifest. */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateManifests } from '../../manifests/generate.mjs';
import { crisisLine } from '../../shared/models/referral';
import { AddonEvent } from '../../worker/addon/event-object';
import { readPng, readZip } from './package-reader';

const run = promisify(execFile);
const BASE = 'https://coach.example.org';
const CLIENT_ID = '3f0e5c1a-8b7d-4e2f-9a61-0c4b2d7e9f13';
const SCHEMAS = 'node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.30';

/**
 * The official schemas declare draft-04 but use `const` and `if` (draft-06/07 keywords) and no draft-04-only form (no `id`
 * keyword, no boolean `exclusiveMinimum`), so Ajv's draft-07 mode reads them as Microsoft means them. Some patterns of the
 * localization schema are valid JavaScript regular expressions only without the `u` flag, hence `unicodeRegExp: false`.
 * @see https://ajv.js.org/json-schema.html#draft-04
 * @see https://ajv.js.org/options.html#unicoderegexp
 */
async function compile(file: string): Promise<ValidateFunction> {
  const schema = JSON.parse(await readFile(join(SCHEMAS, file), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#' });
}

const errorsOf = (validate: ValidateFunction, value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

let dir: string;
let teams: any;
let files: Map<string, Buffer>;
let google: any;
let zoom: any;
let validateTeams: ValidateFunction;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'manifests-'));
  const { stdout } = await run('npm', ['run', '--silent', 'manifests', '--', '--base-url', `${BASE}/`, '--out', dir, '--teams-app-id', CLIENT_ID]);
  expect(stdout).toContain('app-package.zip');
  teams = JSON.parse(await readFile(join(dir, 'teams/manifest.json'), 'utf8'));
  files = readZip(await readFile(join(dir, 'teams/app-package.zip')));
  google = JSON.parse(await readFile(join(dir, 'google/deployment.json'), 'utf8'));
  zoom = JSON.parse(await readFile(join(dir, 'zoom/manifest.json'), 'utf8'));
  validateTeams = await compile('MicrosoftTeams.schema.json');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Teams app package', () => {
  it('is valid against the newest official schema in @microsoft/app-manifest', () => {
    expect(teams.manifestVersion).toBe('1.30');
    expect(teams.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    expect(errorsOf(validateTeams, teams)).toEqual([]);
  });

  it('fails the schema when the manifest is broken, so the check above can fail', () => {
    const broken = structuredClone(teams);
    delete broken.developer;
    broken.configurableTabs[0].context.push('sidePanel');
    broken.webApplicationInfo.id = 'not-a-guid';
    const errors = errorsOf(validateTeams, broken);
    expect(errors).toContain(' must have required property \'developer\'');
    expect(errors.some((e) => e.startsWith('/configurableTabs/0/context/3 '))).toBe(true);
    expect(errors.some((e) => e.startsWith('/webApplicationInfo/id '))).toBe(true);
  });

  it('is a meeting side-panel tab in group chats and channel meetings, SSO for our host only', () => {
    expect(teams.configurableTabs).toEqual([
      expect.objectContaining({ scopes: ['groupChat', 'team'], meetingSurfaces: ['sidePanel'], context: expect.arrayContaining(['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab']) }),
    ]);
    expect(teams.configurableTabs[0].configurationUrl.startsWith(`${BASE}/panel/teams`)).toBe(true);
    expect(teams.validDomains).toEqual(['coach.example.org']);
    expect(teams.webApplicationInfo).toEqual({ id: CLIENT_ID, resource: `api://coach.example.org/${CLIENT_ID}` });
    for (const url of Object.values<string>(teams.developer).filter((v) => v.startsWith('http'))) expect(url.startsWith(`${BASE}/`)).toBe(true);
  });

  it('keeps the Teams app id stable for one base URL and distinct from the SSO client id', async () => {
    const again = await mkdtemp(join(tmpdir(), 'manifests-'));
    try {
      const paths = await generateManifests({ baseUrl: BASE, outDir: again, teamsClientId: CLIENT_ID });
      expect(JSON.parse(await readFile(paths.teamsManifest, 'utf8')).id).toBe(teams.id);
      const other = await generateManifests({ baseUrl: 'https://coaching.example.net', outDir: again, teamsClientId: CLIENT_ID });
      expect(JSON.parse(await readFile(other.teamsManifest, 'utf8')).id).not.toBe(teams.id);
    } finally {
      await rm(again, { recursive: true, force: true });
    }
    expect(teams.id).not.toBe(CLIENT_ID);
  });

  it('zips the manifest with a 192×192 colour icon, a 32×32 white-on-transparent outline icon and the Dutch strings', async () => {
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'nl-NL.json', 'outline.png']);
    expect(JSON.parse(files.get('manifest.json')!.toString('utf8'))).toEqual(teams);
    const color = readPng(files.get(teams.icons.color)!);
    expect([color.width, color.height, color.colorType]).toEqual([192, 192, 6]);
    const outline = readPng(files.get(teams.icons.outline)!);
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const [r, g, b, a] = outline.rgba.subarray(i, i + 4);
      if (a === 0) transparent++;
      else expect([r, g, b], `outline pixel ${i / 4}`).toEqual([255, 255, 255]);
      if (a === 255) opaque++;
    }
    expect(opaque).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(300);
  });

  it('is drawn with the same pixels as the logo the Worker serves to Google (worker/addon/logo.ts is current)', async () => {
    const source = await readFile('worker/addon/logo.ts', 'utf8');
    const base64 = [...source.matchAll(/^\s+'([A-Za-z0-9+/=]+)'/gm)].map((m) => m[1]).join('');
    const served = readPng(Buffer.from(base64, 'base64'));
    const color = readPng(files.get('color.png')!);
    expect([served.width, served.height]).toEqual([192, 192]);
    expect(served.rgba.equals(color.rgba), 'run `node manifests/worker-logo.mjs` after changing manifests/icons.mjs').toBe(true);
  });

  it('localises names and descriptions into Dutch through localizationInfo, valid against the localization schema', async () => {
    expect(teams.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'nl-NL', file: 'nl-NL.json' }]);
    const dutch = JSON.parse(files.get('nl-NL.json')!.toString('utf8'));
    expect(errorsOf(await compile('MicrosoftTeams.Localization.schema.json'), dutch)).toEqual([]);
    expect(dutch['description.short']).toMatch(/afspraken/);
    expect(dutch['description.full']).toMatch(/privé/);
    expect(teams.description.full).toMatch(/private/);
  });
});

/** Every string in a JSON value that looks like a URL. */
function urlsIn(value: unknown): string[] {
  if (typeof value === 'string') return /^[a-z]+:\/\//i.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsIn);
  return [];
}

/** Every field path a zod schema keeps (the add-on reads the event object only through `AddonEvent`, which drops the rest). */
function fieldPaths(schema: z.ZodType, prefix = ''): string[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return fieldPaths(schema.unwrap() as z.ZodType, prefix);
  if (schema instanceof z.ZodObject) return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, value]) => fieldPaths(value, prefix ? `${prefix}.${key}` : key));
  return [prefix];
}

/** The add-on's code: its event schema, cards and route, as text. */
async function addonSource(): Promise<string> {
  const files = (await readdir('worker/addon')).filter((f) => f.endsWith('.ts')).map((f) => `worker/addon/${f}`);
  return (await Promise.all([...files, 'worker/routes/google-addon.ts'].map((f) => readFile(f, 'utf8')))).join('\n');
}

/**
 * The scopes and event access the add-on's code needs, by Google's rules: running in Calendar needs `calendar.addons.execute`;
 * event fields need READ and `current.event.read`; acting on the open event (a `hostAppAction`) needs `current.event.write`;
 * the e-mail in `userIdToken` needs `userinfo.email`; `userLocale`/`timeZone` need `script.locale`; using `userOAuthToken`
 * (the Calendar API) needs a Calendar scope.
 * @see https://developers.google.com/workspace/add-ons/concepts/event-objects
 * @see https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.script.type/calendar
 */
function needs(read: string[], source: string): { scopes: string[]; eventAccess: string } {
  const scope = (s: string) => `https://www.googleapis.com/auth/${s}`;
  const readsEvent = read.some((p) => p.startsWith('calendar.'));
  const actsOnEvent = /hostAppAction|calendarAction|ActionMarkup/.test(source);
  const scopes = [scope('calendar.addons.execute')];
  if (readsEvent) scopes.push(scope('calendar.addons.current.event.read'));
  if (actsOnEvent) scopes.push(scope('calendar.addons.current.event.write'));
  if (read.includes('authorizationEventObject.userIdToken')) scopes.push(scope('userinfo.email'));
  if (read.some((p) => p === 'commonEventObject.userLocale' || p.startsWith('commonEventObject.timeZone'))) scopes.push(scope('script.locale'));
  if (read.includes('authorizationEventObject.userOAuthToken') || /userOAuthToken/.test(source)) scopes.push(scope('calendar.events'));
  const eventAccess = readsEvent ? (actsOnEvent ? 'READ_WRITE' : 'READ') : actsOnEvent ? 'WRITE' : 'METADATA';
  return { scopes: scopes.sort(), eventAccess };
}

describe('Google Workspace add-on deployment', () => {
  it('has the required fields for Calendar and Meet over HTTP', () => {
    const { common, calendar, meet, httpOptions } = google.addOns;
    expect(common).toMatchObject({ name: expect.any(String), logoUrl: `${BASE}/addons/google/logo.png`, homepageTrigger: { runFunction: `${BASE}/addons/google/home`, enabled: true } });
    expect(calendar).toEqual({ currentEventAccess: 'READ', eventOpenTrigger: { runFunction: `${BASE}/addons/google/event-open` } });
    expect(meet.web).toEqual({ sidePanelUrl: `${BASE}/panel/meet`, supportsScreenSharing: false, addOnOrigins: [BASE], logoUrl: common.logoUrl });
    expect(httpOptions).toEqual({ authorizationHeader: 'SYSTEM_ID_TOKEN' });
  });

  it('asks for exactly the scopes and event access the add-on code needs: what AddonEvent reads and what its answers do', async () => {
    const needed = needs(fieldPaths(AddonEvent), await addonSource());
    expect([...google.oauthScopes].sort()).toEqual(needed.scopes);
    expect(google.addOns.calendar.currentEventAccess).toBe(needed.eventAccess);
    expect(google.addOns.common.useLocaleFromApp).toBe(needed.scopes.includes('https://www.googleapis.com/auth/script.locale'));
    expect(google.oauthScopes.filter((s: string) => /write|calendar\.events|auth\/calendar$/.test(s))).toEqual([]);
  });

  it('would notice code that needs more: reading userOAuthToken or acting on the event asks for a write scope', async () => {
    const source = await addonSource();
    const withApi = AddonEvent.extend({ authorizationEventObject: z.object({ userIdToken: z.string(), userOAuthToken: z.string() }) });
    expect(needs(fieldPaths(withApi), source).scopes).toContain('https://www.googleapis.com/auth/calendar.events');
    const acting = needs(fieldPaths(AddonEvent), `${source}\nrenderActions: { hostAppAction: { calendarAction: {} } }`);
    expect(acting).toMatchObject({ eventAccess: 'READ_WRITE', scopes: expect.arrayContaining(['https://www.googleapis.com/auth/calendar.addons.current.event.write']) });
    expect([...google.oauthScopes].sort()).not.toEqual(acting.scopes);
  });

  it('points every URL under the base URL, each allowed by openLinkUrlPrefixes and addOnOrigins', () => {
    const urls = urlsIn(google.addOns).filter((u) => !u.startsWith('https://www.googleapis.com/'));
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const url of urls) {
      expect(url.startsWith(BASE), url).toBe(true);
      expect(google.addOns.common.openLinkUrlPrefixes.some((p: string) => url.startsWith(p)) || url === BASE, url).toBe(true);
      expect(google.addOns.meet.web.addOnOrigins).toContain(new URL(url).origin);
    }
    expect(google.addOns.common.openLinkUrlPrefixes).toEqual([`${BASE}/`]);
  });
});

describe('Zoom app manifest', () => {
  it('opens our Zoom panel in meetings, allows our domain and every domain the panel opens, and uses in-client OAuth', () => {
    expect(zoom.features.products).toEqual(['ZOOM_MEETING']);
    expect(zoom.features.production_home_uri).toBe(`${BASE}/panel/zoom`);
    expect(zoom.features.development_home_uri).toBe(`${BASE}/panel/zoom`);
    const allowed = zoom.features.domain_allow_list.map((d: { domain: string; explanation: string }) => (expect(d.explanation.length).toBeGreaterThan(10), d.domain));
    expect(allowed[0]).toBe('coach.example.org');
    // Every crisis line chat the referral checklist links to, and Zoom's own meeting links.
    for (const locale of ['nl', 'en'] as const) {
      const chat = crisisLine(locale).chat;
      if (chat) expect(allowed).toContain(chat);
    }
    expect(allowed).toContain('zoom.us');
    expect(zoom.features.in_client_feature.in_client_oauth).toEqual({ enable: true });
    expect(zoom.oauth_information.production_redirect_uri).toBe(`${BASE}/zoom/installed`);
    expect(zoom.oauth_information.oauth_allow_list).toEqual([`${BASE}/panel/zoom`, `${BASE}/zoom/installed`, `${BASE}/auth/zoom/callback`, `${BASE}/oauth/zoom/callback`]);
    expect(zoom.display_information).toMatchObject({ display_name: teams.name.short, description: expect.stringMatching(/agreements/) });
    for (const url of urlsIn(zoom)) expect(url.startsWith(`${BASE}/`), url).toBe(true);
  });
});

describe('bad input', () => {
  const cases: [string, string][] = [
    ['http://coach.example.org', 'must use https'],
    ['https://*.example.org', 'wildcards are not allowed'],
    ['coach.example.org', 'absolute URL'],
    ['https://coach.example.org/app', 'without a path'],
    ['https://coach.example.org/?x=1', 'query'],
    ['https://user:pw@coach.example.org', 'credentials'],
    ['', 'is required'],
  ];
  it.each(cases)('refuses base URL %j with a clear message', async (baseUrl, message) => {
    await expect(generateManifests({ baseUrl, outDir: join(tmpdir(), 'never-written'), teamsClientId: CLIENT_ID })).rejects.toThrow(message);
  });

  it('accepts http for localhost only', async () => {
    const local = await mkdtemp(join(tmpdir(), 'manifests-'));
    try {
      const paths = await generateManifests({ baseUrl: 'http://localhost:8787', outDir: local, teamsClientId: CLIENT_ID });
      const deployment = JSON.parse(await readFile(paths.google, 'utf8'));
      expect(deployment.addOns.meet.web.addOnOrigins).toEqual(['http://localhost:8787']);
      expect(JSON.parse(await readFile(paths.teamsManifest, 'utf8')).validDomains).toEqual(['localhost:8787']);
    } finally {
      await rm(local, { recursive: true, force: true });
    }
  });

  it('requires a GUID Teams client id', async () => {
    await expect(generateManifests({ baseUrl: BASE, outDir: dir, teamsClientId: undefined })).rejects.toThrow('--teams-app-id');
    await expect(generateManifests({ baseUrl: BASE, outDir: dir, teamsClientId: 'coach-app' })).rejects.toThrow('must be a GUID');
  });

  it('exits non-zero from the command line and names the problem', async () => {
    const failed = await run('node', ['manifests/generate.mjs', '--base-url', 'https://*.example.org', '--out', dir, '--teams-app-id', CLIENT_ID]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/wildcards are not allowed/);
  });
});
