/** A coach's first week in headless Chromium from an empty database: /app sign-in, coachee, trajectory, invitation; the coachee's welcome, consent, intake and first booking; feed, panel intake, a live cancellation; screenshots. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_HINT, HAS_CHROMIUM, requireChromiumInCi } from './support/browser';
import { startStage } from './support/stage';
import type { Stage } from './support/stage';

requireChromiumInCi();

let stage: Stage;
let browser: Browser;
let base: string;
const shots = join(process.cwd(), 'test-artifacts/screenshots');
const NARROW = { width: 360, height: 780 };
const WIDE = { width: 1280, height: 900 };

/** Parses an iCalendar text with Debian's python3-icalendar, a second parser beside ical.js: METHOD, UID, SEQUENCE, STATUS. */
function pythonIcal(text: string): { method: string; uid: string; sequence: number; status: string } {
  const script = 'import sys,json,icalendar\nc=icalendar.Calendar.from_ical(sys.stdin.read())\ne=[x for x in c.walk("VEVENT")][0]\nprint(json.dumps({"method":str(c.get("METHOD")),"uid":str(e.get("UID")),"sequence":int(e.get("SEQUENCE",0)),"status":str(e.get("STATUS",""))}))';
  const r = spawnSync('/usr/bin/python3', ['-c', script], { input: text, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3-icalendar refused the file: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Serious and critical WCAG 2.x A/AA violations axe-core finds on the page as it is now (the context bypasses CSP to inject it). */
async function accessibilityProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return found;
}

async function noHorizontalScroll(page: Page, what: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${what}: no horizontal scroll`).toBe(0);
}

/** Signs in on /app with the dev login (the e-mail way the server lists). */
async function signIn(context: BrowserContext, query: string, email: string, name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/app${query}`);
  await page.locator('#si-email').fill(email);
  await page.locator('#si-name').fill(name);
  await page.locator('form button[type=submit]').click();
  await page.locator('.home-nav').waitFor();
  return page;
}

describe.skipIf(!HAS_CHROMIUM)('a coach\'s first week in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    // Migrations only: no demo seed, the database starts empty.
    stage = await startStage({ seed: false });
    ({ base, browser } = stage);
  });

  afterAll(() => stage?.stop());

  it('carries a new coach from sign-in to a first session booked by the coachee, and shows the coachee\'s cancellation live', async () => {
    const coachContext = await browser.newContext({ viewport: WIDE, colorScheme: 'light' });
    const app = await signIn(coachContext, '?lang=nl', 'eerste-week@example.test', 'Marieke Visser');
    expect(await app.getByText('Nog geen komende sessies').count()).toBe(1);
    await shoot(app, 'app-nl-light-wide-empty');

    // Add a coachee (the form is open for the first one) and start a trajectory with a welcome.
    await app.getByRole('button', { name: 'Coachees' }).click();
    await app.locator('#cn-new').fill('Sanne de Vries');
    await app.locator('#cm-new').fill('sanne@example.test');
    await app.locator('form.grid-form button[type=submit]').click();
    const card = app.getByTestId('coachee-card').filter({ hasText: 'Sanne de Vries' });
    await card.getByRole('button', { name: 'Traject starten' }).click();
    await card.getByLabel('Doel').fill('Meer rust en regie in mijn werk');
    await card.getByLabel('Welkomsttekst voor de coachee').fill('Welkom Sanne! Fijn dat we samen aan de slag gaan.');
    await card.locator('form[aria-label="Traject starten"] button[type=submit]').click();
    const linkField = card.getByTestId('invitation-link');
    await linkField.waitFor();
    const invitation = await linkField.inputValue();
    expect(invitation).toMatch(/\/c\/[^/]+$/);
    await shoot(app, 'app-nl-light-wide-coachees');

    // The coachee, in a second browser on a phone: welcome, privacy and consent, intake, booking.
    const coacheeContext = await browser.newContext({ viewport: NARROW, colorScheme: 'light' });
    const coachee = await coacheeContext.newPage();
    coachee.on('dialog', (d) => void d.accept());
    await coachee.goto(invitation);
    await coachee.getByTestId('onboarding-welcome').waitFor();
    expect(await coachee.getByText('Welkom Sanne! Fijn dat we samen aan de slag gaan.').count()).toBe(1);
    await noHorizontalScroll(coachee, 'welcome');
    await shoot(coachee, 'coachee-nl-light-narrow-1-welcome');
    await coachee.getByRole('button', { name: 'Beginnen' }).click();
    await coachee.getByTestId('onboarding-privacy').waitFor();
    expect(await coachee.evaluate(() => document.activeElement?.id)).toBe('ob-h');
    await shoot(coachee, 'coachee-nl-light-narrow-2-privacy');
    await coachee.getByRole('button', { name: 'Ik heb dit gelezen en ga akkoord' }).click();
    await coachee.getByTestId('onboarding-intake').waitFor();
    const questions = coachee.locator('textarea');
    await questions.nth(0).fill('Teamleider, druk en slaap slecht');
    await questions.nth(1).pressSequentially('Nee zeggen zonder schuldgevoel', { delay: 5 });
    await expect.poll(() => coachee.getByTestId('intake-save').textContent(), { timeout: 10_000 }).toBe('Opgeslagen');
    await shoot(coachee, 'coachee-nl-light-narrow-3-intake');
    // Resumable: leave and come back; the answers and the step are still there.
    await coachee.reload();
    await coachee.getByTestId('onboarding-intake').waitFor();
    expect(await coachee.locator('textarea').nth(1).inputValue()).toBe('Nee zeggen zonder schuldgevoel');
    await coachee.getByRole('button', { name: 'Verder: kies een moment' }).click();
    const next = coachee.getByTestId('coachee-next');
    expect(await next.locator('#c-next-h').textContent()).toBe('Plan je eerste sessie');
    await next.getByRole('radio').first().check();
    await shoot(coachee, 'coachee-nl-light-narrow-4-book');
    await next.getByTestId('confirm').getByRole('button', { name: 'Boek deze tijd' }).click();
    await coachee.getByTestId('planned').waitFor();
    const sessionId = await coachee.evaluate(async (url) => {
      const view = await (await fetch(`/api/c/${url.split('/c/')[1]}`)).json();
      return view.upcoming[0].id as string;
    }, invitation);
    await shoot(coachee, 'coachee-nl-light-narrow-5-booked');

    // Back to the coach: the session is listed (the home refreshes by itself), and in the local calendar feed.
    await app.getByRole('button', { name: 'Sessies' }).click();
    const row = app.getByTestId('session-row').filter({ hasText: 'Sanne de Vries' });
    await row.waitFor({ timeout: 15_000 });
    const token = await app.evaluate(() => localStorage.getItem('coaching-home:token'));
    expect(token).toBeTruthy();
    const me = await (await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json();
    await expect.poll(async () => (await fetch(me.calendar.icsUrl)).text(), { timeout: 20_000 }).toContain(`UID:${sessionId}@`);
    const feed = await (await fetch(me.calendar.icsUrl)).text();
    expect(feed).not.toMatch(/schuldgevoel|slaap slecht/);
    await expect.poll(() => row.locator('[data-calendar]').getAttribute('data-calendar'), { timeout: 20_000 }).toBe('synced');
    await shoot(app, 'app-nl-light-wide-sessions');

    // Session 1's panel shows the intake answers; the invite does not.
    const panel = await coachContext.newPage();
    await panel.goto(`${base}/panel?session=${sessionId}&lang=nl#token=${token}`);
    const intake = panel.getByTestId('panel-intake');
    await intake.waitFor();
    await intake.locator('summary').click();
    expect(await intake.textContent()).toContain('Nee zeggen zonder schuldgevoel');
    const request = await (await fetch(`${base}/api/c/${invitation.split('/c/')[1]}/sessions/${sessionId}/invite.ics`)).text();
    expect(request).not.toMatch(/schuldgevoel/);
    const requested = pythonIcal(request);
    expect(requested.method).toBe('REQUEST');

    // The coachee cancels; the coach's home shows it without a reload.
    await coachee.getByTestId('planned').getByRole('button', { name: 'Annuleren' }).click();
    await coachee.getByText('De sessie is geannuleerd.').waitFor();
    await app.getByTestId('cancelled').filter({ hasText: 'door coachee' }).waitFor({ timeout: 15_000 });
    expect(await app.getByTestId('session-row').count()).toBe(0);
    await shoot(app, 'app-nl-light-wide-cancelled');
    const cancel = pythonIcal(await (await fetch(`${base}/api/c/${invitation.split('/c/')[1]}/sessions/${sessionId}/invite.ics`)).text());
    expect(cancel).toMatchObject({ method: 'CANCEL', uid: requested.uid, status: 'CANCELLED' });
    expect(cancel.sequence).toBeGreaterThan(requested.sequence);

    // The intake answers are in /app too.
    await app.getByRole('button', { name: 'Coachees' }).click();
    expect(await app.getByTestId('intake-answers').textContent()).toContain('Teamleider, druk en slaap slecht');
    await coacheeContext.close();
    await coachContext.close();
  });

  it('looks right in English and dark, narrow and wide, with no serious axe-core findings: /app and every onboarding step', async () => {
    const coachContext = await browser.newContext({ viewport: NARROW, colorScheme: 'dark', bypassCSP: true });
    const app = await signIn(coachContext, '?lang=en&theme=dark', 'second-coach@example.test', 'Alex Morgan');
    await app.getByRole('button', { name: 'EN · Switch to English', exact: true }).click();
    await app.getByRole('button', { name: 'Sessions' }).waitFor();
    await noHorizontalScroll(app, '/app narrow');
    expect(await accessibilityProblems(app), 'sessions').toEqual([]);
    await shoot(app, 'app-en-dark-narrow-sessions');
    await app.getByRole('button', { name: 'Coachees' }).click();
    await app.locator('#cn-new').fill('Noor Bakker');
    await app.locator('#cl-new').selectOption('en');
    await app.locator('form.grid-form button[type=submit]').click();
    const card = app.getByTestId('coachee-card');
    await card.getByRole('button', { name: 'Start trajectory' }).click();
    await card.locator('form[aria-label="Start trajectory"] button[type=submit]').click();
    const invitation = await card.getByTestId('invitation-link').inputValue();
    await noHorizontalScroll(app, '/app coachees narrow');
    expect(await accessibilityProblems(app), 'coachees').toEqual([]);
    await shoot(app, 'app-en-dark-narrow-coachees');
    await app.getByRole('button', { name: 'Settings' }).click();
    await noHorizontalScroll(app, '/app settings narrow');
    expect(await accessibilityProblems(app), 'settings').toEqual([]);
    await shoot(app, 'app-en-dark-narrow-settings');

    const wide = await browser.newContext({ viewport: WIDE, colorScheme: 'dark', bypassCSP: true });
    const coachee = await wide.newPage();
    await coachee.goto(`${invitation}?theme=dark`);
    await coachee.getByTestId('onboarding-welcome').waitFor();
    expect(await accessibilityProblems(coachee), 'welcome').toEqual([]);
    await shoot(coachee, 'coachee-en-dark-wide-1-welcome');
    await coachee.getByRole('button', { name: 'Start' }).click();
    await coachee.getByTestId('onboarding-privacy').waitFor();
    expect(await accessibilityProblems(coachee), 'privacy').toEqual([]);
    await shoot(coachee, 'coachee-en-dark-wide-2-privacy');
    await coachee.getByRole('button', { name: 'I have read this and agree' }).click();
    await coachee.getByTestId('onboarding-intake').waitFor();
    await coachee.locator('textarea').first().fill('A new job, a lot at once');
    await expect.poll(() => coachee.getByTestId('intake-save').textContent(), { timeout: 10_000 }).toBe('Saved');
    expect(await accessibilityProblems(coachee), 'intake').toEqual([]);
    await shoot(coachee, 'coachee-en-dark-wide-3-intake');
    await coachee.getByRole('button', { name: 'Next: pick a time' }).click();
    await coachee.getByTestId('coachee-next').getByRole('radio').first().waitFor();
    expect(await accessibilityProblems(coachee), 'booking').toEqual([]);
    await shoot(coachee, 'coachee-en-dark-wide-4-book');
    await wide.close();
    await coachContext.close();
  });
});

if (!HAS_CHROMIUM) console.warn(`Skipping the first-week browser test: ${CHROMIUM_HINT}`);
