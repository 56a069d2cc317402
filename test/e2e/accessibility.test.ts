/** axe-core in headless Chromium over every panel tab (nl light, en dark), the referral dialog, the coachee's pages and the coach's home /app: zero violations. */
import type { Browser } from 'playwright-core';
import { axe, type Finding } from './support/axe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionWithHistory } from './support/api';
import type { Coach } from './support/api';
import { HAS_CHROMIUM, requireChromiumInCi } from './support/browser';
import { startStage } from './support/stage';
import type { Stage } from './support/stage';

requireChromiumInCi();

const TABS = ['agenda', 'agreements', 'notes', 'share', 'model'] as const;

let stage: Stage;
let browser: Browser;
let base: string;
let coach: Coach;
let s: Awaited<ReturnType<typeof sessionWithHistory>>;

describe.skipIf(!HAS_CHROMIUM)('accessibility (axe-core)', () => {
  beforeAll(async () => {
    stage = await startStage();
    ({ base, browser } = stage);
    coach = await stage.coach('a11y@example.test', 'Anna Coach');
    s = await sessionWithHistory(coach, 'Sanne de Vries', 'Meer regie over werkdruk');
    await coach.ok('POST', `/api/sessions/${s.sessionId}/agenda`, { title: 'Gesprek met teamleider' });
    await coach.ok('POST', `/api/sessions/${s.sessionId}/agreements`, { who: 'coachee', what: 'Stuurt voorstel naar teamleider', due: new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10) });
    await coach.ok('PUT', `/api/sessions/${s.sessionId}/notes`, { text: 'Eerste indruk' });
  });

  afterAll(() => stage?.stop());

  for (const [lang, theme] of [
    ['nl', 'light'],
    ['en', 'dark'],
  ] as const) {
    it(`panel (${lang}, ${theme}): every tab and the referral dialog`, async () => {
      const context = await browser.newContext({ viewport: { width: 380, height: 800 }, colorScheme: theme });
      const page = await context.newPage();
      await page.goto(`${base}/panel?session=${s.sessionId}&lang=${lang}&theme=${theme}#token=${coach.token}`);
      await page.locator('[data-sync=live]').waitFor();
      const found: Record<string, Finding[]> = {};
      for (const tab of TABS) {
        await page.locator(`#tab-${tab}`).click();
        await page.locator(`#tabpanel-${tab}`).waitFor();
        if (tab === 'share') await page.getByTestId('invite-preview').waitFor();
        found[tab] = await axe(page);
      }
      await page.locator('.phase-head .link-quiet, .stack .link-quiet').last().click();
      await page.getByRole('dialog').waitFor();
      found.referral = await axe(page);
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
      await context.close();
    });
  }

  it("coachee's page (nl light, en dark) and a link that does not work", async () => {
    const found: Record<string, Finding[]> = {};
    for (const [lang, theme] of [
      ['nl', 'light'],
      ['en', 'dark'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: theme, locale: lang });
      const page = await context.newPage();
      await page.goto(s.coacheeUrl);
      await page.locator('[data-sync=live]').waitFor();
      found[`page-${lang}-${theme}`] = await axe(page);
      if (lang === 'nl') {
        await page.goto(`${base}/c/not-a-valid-link`);
        await page.locator('main [role=alert]').waitFor();
        found['bad-link'] = await axe(page);
      }
      await context.close();
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });

  it("the coach's home /app (nl light, en dark): sessions, coachees and settings", async () => {
    const found: Record<string, Finding[]> = {};
    for (const [lang, theme] of [
      ['nl', 'light'],
      ['en', 'dark'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme: theme });
      const page = await context.newPage();
      await page.goto(`${base}/app?lang=${lang}&theme=${theme}`);
      await page.locator('#si-email').waitFor();
      found[`sign-in-${lang}`] = await axe(page);
      await page.locator('#si-email').fill(`a11y-home-${lang}@example.test`);
      await page.locator('#si-name').fill('Anna Coach');
      await page.locator('form button[type=submit]').click();
      await page.locator('.home-nav').waitFor();
      const tabs = page.locator('.home-nav button');
      expect(await tabs.count()).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        await page.waitForLoadState('networkidle');
        found[`${lang}-${(await tabs.nth(i).textContent())?.trim()}`] = await axe(page);
      }
      await context.close();
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });
});
