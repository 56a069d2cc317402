/** End to end in headless Chromium: a coachee confirms a low check-in from the dev mailbox and the coach's open panel shows the alert live; every mail (nl, en), the timeline and the chart are screenshotted. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDemo } from '../../worker/dev-demo.mjs';
import { devCoach } from './support/api';
import type { Coach } from './support/api';
import { axe } from './support/axe';
import { HAS_CHROMIUM, requireChromiumInCi } from './support/browser';
import { startStage } from './support/stage';
import type { Stage } from './support/stage';

requireChromiumInCi();

const SHOTS = join(import.meta.dirname, '../../test-artifacts/screenshots');
let stage: Stage;
let browser: Browser;
let base: string;

type Item = { id: string; kind: string; dueAt: string; status: string };
type Mail = { id: string; to: string; subject: string; text: string; html: string };

const iso = (ms: number) => new Date(ms).toISOString();
const runAt = async (now: string) => (await fetch(`${base}/api/dev/scheduler/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) })).json();
const mailbox = async (to?: string): Promise<Mail[]> => ((await (await fetch(`${base}/api/dev/mailbox${to ? `?to=${encodeURIComponent(to)}` : ''}`)).json()) as { messages: Mail[] }).messages;
const timeline = async (coach: Coach, engagementId: string) => (await coach.ok<{ items: Item[] }>('GET', `/api/engagements/${engagementId}/timeline`)).items;
const link = (text: string) => /https?:\/\/\S+\/c\/([^?\s]+)\?(\S*)/.exec(text)!;

/** A trajectory on fixed dates, played through every kind of mail; answers as the coachee through the API. */
async function playAll(coach: Coach, locale: 'nl' | 'en') {
  const email = `gallery-${locale}@example.test`;
  // The trajectory lies months ahead; the coach books that far.
  await coach.ok('PATCH', '/api/me', { bookingRules: { bookingHorizonDays: 730 } });
  const coachee = await coach.ok<{ id: string }>('POST', '/api/coachees', { name: locale === 'nl' ? 'Sanne' : 'Robin', email, locale, timeZone: 'Europe/Amsterdam' });
  const engagement = await coach.ok<{ id: string }>('POST', '/api/engagements', { coacheeId: coachee.id, goal: locale === 'nl' ? 'Meer regie over mijn week' : 'More control over my week' });
  await coach.ok('PATCH', `/api/engagements/${engagement.id}/touchpoints`, { learning: { items: [{ id: 'grow', at: '2027-09-08T08:00:00Z' }] } });
  const s1 = await coach.ok<{ id: string }>('POST', '/api/sessions', { engagementId: engagement.id, startsAt: '2027-09-06T08:00:00Z', endsAt: '2027-09-06T09:00:00Z' });
  await coach.ok('POST', '/api/sessions', { engagementId: engagement.id, startsAt: '2027-09-20T08:00:00Z', endsAt: '2027-09-20T09:00:00Z' });
  await coach.ok('PUT', `/api/sessions/${s1.id}/notes`, { text: 'PRIVATE-NOTE-e2e' });
  await coach.ok('POST', `/api/sessions/${s1.id}/agreements`, { who: 'coachee', what: locale === 'nl' ? 'Elke ochtend tien minuten plannen' : 'Plan ten minutes every morning', due: '2027-09-10' });
  const answer = async (body: unknown) => {
    const m = link((await mailbox(email))[0]!.text);
    await fetch(`${base}/api/c/${m[1]}/touchpoints/${new URLSearchParams(m[2]).get('tp')}/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  };
  for (const at of ['2027-09-05T08:00:00Z', '2027-09-07T09:00:00Z']) await runAt(at);
  await answer({ answers: locale === 'nl' ? ['Rust in mijn agenda', 'Nee zeggen', 'Steun van mijn team'] : ['Calm in my diary', 'Saying no', 'Support from my team'] });
  for (const at of ['2027-09-08T08:00:00Z', '2027-09-09T07:00:00Z', '2027-09-13T07:00:00Z']) await runAt(at);
  await answer({ score: 4 });
  for (const at of ['2027-09-19T08:00:00Z', '2027-09-21T09:00:00Z', '2027-09-27T07:00:00Z']) await runAt(at);
  await answer({ score: 2, comment: locale === 'nl' ? 'Drukke week, weinig slaap' : 'Busy week, little sleep' });
  await coach.ok('PATCH', `/api/engagements/${engagement.id}`, { status: 'closed' });
  await runAt('2027-09-27T08:00:00Z');
  await answer({ score: 4, answers: locale === 'nl' ? ['Meer rust', 'Grenzen stellen', 'Fijne vragen', 'Nu niet'] : ['More calm', 'Setting limits', 'Good questions', 'Not now'] });
  await runAt('2027-11-01T09:00:00Z');
  return { email, engagementId: engagement.id };
}

describe.skipIf(!HAS_CHROMIUM)('between sessions in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stage = await startStage();
    ({ base, browser } = stage);
  });

  afterAll(() => stage?.stop());

  it('the dev start plans the seeded demo trajectory, so its timeline is there at once', async () => {
    const demo = await devCoach(base, 'coach@demo.local', 'Demo Coach');
    expect(await timeline(demo, 'demo-engagement-01')).toEqual([]);
    await prepareDemo(base);
    const items = await timeline(demo, 'demo-engagement-01');
    expect(items.filter((i) => i.status === 'planned').map((i) => i.kind)).toEqual(expect.arrayContaining(['reflection', 'checkin']));
    await prepareDemo(base);
    expect(await timeline(demo, 'demo-engagement-01')).toEqual(items);
  });

  it('a low check-in confirmed from the dev mailbox shows live in the coach\'s open panel', async () => {
    const coach = await devCoach(base, 'between-e2e@example.test', 'Eva de Coach');
    const coachee = await coach.ok<{ id: string }>('POST', '/api/coachees', { name: 'Noor', email: 'noor@example.test', locale: 'nl' });
    const engagement = await coach.ok<{ id: string }>('POST', '/api/engagements', { coacheeId: coachee.id, goal: 'Rust in het hoofd' });
    const now = Date.now();
    await coach.ok('POST', '/api/sessions', { engagementId: engagement.id, startsAt: iso(now - 14 * 86_400_000), endsAt: iso(now - 14 * 86_400_000 + 3_600_000) });
    const current = await coach.ok<{ id: string }>('POST', '/api/sessions', { engagementId: engagement.id, startsAt: iso(now - 5 * 60_000), endsAt: iso(now + 55 * 60_000) });
    const checkin = (await timeline(coach, engagement.id)).find((i) => i.kind === 'checkin' && i.status === 'planned')!;
    await runAt(checkin.dueAt);

    // The coach has the panel open in the meeting.
    const meeting = await browser.newPage({ locale: 'nl-NL' });
    await meeting.goto(`${base}/demo?session=${current.id}`);
    const panel = meeting.frameLocator('iframe.demo-panel');
    await panel.getByTestId('between-card').waitFor();
    expect(await panel.getByTestId('between-alerts').textContent()).toBe('');

    // The coachee opens the check-in mail in the dev mailbox and picks 2: the page preselects it, nothing is saved yet.
    const page = await browser.newPage({ locale: 'nl-NL' });
    await page.goto(`${base}/dev/mailbox`);
    const mail = (await mailbox('noor@example.test')).find((m) => m.subject.startsWith('Hoe gaat het?'))!;
    const frame = page.frameLocator(`iframe[src="/dev/mailbox/${mail.id}"]`);
    const [coacheePage] = await Promise.all([page.waitForEvent('popup'), frame.getByRole('link', { name: '2', exact: true }).click()]);
    await coacheePage!.getByTestId('touchpoint-form').waitFor();
    expect(await coacheePage!.getByRole('radio', { name: /^2/ }).isChecked()).toBe(true);
    expect((await timeline(coach, engagement.id)).find((i) => i.id === checkin.id)?.status).toBe('sent');
    await coacheePage!.getByLabel('Toelichting (mag leeg blijven)').fill('Het gaat even niet');
    await coacheePage!.screenshot({ path: join(SHOTS, 'coachee-checkin-preselected.png'), fullPage: true });
    await coacheePage!.getByRole('button', { name: 'Bevestigen' }).click();
    await coacheePage!.getByText('Dank je. Een bericht van je coach:').waitFor();
    await coacheePage!.screenshot({ path: join(SHOTS, 'coachee-checkin-confirmed.png'), fullPage: true });
    expect(await axe(coacheePage!)).toEqual([]);

    // The coachee asks for fewer check-ins on their page, then stops mail from the mail's footer link (its own page).
    await coacheePage!.getByText('Mailvoorkeuren').click();
    await coacheePage!.getByLabel('Minder check-ins (om de week in plaats van elke week)').check();
    await coacheePage!.getByRole('button', { name: 'Opslaan' }).click();
    await coacheePage!.getByText('Je voorkeuren zijn opgeslagen.').waitFor();
    const prefsUrl = /Minder mail, pauzeren of afmelden: (\S+)/.exec(mail.text)![1]!;
    const prefsPage = await browser.newPage({ locale: 'nl-NL' });
    await prefsPage.goto(prefsUrl);
    expect(await prefsPage.getByLabel('Minder check-ins (om de week in plaats van elke week)').isChecked()).toBe(true);
    await prefsPage.getByLabel('Geen mail meer (alles blijft op deze pagina)').check();
    await prefsPage.getByRole('button', { name: 'Opslaan' }).click();
    await prefsPage.getByText('Je voorkeuren zijn opgeslagen.').waitFor();
    await prefsPage.screenshot({ path: join(SHOTS, 'coachee-preferences.png'), fullPage: true });
    expect(await axe(prefsPage)).toEqual([]);
    const token = /\/c\/([^?\s]+)/.exec(mail.text)![1]!;
    expect(await (await fetch(`${base}/api/c/${token}/preferences`)).json()).toMatchObject({ fewerCheckins: true, mailOff: true });

    // The open panel shows the alert without a reload.
    await panel.getByTestId('between-alerts').getByText('Noor: Lage check-in: 2 van 5').waitFor({ timeout: 25_000 });
    await meeting.screenshot({ path: join(SHOTS, 'panel-low-checkin-alert.png') });
    const coachMail = (await mailbox('between-e2e@example.test')).map((m) => m.subject);
    expect(coachMail).toContain('Let op: Noor gaf een 2 bij de check-in');
  }, 120_000);

  it('every mail in Dutch and English, the timeline and the chart render (screenshots)', async () => {
    const nlCoach = await devCoach(base, 'gallery-coach-nl@example.test', 'Eva de Coach');
    const enCoach = await devCoach(base, 'gallery-coach-en@example.test', 'Emma Coach');
    await enCoach.ok('PATCH', '/api/me', { locale: 'en' });
    const played = { nl: await playAll(nlCoach, 'nl'), en: await playAll(enCoach, 'en') };
    const page = await browser.newPage({ viewport: { width: 640, height: 800 } });
    for (const locale of ['nl', 'en'] as const) {
      const mails = [...(await mailbox(played[locale].email)), ...(await mailbox(`gallery-coach-${locale}@example.test`))];
      expect(mails.length).toBeGreaterThanOrEqual(14);
      for (const [i, m] of mails.entries()) {
        expect(m.text + m.html).not.toContain('PRIVATE-NOTE-e2e');
        await page.goto(`${base}/dev/mailbox/${m.id}`);
        const slug = m.subject.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40);
        await page.screenshot({ path: join(SHOTS, `mail-${locale}-${String(i).padStart(2, '0')}-${slug}.png`), fullPage: true });
      }
    }
    // The coach's home /app: alerts on the sessions page, and each trajectory's timeline, chart and settings under Coachees.
    for (const [locale, coach] of [['nl', nlCoach], ['en', enCoach]] as const) {
      const context = await browser.newContext({ viewport: { width: 900, height: 900 }, locale: locale === 'nl' ? 'nl-NL' : 'en-GB', timezoneId: 'Europe/Amsterdam' });
      const app = await context.newPage();
      await app.goto(`${base}/app#token=${coach.token}`);
      await app.getByTestId('alerts').getByText(locale === 'nl' ? 'Sanne: check-in 2 van 5 (was 4)' : 'Robin: check-in 2 out of 5 (was 4)').waitFor();
      await app.screenshot({ path: join(SHOTS, `app-alerts-${locale}.png`), fullPage: true });
      await app.getByRole('button', { name: 'Coachees' }).click();
      await app.getByTestId('score-chart').waitFor();
      expect(await app.locator('[data-testid=timeline] li').count()).toBeGreaterThanOrEqual(10);
      expect(await app.locator('svg[role=img] desc').textContent()).toBe(locale === 'nl' ? '2 check-ins en 1 terugblik, scores van 1 tot 5 door de tijd.' : '2 check-ins and 1 evaluation, scores from 1 to 5 over time.');
      await app.screenshot({ path: join(SHOTS, `trajectory-${locale}.png`), fullPage: true });
      if (locale === 'en') {
        // The coach picks micro-learning in the settings; it is stored for the trajectory.
        await app.getByText('Settings: what and when').click();
        await app.getByLabel('Listen, summarise, ask further').check();
        await app.getByRole('button', { name: 'Save', exact: true }).click();
        await app.getByText('Saved; the timeline is updated.').waitFor();
        await app.getByTestId('touchpoint-settings').screenshot({ path: join(SHOTS, 'trajectory-settings-en.png') });
        // Chart (with its text alternative), timeline, settings and alerts pass axe-core.
        await app.getByText('Scores as a table').click();
        expect(await axe(app)).toEqual([]);
        const stored = await enCoach.ok<{ learning: { items: { id: string; at?: string }[] } }>('GET', `/api/engagements/${played.en.engagementId}/touchpoints`);
        expect(stored.learning.items.map((i) => i.id)).toEqual(['grow', 'listen-summarise-ask']);
        expect(stored.learning.items[1]!.at).toBeTruthy();
      }
      await context.close();
    }
  }, 180_000);
});
