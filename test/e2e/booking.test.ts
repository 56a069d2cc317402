/** End to end in headless Chromium against `wrangler dev`: booking the next session from the panel and the coachee page, and publishing to the calendar. */
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devCoach, sessionWithHistory } from './support/api';
import type { Coach } from './support/api';
import { CHROMIUM_HINT, HAS_CHROMIUM, requireChromiumInCi } from './support/browser';
import { startStage } from './support/stage';
import type { Stage } from './support/stage';

requireChromiumInCi();

let stage: Stage;
let browser: Browser;
let base: string;
const shots = join(process.cwd(), 'test-artifacts/screenshots');

type SessionJson = { id: string; startsAt: string; endsAt: string; calendarStatus: string };
type Slots = { timeZone: string; slots: { startsAt: string; endsAt: string }[] };

/** The coach's panel in the plain browser host, at a side-panel width. */
async function openPanel(context: BrowserContext, coach: Coach, sessionId: string, query = 'lang=nl&theme=light'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/panel?session=${sessionId}&${query}#token=${coach.token}`);
  await page.locator('[data-sync=live]').waitFor();
  return page;
}

/** Sessions of an engagement, as the API lists them. */
const sessionsOf = (coach: Coach, engagementId: string) => coach.ok<SessionJson[]>('GET', `/api/sessions?engagementId=${engagementId}`);

/** The same instant, whatever offset it is written with. */
const same = (a: string | null, b: string) => a !== null && Date.parse(a) === Date.parse(b);

/** A trajectory whose only session ended 13 days ago (clear of `sessionWithHistory`'s sessions): the coachee plans the next one between sessions. */
async function betweenSessions(coach: Coach, name: string) {
  const coachee = await coach.ok<{ id: string }>('POST', '/api/coachees', { name, locale: 'nl' });
  const engagement = await coach.ok<{ id: string }>('POST', '/api/engagements', { coacheeId: coachee.id, goal: 'Meer rust in de week', sessionMinutes: 60 });
  const start = Date.now() - 13 * 86_400_000;
  const past = await coach.ok<{ id: string }>('POST', '/api/sessions', { engagementId: engagement.id, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString() });
  await coach.ok('POST', `/api/sessions/${past.id}/agreements`, { who: 'coachee', what: 'Plant elke dag een pauze' });
  const invite = await coach.ok<{ coacheeUrl: string }>('GET', `/api/sessions/${past.id}/invite`);
  const token = new URL(invite.coacheeUrl).pathname.split('/').pop()!;
  // The coachee agreed to the privacy statement on their first visit (the invitation's walk is tested in first-week.test.ts).
  expect((await coach.call('POST', `/api/c/${token}/consent`, undefined, null)).status).toBe(200);
  return { engagementId: engagement.id, pastSessionId: past.id, coacheeUrl: invite.coacheeUrl, token };
}

async function noHorizontalScroll(page: Page, what: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${what}: no horizontal scroll`).toBe(0);
}

/** A time of day as the Dutch page shows it. */
const timeOf = (instant: string, timeZone: string) => new Intl.DateTimeFormat('nl-NL', { timeZone, hour: '2-digit', minute: '2-digit' }).format(Date.parse(instant));

/** The booked start a next-session section shows. */
const shownStart = (section: Locator) => section.locator('.next-when time').getAttribute('datetime');

describe.skipIf(!HAS_CHROMIUM)('booking and calendar in Chromium', () => {
  beforeAll(async () => {
    stage = await startStage();
    ({ base, browser } = stage);
  });

  afterAll(() => stage?.stop());

  it('coach books the next session from phase 7; offline it books nothing, a lost answer is retried with the same key', async () => {
    const coach = await devCoach(base, 'e2e-book@example.test', 'Bea Coach');
    const s = await sessionWithHistory(coach, 'Sanne de Vries', 'Duidelijker grenzen aangeven');
    await coach.ok('PUT', `/api/sessions/${s.sessionId}/progress`, { phase: 'next-appointment' });
    const offered = await coach.ok<Slots>('GET', `/api/sessions/${s.sessionId}/slots`);
    expect(offered.timeZone).toBe('Europe/Amsterdam');
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 1 });
    const page = await openPanel(context, coach, s.sessionId);

    // Phase 7 leads straight to the booking, with focus on it.
    await page.getByRole('button', { name: 'Volgende afspraak plannen' }).click();
    expect(await page.locator('#tab-share').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('next-h');
    const section = page.getByTestId('next-session');
    const radios = section.getByRole('radio');
    await radios.first().waitFor();
    // Days are labelled groups; times are radios in the coach's zone.
    expect(await section.locator('[role=group]').count()).toBe(3);
    expect(await section.locator('legend').textContent()).toBe('Kies een tijd (Europe/Amsterdam)');

    // One click picks, nothing is booked before the confirm step.
    await radios.first().check();
    const confirm = section.getByTestId('confirm');
    await confirm.waitFor();
    expect((await sessionsOf(coach, s.engagementId)).length).toBe(2);

    // Offline: nothing is sent, and the panel says it will not book until online.
    const keys: string[] = [];
    let loseAnswer = true;
    await context.route('**/api/sessions/*/next', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (loseAnswer) {
        // The server books, but the answer never reaches the panel.
        loseAnswer = false;
        await route.fetch();
        await route.abort('failed');
      } else {
        await route.continue();
      }
    });
    await context.setOffline(true);
    await confirm.getByRole('button', { name: 'Boek deze tijd' }).click();
    const result = section.getByTestId('booking-result');
    await expect.poll(() => result.textContent()).toContain('er wordt pas geboekt als je weer online bent');
    expect(keys).toEqual([]);
    await context.setOffline(false);
    await page.locator('[data-sync=live]').waitFor();

    // Online: the first answer is lost; trying again sends the same key and gets the same booking.
    await confirm.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect.poll(() => keys.length).toBe(1);
    await expect.poll(() => result.textContent()).toContain('Geen verbinding');
    await confirm.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect.poll(() => result.textContent()).toMatch(/^Geboekt: /);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[0]).toMatch(/^[\x21-\x7e]{8,200}$/);

    // The booked session: one new session at an offered time, with the carried-over review on its agenda.
    const startsAt = await shownStart(section);
    expect(offered.slots.some((slot) => same(startsAt, slot.startsAt))).toBe(true);
    const sessions = await sessionsOf(coach, s.engagementId);
    expect(sessions).toHaveLength(3);
    const booked = sessions.find((x) => same(startsAt, x.startsAt))!;
    const bookedPanel = await coach.ok<{ state: { agenda: { title: string }[] } }>('GET', `/api/sessions/${booked.id}/panel`);
    expect(bookedPanel.state.agenda.map((i) => i.title)).toContain('Terugblik op de afspraken van vorige keer');

    // Its calendar status follows the outbox: not yet in the calendar, then in it.
    await section.locator('[data-calendar=synced]').waitFor({ timeout: 20_000 });
    expect(await section.locator('.cal').textContent()).toBe('Staat in de agenda');
    await section.getByText('Nog een afspraak plannen').waitFor();
    await page.screenshot({ path: join(shots, 'panel-booked-nl-light.png'), fullPage: true });
    await noHorizontalScroll(page, 'panel after booking');

    // The coachee's page shows it as their next session.
    const coacheeCtx = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const coacheePage = await coacheeCtx.newPage();
    await coacheePage.goto(s.coacheeUrl);
    const next = coacheePage.getByTestId('coachee-next');
    await next.getByRole('heading', { name: 'Je volgende sessie' }).waitFor();
    expect(same(await next.locator('time').getAttribute('datetime'), booked.startsAt)).toBe(true);
    expect(await next.getByRole('radio').count()).toBe(0);

    // A reload of the panel shows the next session instead of the picker.
    await page.reload();
    await page.locator('[data-sync=live]').waitFor();
    await page.locator('#tab-share').click();
    expect(same(await shownStart(section), booked.startsAt)).toBe(true);
    expect(await section.getByRole('radio').count()).toBe(0);
    await context.close();
    await coacheeCtx.close();
  });

  it('coach publishes the invite and sees "not yet in calendar" turn into "in calendar"', async () => {
    const coach = await devCoach(base, 'e2e-publish@example.test', 'Piet Coach');
    const s = await sessionWithHistory(coach, 'Noor Bakker', 'Rust in de week');
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await openPanel(context, coach, s.sessionId);
    await page.locator('#tab-share').click();
    const share = page.getByRole('region', { name: /Dit ziet Noor Bakker op de uitnodiging/ });
    const badge = share.locator('.cal');
    // A planned session is written through the outbox once; wait for that first.
    await share.locator('[data-calendar=synced]').waitFor({ timeout: 45_000 });

    await share.getByRole('button', { name: 'In de agenda zetten' }).click();
    await expect.poll(() => badge.textContent()).toBe('Nog niet in de agenda');
    expect((await coach.ok<SessionJson>('GET', `/api/sessions/${s.sessionId}`)).calendarStatus).toBe('pending');
    await share.locator('[data-calendar=synced]').waitFor({ timeout: 45_000 });
    expect(await badge.textContent()).toBe('Staat in de agenda');
    expect((await coach.ok<SessionJson>('GET', `/api/sessions/${s.sessionId}`)).calendarStatus).toBe('synced');
    await context.close();
  }, 120_000);

  it('coachee plans the next session from their page; a time taken meanwhile is refused and refreshed; the invite downloads', async () => {
    const coach = await devCoach(base, 'e2e-coachee-book@example.test', 'Cas Coach');
    const t = await betweenSessions(coach, 'Lotte Smit');
    const other = await sessionWithHistory(coach, 'Iemand Anders', 'Iets anders');
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(t.coacheeUrl);
    const next = page.getByTestId('coachee-next');
    await next.getByRole('heading', { name: 'Plan je volgende sessie' }).waitFor();
    const radios = next.getByRole('radio');
    await radios.first().waitFor();
    const offered = (await coach.call<Slots>('GET', `/api/c/${t.token}/slots`, undefined, null)).body;
    await radios.first().check();

    // Meanwhile the coach fills that hour with another coachee's session.
    const taken = offered.slots[0]!;
    await coach.ok('POST', '/api/sessions', { engagementId: other.engagementId, startsAt: taken.startsAt, endsAt: taken.endsAt });
    await next.getByRole('button', { name: 'Boek deze tijd' }).click();
    const result = next.getByTestId('booking-result');
    await expect.poll(() => result.textContent()).toBe('Die tijd is net bezet geraakt; kies een andere.');
    // The list is asked again: it starts at the first time that is still free, and nothing is picked.
    const refreshed = (await coach.call<Slots>('GET', `/api/c/${t.token}/slots`, undefined, null)).body;
    expect(refreshed.slots.some((slot) => slot.startsAt === taken.startsAt)).toBe(false);
    await expect.poll(() => next.locator('.chip').first().textContent()).toBe(timeOf(refreshed.slots[0]!.startsAt, refreshed.timeZone));
    expect(await radios.first().isChecked()).toBe(false);

    await radios.first().check();
    await next.getByRole('button', { name: 'Boek deze tijd' }).click();
    await expect.poll(() => result.textContent()).toMatch(/^Gelukt! Je volgende sessie is /);
    await next.getByRole('heading', { name: 'Je volgende sessie' }).waitFor();
    const sessions = await sessionsOf(coach, t.engagementId);
    expect(sessions).toHaveLength(2);
    const booked = sessions.find((x) => x.id !== t.pastSessionId)!;
    expect(same(await next.locator('time').getAttribute('datetime'), booked.startsAt)).toBe(true);
    expect(Date.parse(booked.startsAt)).toBeGreaterThan(Date.parse(taken.startsAt));

    // The invite file is the booked session's, as a calendar invite.
    const link = next.getByRole('link', { name: 'Zet in je eigen agenda (.ics)' });
    await link.waitFor();
    const ics = await fetch(new URL((await link.getAttribute('href'))!, base));
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const body = await ics.text();
    expect(body).toContain('METHOD:REQUEST');
    expect(ics.headers.get('content-disposition')).toContain(`session-${booked.id}.ics`);
    await context.close();
  });

  it('renders the booking in nl light and en dark at 320–360 px without horizontal scroll: screenshots for review', async () => {
    const coach = await devCoach(base, 'e2e-book-shots@example.test', 'Mila Coach');
    const s = await sessionWithHistory(coach, 'Sanne de Vries', 'Meer regie over werkdruk en duidelijker grenzen aangeven in het team');
    await coach.ok('PUT', `/api/sessions/${s.sessionId}/progress`, { phase: 'next-appointment' });
    const t = await betweenSessions(coach, 'Daan Vos');
    for (const [lang, theme, width] of [
      ['nl', 'light', 360],
      ['en', 'dark', 320],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height: 780 }, colorScheme: theme, deviceScaleFactor: 1 });
      const page = await openPanel(context, coach, s.sessionId, `lang=${lang}&theme=${theme}`);
      await page.getByRole('button', { name: lang === 'nl' ? 'Volgende afspraak plannen' : 'Plan the next session' }).click();
      const section = page.getByTestId('next-session');
      await section.getByRole('radio').first().waitFor();
      await page.screenshot({ path: join(shots, `panel-booking-${lang}-${theme}.png`), fullPage: true });
      await section.getByRole('radio').nth(4).check();
      await section.getByTestId('confirm').waitFor();
      await page.screenshot({ path: join(shots, `panel-booking-${lang}-${theme}-confirm.png`) });
      await section.getByRole('button', { name: lang === 'nl' ? 'Meer dagen' : 'More days' }).click();
      await expect.poll(() => section.locator('[role=group]').count()).toBe(6);
      await noHorizontalScroll(page, `panel ${lang}/${theme}`);
      await context.close();

      const coacheeCtx = await browser.newContext({ viewport: { width, height: 780 }, colorScheme: theme, deviceScaleFactor: 1 });
      const coachee = await coacheeCtx.newPage();
      await coachee.goto(`${t.coacheeUrl}?theme=${theme}`);
      if (lang === 'en') await coachee.getByRole('button', { name: 'Switch to English' }).click();
      const next = coachee.getByTestId('coachee-next');
      await next.getByRole('radio').first().waitFor();
      await next.getByRole('radio').nth(1).check();
      await coachee.screenshot({ path: join(shots, `coachee-booking-${lang}-${theme}.png`), fullPage: true });
      await noHorizontalScroll(coachee, `coachee ${lang}/${theme}`);
      await coacheeCtx.close();
    }
  });
});

if (!HAS_CHROMIUM) {
  describe('booking and calendar in Chromium', () => {
    it.skip(`needs Chromium at $CHROMIUM_PATH or /usr/bin/chromium: ${CHROMIUM_HINT}`, () => undefined);
  });
}
