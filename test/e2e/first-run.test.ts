/** End to end in headless Chromium against `wrangler dev`: the panel beside a meeting no session knows makes it one and finds it when reopened; /app's provider sign-in and calendar consent start. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devCoach } from './support/api';
import { HAS_CHROMIUM, requireChromiumInCi } from './support/browser';
import { startStage } from './support/stage';
import type { Stage } from './support/stage';

requireChromiumInCi();

let stage: Stage;
let browser: Browser;
let base: string;

describe.skipIf(!HAS_CHROMIUM)('connecting in the browser: the panel beside a meeting, and /app', () => {
  beforeAll(async () => {
    // A Google client configured (the consent pages themselves are stubbed in the browser): /app offers Google.
    stage = await startStage({ vars: { GOOGLE_CLIENT_ID: 'e2e-web-client.apps.googleusercontent.com', GOOGLE_CLIENT_SECRET: 'e2e-secret' } });
    ({ base, browser } = stage);
  });

  afterAll(() => stage?.stop());

  it('a new coachee added from the panel gets this meeting as a session, linked, and reopening the panel goes straight there', async () => {
    const coach = await devCoach(base, `first-run-${Date.now()}@example.nl`, 'Coach Eerste Keer');
    const meetingId = `meeting-${crypto.randomUUID()}`;
    const joinUrl = 'https://teams.microsoft.com/meet/4829173650812?p=QkR2dFpY';
    const panelUrl = `${base}/panel?meeting=${meetingId}&joinUrl=${encodeURIComponent(joinUrl)}&lang=nl#token=${coach.token}`;
    const posts: string[] = [];
    const open = async (): Promise<Page> => {
      const page = await browser.newPage();
      page.on('request', (r) => r.method() === 'POST' && posts.push(new URL(r.url()).pathname));
      await page.goto(panelUrl);
      return page;
    };

    const first = await open();
    await first.getByText('Bij deze vergadering hoort nog geen coachingsessie.').waitFor();
    await first.getByLabel('Naam').fill('Noor Visser');
    await first.getByLabel('E-mail (optioneel)').fill('noor@example.nl');
    await first.getByRole('button', { name: 'Maak er een sessie van' }).click();
    await first.locator('h1.hdr-name', { hasText: 'Noor Visser' }).waitFor();
    await first.close();

    const linked = await coach.ok<{ id: string; coacheeId: string; startsAt: string; endsAt: string }>('GET', `/api/sessions/by-meeting?host=browser&meetingId=${meetingId}`);
    expect(Date.parse(linked.endsAt) - Date.parse(linked.startsAt)).toBe(60 * 60_000);
    expect(Math.abs(Date.parse(linked.startsAt) - Date.now())).toBeLessThan(6 * 60_000);
    // The join link was linked too, so any host's panel that knows only the link finds it (whatever the passcode).
    const byLink = await coach.ok<{ id: string }>('GET', `/api/sessions/by-meeting?host=teams&joinUrl=${encodeURIComponent('https://teams.microsoft.com/meet/4829173650812?p=other')}`);
    expect(byLink.id).toBe(linked.id);
    expect(posts.filter((p) => p === '/api/coachees')).toHaveLength(1);
    expect(posts).toContain(`/api/sessions/${linked.id}/meeting`);

    const madeBefore = posts.length;
    const again = await open();
    await again.locator('h1.hdr-name', { hasText: 'Noor Visser' }).waitFor();
    expect(await again.getByLabel('Naam').count()).toBe(0);
    expect(posts.slice(madeBefore).filter((p) => p === '/api/coachees' || p === '/api/sessions' || p.endsWith('/meeting'))).toEqual([]);
    await again.close();
  });

  it('/app says why a provider sign-in failed, offers Google, and connecting Google Calendar opens Google’s consent with the least scopes', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/app?lang=nl#sign-in-error=not-linked`);
    await page.locator('[data-sign-in-error=not-linked]').waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(await page.getByRole('link', { name: 'Inloggen met Google' }).getAttribute('href')).toBe('/auth/google/start');

    await page.close();

    const coach = await devCoach(base, `consent-${Date.now()}@example.nl`, 'Coach Koppelt');
    const consent: string[] = [];
    const signedIn = await browser.newPage();
    await signedIn.route(/^https:\/\/accounts\.google\.com\//, (route) => (consent.push(route.request().url()), route.fulfill({ contentType: 'text/html', body: '<p>consent</p>' })));
    await signedIn.goto(`${base}/app?lang=nl#token=${coach.token}`);
    await signedIn.getByRole('button', { name: 'Instellingen' }).click();
    await signedIn.getByRole('button', { name: 'Google Agenda koppelen' }).click();
    await expect.poll(() => consent.length, { timeout: 10_000 }).toBe(1);
    const authorize = new URL(consent[0]!);
    expect(authorize.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/calendar.events.owned https://www.googleapis.com/auth/calendar.freebusy');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/oauth/google/callback`);
    // The flow is bound to this browser by a cookie of our origin, first-party on this top-level page.
    expect((await signedIn.context().cookies(base)).map((c) => c.name)).toContain('oauth-binding');
    await signedIn.close();
  });
});
