/** The Zoom, Meet and Teams panel pages against `wrangler dev`: security headers per host, a loader before any script, and in Chromium a clear state outside the host. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIS_CLIENT_URL } from '../../addons/hosts/meet/google-identity';
import { freePort, prepareDatabase, startWorker } from '../support/local-worker.mjs';
import type { LocalWorker } from '../support/local-worker.mjs';
import { devCoach, sessionWithHistory } from './support/api';
import { HAS_CHROMIUM, launchChromium, requireChromiumInCi } from './support/browser';

requireChromiumInCi();

const PROJECT = '123456789012';
const CLIENT_ID = 'e2e-web-client.apps.googleusercontent.com';

/** Who may frame each host's panel (PLATFORMS.md 1.5, 4.4, 5.3). */
const ANCESTORS = {
  teams: ['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft', 'https://*.microsoft365.com', 'https://*.office.com', 'https://outlook.office.com', 'https://outlook.office365.com'],
  meet: ['https://meet.google.com'],
  zoom: ["'self'", 'https://*.zoom.us', 'https://*.zoom.com'],
};
const HOSTS = Object.keys(ANCESTORS) as (keyof typeof ANCESTORS)[];

/** A CSP header as a map of directive → sources. */
const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));

let worker: LocalWorker;
let persistTo: string;

beforeAll(async () => {
  persistTo = mkdtempSync(join(tmpdir(), 'coaching-hosts-'));
  prepareDatabase(persistTo);
  worker = await startWorker({ port: await freePort(), persistTo, vars: { GOOGLE_CLOUD_PROJECT_NUMBER: PROJECT, GOOGLE_CLIENT_ID: CLIENT_ID } });
});

afterAll(async () => {
  await worker?.stop();
  if (persistTo) rmSync(persistTo, { recursive: true, force: true });
});

describe('host panel pages', () => {
  it('publishes no source maps: bundles name none and a .map answers 404', async () => {
    for (const name of ['panel-teams.js', 'coachee.js', 'app.css']) {
      const asset = await fetch(`${worker.url}/assets/${name}`);
      expect(asset.status).toBe(200);
      expect(await asset.text()).not.toMatch(/sourceMappingURL/);
      expect((await fetch(`${worker.url}/assets/${name}.map`)).status).toBe(404);
    }
  });

  it.each(HOSTS)('/panel/%s answers 200 HTML with its frame-ancestors, the four OWASP headers and no cookie', async (host) => {
    const res = await fetch(`${worker.url}/panel/${host}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    expect(csp.get('frame-ancestors')).toEqual(ANCESTORS[host]);
    expect(csp.get('script-src')).toEqual(host === 'meet' ? ["'self'", GIS_CLIENT_URL] : ["'self'"]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // Google Sign-In checks the embedding origin; elsewhere nothing leaves with a Referer.
    expect(res.headers.get('referrer-policy')).toBe(host === 'meet' ? 'strict-origin-when-cross-origin' : 'no-referrer');
    expect(res.headers.get('set-cookie')).toBeNull();
    const html = await res.text();
    // The loader is in the markup, before the (deferred, module) bundle runs.
    expect(html).toMatch(/<div id="app"[^>]*><div class="boot" role="status"/);
    expect(html).toContain(`<script type="module" src="/assets/panel-${host}.js"></script>`);
  });

  it('the Meet page lets Google Sign-In draw its button and hands the bundle its project number and client id', async () => {
    const res = await fetch(`${worker.url}/panel/meet`);
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    expect(csp.get('frame-src')).toEqual(['https://accounts.google.com/gsi/']);
    expect(csp.get('connect-src')).toContain('https://accounts.google.com/gsi/');
    expect(csp.get('style-src')).toContain('https://accounts.google.com/gsi/style');
    expect(await res.text()).toContain(`<div id="app" data-cloud-project="${PROJECT}" data-google-client="${CLIENT_ID}">`);
  });

  it('speaks English to an English browser and keeps /panel and /demo framable by ourselves only', async () => {
    const en = await fetch(`${worker.url}/panel/zoom`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(await en.text()).toMatch(/<html lang="en"/);
    for (const path of ['/panel', '/demo']) {
      const res = await fetch(`${worker.url}${path}`);
      expect(directives(res.headers.get('content-security-policy') ?? '').get('frame-ancestors'), path).toEqual(["'self'"]);
    }
  });
});

describe.skipIf(!HAS_CHROMIUM)('host panels outside their host, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string, blockBundle = false): Promise<Page> {
    const page = await browser.newPage({ locale: 'nl-NL' });
    if (blockBundle) await page.route(/\/assets\/panel-[a-z]+\.js$/, (route) => route.abort());
    await page.goto(`${worker.url}${path}`);
    return page;
  }

  it('paints the loader without any script', async () => {
    const page = await open('/panel/teams', true);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Laden…');
    await page.close();
  });

  it.each([
    ['/panel/teams', 'Microsoft Teams'],
    ['/panel/teams?frame=config', 'Microsoft Teams'],
    ['/panel/zoom', 'Zoom'],
    ['/panel/meet', 'Google Meet'],
  ])('%s says to open it inside %s instead of loading for ever', async (path, host) => {
    const page = await open(path);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toBe(`Open dit paneel in je vergadering in ${host}.`);
    expect(await page.locator('.spinner').count()).toBe(0);
    await page.close();
  });

  it('in a meeting without a session, lists the coach’s upcoming sessions and opens the one picked', async () => {
    const coach = await devCoach(worker.url, 'e2e-meet-pick@example.test', 'Eva Coach');
    const s = await sessionWithHistory(coach, 'Noor Pieters', 'Rust in het hoofd');
    const bundle = await build({ entryPoints: [join(import.meta.dirname, 'support/meet-fake-entry.tsx')], bundle: true, format: 'esm', write: false, jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'silent' });
    const page = await browser.newPage({ locale: 'nl-NL' });
    await page.route(/\/assets\/panel-meet\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0]!.text }));
    // A coach who signed in earlier in this Meet tab: the token kept in the frame's session storage.
    await page.addInitScript((token) => sessionStorage.setItem('coaching:token', token), coach.token);
    await page.goto(`${worker.url}/panel/meet`);
    await page.getByText('Bij deze vergadering hoort nog geen coachingsessie.').waitFor();
    // Only the session running now: the earlier one has ended.
    const pick = page.getByRole('button', { name: /^Noor Pieters · / });
    expect(await pick.count()).toBe(1);
    await pick.click();
    await page.getByRole('heading', { name: 'Noor Pieters' }).waitFor();
    await page.locator('[data-sync=live]').waitFor();
    expect(await page.evaluate(() => document.title)).toMatch(/^Noor Pieters · /);
    await page.getByRole('region', { name: 'Hoe ging het?' }).getByText('Schrijft op wat energie kost').waitFor();
    expect((await coach.ok<{ id: string }[]>('GET', '/api/sessions?from=' + encodeURIComponent(new Date().toISOString())))[0]?.id).toBe(s.sessionId);
    await page.close();
  });

  it('in Zoom, a link that opens a new window goes to the host (zoomSdk.openUrl) instead of the embedded browser', async () => {
    const entry = `import { openLinksThroughHost } from './addons/hosts/zoom/zoom-links';
      openLinksThroughHost({ openExternal: (url) => window.opened.push(url) }, document);`;
    const bundle = await build({ stdin: { contents: entry, resolveDir: join(import.meta.dirname, '../..'), loader: 'ts' }, bundle: true, format: 'iife', write: false, logLevel: 'silent' });
    const page = await browser.newPage();
    const popups: string[] = [];
    page.on('popup', (p) => popups.push(p.url()));
    await page.setContent('<a href="https://coach.example/c/abc" target="_blank">coachee</a> <a href="#here">same page</a>');
    await page.evaluate(`window.opened = []; ${bundle.outputFiles[0]!.text}`);
    await page.getByText('coachee').click();
    await page.getByText('same page').click();
    expect(await page.evaluate('window.opened')).toEqual(['https://coach.example/c/abc']);
    expect(popups).toEqual([]);
    await page.close();
  });
});
