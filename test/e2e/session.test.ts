/** End to end in headless Chromium against `wrangler dev`: a whole session between coach and coachee, live and loss-free. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startWorker } from '../support/local-worker.mjs';
import { devCoach, sessionWithHistory } from './support/api';
import type { Coach } from './support/api';
import { CHROMIUM_HINT, HAS_CHROMIUM, requireChromiumInCi } from './support/browser';
import { startStage } from './support/stage';
import type { Stage } from './support/stage';

requireChromiumInCi();

let stage: Stage;
let browser: Browser;
let base: string;

/** Opens the demo meeting for a session; answers the page and the panel frame inside it. */
async function openDemo(context: BrowserContext, sessionId?: string): Promise<{ page: Page; panel: FrameLocator }> {
  const page = await context.newPage();
  await page.goto(`${base}/demo${sessionId ? `?session=${sessionId}` : ''}`);
  const panel = page.frameLocator('iframe.demo-panel');
  await panel.locator('[data-sync=live]').waitFor();
  return { page, panel };
}

async function openCoachee(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-sync=live]').waitFor();
  return page;
}

async function addAgendaItem(panel: FrameLocator, title: string): Promise<void> {
  await panel.getByRole('tab', { name: /Agenda/ }).click();
  const input = panel.getByLabel('Nieuw agendapunt');
  await input.fill(title);
  await input.press('Enter');
}

describe.skipIf(!HAS_CHROMIUM)('panel and coachee page in Chromium', () => {
  beforeAll(async () => {
    stage = await startStage();
    ({ base, browser } = stage);
  });

  afterAll(() => stage?.stop());

  it('opens the seeded demo session at /demo, with carried-over agreements first', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const { panel } = await openDemo(context);
    await panel.getByRole('heading', { name: 'Sanne de Vries' }).waitFor();
    const carried = panel.getByRole('region', { name: 'Hoe ging het?' });
    await carried.getByText('Houdt een week lang bij wanneer de energie weglekt').waitFor();
    expect(await panel.getByText('Nog niet begonnen').count()).toBe(1);
    await context.close();
  });

  it('plays a whole session live between coach and coachee', async () => {
    const coach = await devCoach(base, 'e2e-live@example.test', 'Eva Coach');
    const s = await sessionWithHistory(coach, 'Sanne Jansen', 'Duidelijker grenzen aangeven');
    const coachCtx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const coacheeCtx = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const { panel } = await openDemo(coachCtx, s.sessionId);
    const coacheePage = await openCoachee(coacheeCtx, s.coacheeUrl);
    const framesToCoachee: string[] = [];
    coacheePage.on('websocket', (ws) => ws.on('framereceived', (f) => framesToCoachee.push(String(f.payload))));

    // At a glance: coachee, goal, the carried-over agreement first.
    await panel.getByRole('heading', { name: 'Sanne Jansen' }).waitFor();
    await panel.getByText('Duidelijker grenzen aangeven').waitFor();
    await panel.getByRole('region', { name: 'Hoe ging het?' }).getByText('Schrijft op wat energie kost').waitFor();

    // Walk the phases: one click to start, one key to move on; the live region says where we are.
    await panel.getByTestId('next-phase').click();
    await panel.getByText('Fase 1 van 8', { exact: true }).waitFor();
    await panel.locator('body').press('n');
    await panel.getByText('Fase 2 van 8', { exact: true }).waitFor();
    expect(await panel.getByTestId('announcer').textContent()).toMatch(/^Fase 2 van 8: /);
    expect(await panel.getByTestId('phase-timer').textContent()).toMatch(/^0:0\d \/ \d+:\d\d$/);

    // Agenda: add, reorder, tick; the coachee sees it live.
    await addAgendaItem(panel, 'Gesprek met teamleider');
    await addAgendaItem(panel, 'Nee zeggen zonder schuldgevoel');
    await panel.getByRole('button', { name: 'Nee zeggen zonder schuldgevoel omhoog' }).click();
    await coacheePage.getByText('Nee zeggen zonder schuldgevoel').waitFor();
    await expect.poll(() => coacheePage.getByTestId('agenda-item').allTextContents()).toEqual(['Nee zeggen zonder schuldgevoel', 'Gesprek met teamleider']);
    await panel.getByRole('checkbox', { name: 'Gesprek met teamleider' }).check();
    await expect.poll(() => coacheePage.locator('.row-done').count()).toBe(1);

    // The coachee proposes a topic; the coach sees it, marked as theirs.
    await coacheePage.getByLabel('Stel een onderwerp voor').fill('Hoe vraag ik om hulp?');
    await coacheePage.getByRole('button', { name: 'Voorstellen' }).click();
    const proposed = panel.getByTestId('agenda-item').filter({ hasText: 'Hoe vraag ik om hulp?' });
    await proposed.waitFor();
    expect(await proposed.locator('.tag-coachee').textContent()).toBe('van Sanne');

    // Agreements as WWW from shorthand; the three fields stay editable.
    await panel.getByRole('tab', { name: /Afspraken/ }).click();
    await panel.getByLabel('Snel invoeren').fill('Sanne: stuurt voorstel naar teamleider vóór vrijdag');
    expect(await panel.getByLabel('Wat', { exact: true }).inputValue()).toBe('stuurt voorstel naar teamleider');
    expect(await panel.getByLabel('Wie', { exact: true }).inputValue()).toBe('coachee');
    expect(await panel.getByLabel('Wanneer', { exact: true }).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await panel.getByLabel('Snel invoeren').press('Enter');
    await panel.getByLabel('Snel invoeren').fill('ik: stuur artikel over grenzen');
    await panel.getByRole('button', { name: 'Afspraak vastleggen' }).click();
    await panel.getByTestId('agreements-this').getByText('stuur artikel over grenzen').waitFor();

    // The coachee ticks their own agreement; the coach sees it done.
    const mine = coacheePage.getByTestId('agreement').filter({ hasText: 'stuurt voorstel naar teamleider' });
    await mine.waitFor();
    expect(await coacheePage.getByTestId('agreement').filter({ hasText: 'stuur artikel over grenzen' }).getByRole('checkbox').count()).toBe(0);
    await mine.getByRole('checkbox').check();
    await panel.getByTestId('agreement').filter({ hasText: 'stuurt voorstel naar teamleider' }).getByText('gedaan').waitFor();

    // Private notes are marked as never shared and never reach the coachee.
    await panel.getByRole('tab', { name: /Notities/ }).click();
    expect(await panel.locator('.tag-private').textContent()).toBe('Nooit gedeeld');
    await panel.getByRole('textbox', { name: /Privénotities/ }).fill('Vertrouwelijk: slaapt slecht sinds de reorganisatie');
    await panel.getByText('Nog niet opgeslagen…').waitFor({ state: 'detached' });
    await panel.locator('[data-sync=live]').waitFor();
    expect((await coach.ok<{ state: { notes: string } }>('GET', `/api/sessions/${s.sessionId}/panel`)).state.notes).toBe('Vertrouwelijk: slaapt slecht sinds de reorganisatie');

    // What the invite will show: agenda and agreements, no notes.
    await panel.getByRole('tab', { name: /Delen/ }).click();
    const preview = panel.getByTestId('invite-preview');
    await expect.poll(() => preview.textContent()).toContain('Hoe vraag ik om hulp?');
    expect(await preview.textContent()).not.toContain('Vertrouwelijk');

    await coacheePage.reload();
    await coacheePage.getByText('Hoe vraag ik om hulp?').waitFor();
    expect(await coacheePage.content()).not.toContain('Vertrouwelijk');
    expect(framesToCoachee.join('\n')).not.toContain('Vertrouwelijk');

    await coachCtx.close();
    await coacheeCtx.close();
  });

  it('loses nothing when the network drops, the page reloads or the Worker restarts; concurrent edits converge', async () => {
    const coach = await devCoach(base, 'e2e-offline@example.test', 'Olaf Coach');
    const s = await sessionWithHistory(coach, 'Noor Bakker', 'Rust in de week');
    const coachCtx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const coacheeCtx = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const { page, panel } = await openDemo(coachCtx, s.sessionId);
    const coacheePage = await openCoachee(coacheeCtx, s.coacheeUrl);

    // 1. The network drops: edits queue, the badge says so, and they arrive when it is back.
    await coachCtx.setOffline(true);
    await panel.locator('[data-sync=offline]').waitFor();
    await addAgendaItem(panel, 'Offline toegevoegd');
    await panel.getByRole('tab', { name: /Afspraken/ }).click();
    await panel.getByLabel('Snel invoeren').fill('Noor: plant twee rustmomenten per dag');
    await panel.getByLabel('Snel invoeren').press('Enter');
    expect(await panel.locator('.sync').textContent()).toContain('Offline · 2 in wachtrij');
    expect(await coacheePage.getByText('Offline toegevoegd').count()).toBe(0);
    await coachCtx.setOffline(false);
    await panel.locator('[data-sync=live]').waitFor();
    await coacheePage.getByText('Offline toegevoegd').waitFor();
    await coacheePage.getByText('plant twee rustmomenten per dag').waitFor();

    // 2. Concurrent edits of one agreement: the coach rewords it while cut off, the coachee ticks it meanwhile.
    await coachCtx.setOffline(true);
    await panel.locator('[data-sync=offline]').waitFor();
    const row = panel.getByTestId('agreement').filter({ hasText: 'plant twee rustmomenten per dag' });
    await row.getByRole('button', { name: /Bewerken/ }).click();
    const editWhat = panel.locator('.row-edit input[id$="-what"]');
    await editWhat.fill('plant drie rustmomenten per dag');
    await panel.locator('.row-edit').getByRole('button', { name: 'Opslaan' }).click();
    await coacheePage.getByTestId('agreement').filter({ hasText: 'plant twee rustmomenten per dag' }).getByRole('checkbox').check();
    await coachCtx.setOffline(false);
    const agreed = panel.getByTestId('agreement').filter({ hasText: 'plant drie rustmomenten per dag' });
    await agreed.getByText('gedaan').waitFor();
    const onCoachee = coacheePage.getByTestId('agreement').filter({ hasText: 'plant drie rustmomenten per dag' });
    await onCoachee.waitFor();
    expect(await onCoachee.getByRole('checkbox').isChecked()).toBe(true);

    // 3. A reload while the live connection is blocked keeps the queued edits, and sends them once it opens.
    let blocked = true;
    await coachCtx.routeWebSocket(/\/live/, (ws) => (blocked ? ws.close() : ws.connectToServer()));
    await page.reload();
    const frame = page.frameLocator('iframe.demo-panel');
    await frame.locator('[data-sync=offline]').waitFor();
    await addAgendaItem(frame, 'Na herladen nog in de wachtrij');
    await page.reload();
    const again = page.frameLocator('iframe.demo-panel');
    await again.getByText('Na herladen nog in de wachtrij').waitFor();
    await again.getByText('Offline · 1 in wachtrij').waitFor();
    blocked = false;
    await again.locator('[data-sync=live]').waitFor({ timeout: 15_000 });
    await coacheePage.getByText('Na herladen nog in de wachtrij').waitFor();

    // 4. The Worker restarts: the panel shows it, keeps what is typed, and sends it to the restarted room.
    await stage.restartWorker(async () => {
      await again.locator('[data-sync=offline]').waitFor();
      await addAgendaItem(again, 'Getypt terwijl de Worker herstartte');
    });
    await again.locator('[data-sync=live]').waitFor({ timeout: 20_000 });
    await coacheePage.getByText('Getypt terwijl de Worker herstartte').waitFor({ timeout: 20_000 });

    // Everything is stored: a fresh load from the server shows all of it exactly once.
    await page.reload();
    const fresh = page.frameLocator('iframe.demo-panel');
    await fresh.locator('[data-sync=live]').waitFor();
    const titles = await fresh.getByTestId('agenda-item').allTextContents();
    for (const title of ['Offline toegevoegd', 'Na herladen nog in de wachtrij', 'Getypt terwijl de Worker herstartte']) {
      expect(titles.filter((t) => t.startsWith(title))).toHaveLength(1);
    }
    await coachCtx.close();
    await coacheeCtx.close();
  });

  it('answers bad and unauthorised input from a coachee to that client only, and the room keeps working', async () => {
    const coach = await devCoach(base, 'e2e-bad@example.test', 'Bram Coach');
    const s = await sessionWithHistory(coach, 'Iris de Boer', 'Minder piekeren');
    const other = await sessionWithHistory(await devCoach(base, 'e2e-other@example.test', 'Otto Coach'), 'Ander Persoon', 'Iets anders');
    expect((await coach.call('GET', `/api/sessions/${other.sessionId}/panel`)).status).toBe(404);
    await coach.ok('PUT', `/api/sessions/${s.sessionId}/notes`, { text: 'Alleen voor de coach' });

    const coachCtx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const coacheeCtx = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const { panel } = await openDemo(coachCtx, s.sessionId);
    const coacheePage = await openCoachee(coacheeCtx, s.coacheeUrl);
    const token = new URL(s.coacheeUrl).pathname.split('/').pop()!;

    const answers = await coacheePage.evaluate(async (live) => {
      const ws = new WebSocket(live);
      const got: { type: string; status?: number; opId?: string | null; state?: { notes: unknown } }[] = [];
      await new Promise((resolve) => ws.addEventListener('message', resolve, { once: true }));
      ws.addEventListener('message', (e) => got.push(JSON.parse(String(e.data))));
      const op = (o: object) => JSON.stringify({ type: 'op', op: o });
      ws.send('not json');
      ws.send(op({ opId: 'short', kind: 'notes.set', text: 'x' }));
      ws.send(op({ opId: 'bad-00000001', kind: 'notes.set', text: 'Overschreven door gecoachte' }));
      ws.send(op({ opId: 'bad-00000002', kind: 'agreement.add', id: 'agr-bad-0001', who: 'coach', what: 'x' }));
      ws.send(op({ opId: 'bad-00000003', kind: 'progress.set', phase: null }));
      ws.send(op({ opId: 'bad-00000004', kind: 'agenda.add', id: 'x'.repeat(80), title: 'te lange id' }));
      await new Promise((r) => setTimeout(r, 1000));
      ws.close();
      return got;
    }, `${base.replace('http', 'ws')}/api/c/${token}/live`);
    expect(answers.map((a) => a.type)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    // Syntax errors are answered at once, state checks after the room's queue: compare as a set.
    expect(answers.map((a) => a.status).sort()).toEqual([400, 403, 403, 403, 422, 422]);

    // Nobody else saw any of it; the coach's panel is still live and its next edit still arrives.
    expect(await panel.getByTestId('problem').count()).toBe(0);
    await addAgendaItem(panel, 'Na de foute berichten');
    await coacheePage.getByText('Na de foute berichten').waitFor();
    const notes = await coach.ok<{ state: { notes: string } }>('GET', `/api/sessions/${s.sessionId}/panel`);
    expect(notes.state.notes).toBe('Alleen voor de coach');

    // The capability link reads no notes, is no bearer token, and reaches no other engagement.
    const view = await fetch(`${base}/api/c/${token}`);
    expect(await view.text()).not.toContain('Alleen voor de coach');
    expect((await coach.call('GET', `/api/sessions/${s.sessionId}/panel`, undefined, token)).status).toBe(401);
    expect((await coach.call('PUT', `/api/sessions/${s.sessionId}/notes`, { text: 'x' }, token)).status).toBe(401);
    const foreign = await coach.call<{ agreements: { id: string }[] }>('GET', `/api/c/${new URL(other.coacheeUrl).pathname.split('/').pop()}`, undefined, null);
    const foreignId = foreign.body.agreements[0]!.id;
    expect((await coach.call('PATCH', `/api/c/${token}/agreements/${foreignId}`, { status: 'done' }, null)).status).toBe(404);
    await coachCtx.close();
    await coacheeCtx.close();
  });

  it('is usable by keyboard alone', async () => {
    const coach = await devCoach(base, 'e2e-keys@example.test', 'Kees Coach');
    const s = await sessionWithHistory(coach, 'Lotte Smit', 'Focus');
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const { panel } = await openDemo(context, s.sessionId);
    const agendaTab = panel.getByRole('tab', { name: /Agenda/ });
    await agendaTab.focus();
    await agendaTab.press('ArrowRight');
    expect(await panel.getByRole('tab', { name: /Afspraken/ }).getAttribute('aria-selected')).toBe('true');
    expect(await panel.locator(':focus').getAttribute('id')).toBe('tab-agreements');
    await panel.locator(':focus').press('ArrowLeft');
    await panel.locator(':focus').press('n');
    await panel.getByText('Fase 1 van 8', { exact: true }).waitFor();
    await panel.locator(':focus').press('n');
    await panel.getByText('Fase 2 van 8', { exact: true }).waitFor();
    // Typing an "n" into a field never moves the phase.
    await panel.getByLabel('Nieuw agendapunt').focus();
    await panel.locator(':focus').pressSequentially('Plannen');
    await panel.locator(':focus').press('Enter');
    await panel.getByTestId('agenda-item').filter({ hasText: 'Plannen' }).waitFor();
    expect(await panel.getByText('Fase 2 van 8', { exact: true }).count()).toBe(1);
    // Alt+ArrowUp moves the focused row.
    await panel.getByLabel('Nieuw agendapunt').fill('Tweede');
    await panel.getByLabel('Nieuw agendapunt').press('Enter');
    await panel.getByRole('checkbox', { name: 'Tweede' }).focus();
    await panel.locator(':focus').press('Alt+ArrowUp');
    await expect.poll(() => panel.getByTestId('agenda-item').locator('.row-text').allTextContents()).toEqual(['Tweede', 'Plannen']);
    await context.close();
  });

  it('serves instant shells with per-page security headers, no cookies, and /demo only with dev login', async () => {
    const panelRes = await fetch(`${base}/panel?session=x`);
    const html = await panelRes.text();
    expect(panelRes.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('class="boot"');
    expect(html).toContain('<script type="module" src="/assets/panel-browser.js">');
    const csp = panelRes.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(html).toContain(`<style nonce="${/'nonce-([^']+)'/.exec(csp)![1]}">`);
    expect(panelRes.headers.get('strict-transport-security')).toContain('max-age=');
    expect(panelRes.headers.get('x-content-type-options')).toBe('nosniff');
    expect(panelRes.headers.get('referrer-policy')).toBe('no-referrer');
    expect(panelRes.headers.get('set-cookie')).toBeNull();

    const coacheeRes = await fetch(`${base}/c/some-token`);
    expect(coacheeRes.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await coacheeRes.text()).not.toContain('some-token');
    const demo = await fetch(`${base}/demo`);
    expect(demo.status).toBe(200);
    expect(demo.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${base}/demo?session=does-not-exist`)).status).toBe(404);

    const prodDir = mkdtempSync(join(tmpdir(), 'coaching-e2e-prod-'));
    const prod = await startWorker({ port: await freePort(), persistTo: prodDir, vars: { DEV_LOGIN: 'false' } });
    try {
      expect((await fetch(`${prod.url}/demo`)).status).toBe(404);
      expect((await fetch(`${prod.url}/panel`)).status).toBe(200);
    } finally {
      await prod.stop();
      rmSync(prodDir, { recursive: true, force: true });
    }
  });

  it('switches language and conversation model, shows tips and the referral checklist with the crisis line', async () => {
    const coach = await devCoach(base, 'e2e-model@example.test', 'Rosa Coach');
    const s = await sessionWithHistory(coach, 'Daan Vos', 'Weer plezier in het werk');
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const { page, panel } = await openDemo(context, s.sessionId);

    await panel.getByRole('tab', { name: /Model/ }).click();
    await panel.getByRole('heading', { name: 'Tips' }).waitFor();
    await panel.getByLabel('Model voor deze sessie').selectOption('builtin-grow');
    await expect.poll(() => panel.locator('.steps li').count()).toBe(4);
    await expect.poll(async () => (await coach.ok<{ modelId: string }>('GET', `/api/sessions/${s.sessionId}`)).modelId).toBe('builtin-grow');
    await panel.getByTestId('next-phase').click();
    await panel.getByText('Fase 1 van 4', { exact: true }).waitFor();

    // English: the interface and the built-in model's texts.
    await panel.getByRole('button', { name: 'Switch to English' }).click();
    await panel.getByText('Phase 1 of 4', { exact: true }).waitFor();
    await panel.getByRole('tab', { name: /Model/ }).waitFor();
    expect(await panel.getByLabel('Model for this session').inputValue()).toBe('builtin-grow');
    await panel.getByRole('button', { name: 'Wissel naar Nederlands' }).click();
    await panel.getByText('Fase 1 van 4', { exact: true }).waitFor();

    // The discreet referral checklist, with the Dutch crisis line for a Dutch coachee; nothing in it is stored.
    await panel.getByRole('button', { name: 'Doorverwijzen?' }).last().click();
    const dialog = panel.getByRole('dialog');
    await dialog.getByText('113 Zelfmoordpreventie', { exact: true }).waitFor();
    await dialog.getByRole('link', { name: '0800-0113' }).waitFor();
    await page.screenshot({ path: join(process.cwd(), 'test-artifacts/screenshots/referral-nl-light.png') });
    await dialog.getByRole('checkbox').first().check();
    await panel.locator('body').press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  });

  it('renders nl and en, light and dark, at 320–360 px without horizontal scroll: screenshots for review', async () => {
    const coach = await devCoach(base, 'e2e-shots@example.test', 'Mila Coach');
    const s = await sessionWithHistory(coach, 'Sanne de Vries', 'Meer regie over werkdruk en duidelijker grenzen aangeven in het team');
    for (const title of ['Voorbereiding gesprek met teamleider', 'Werkdruk: wat kan ik loslaten?']) await coach.ok('POST', `/api/sessions/${s.sessionId}/agenda`, { title });
    await coach.ok('POST', `/api/sessions/${s.sessionId}/agreements`, { who: 'coachee', what: 'Stuurt voorstel naar teamleider', due: new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10) });
    await coach.ok('PUT', `/api/sessions/${s.sessionId}/progress`, { phase: 'current-state' });
    const dir = join(process.cwd(), 'test-artifacts/screenshots');
    for (const lang of ['nl', 'en'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width: lang === 'en' && theme === 'dark' ? 320 : 360, height: 780 }, colorScheme: theme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(`${base}/panel?session=${s.sessionId}&lang=${lang}&theme=${theme}#token=${coach.token}`);
        await page.locator('[data-sync=live]').waitFor();
        await page.screenshot({ path: join(dir, `panel-${lang}-${theme}-agenda.png`), fullPage: true });
        for (const tab of ['agreements', 'notes', 'share'] as const) {
          await page.locator(`#tab-${tab}`).click();
          await page.waitForTimeout(tab === 'share' ? 400 : 100);
          await page.screenshot({ path: join(dir, `panel-${lang}-${theme}-${tab}.png`), fullPage: true });
        }
        await page.locator('#tab-model').click();
        await page.screenshot({ path: join(dir, `panel-${lang}-${theme}-model.png`), fullPage: true });
        await page.locator('.phase-head .link-quiet, .stack .link-quiet').last().click();
        await page.getByRole('dialog').waitFor();
        await page.screenshot({ path: join(dir, `panel-${lang}-${theme}-referral.png`) });
        await page.keyboard.press('Escape');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${lang}/${theme}: no horizontal scroll`).toBe(0);
        await context.close();
      }
    }
    const coachee = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await coachee.newPage();
    await page.goto(s.coacheeUrl);
    await page.locator('[data-sync=live]').waitFor();
    await page.screenshot({ path: join(dir, 'coachee-nl-light.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'coachee page: no horizontal scroll').toBe(0);
    const demo = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    const demoPage = (await openDemo(demo, s.sessionId)).page;
    await demoPage.screenshot({ path: join(dir, 'demo.png') });
    await coachee.close();
    await demo.close();
  });
});

if (!HAS_CHROMIUM) {
  describe('panel and coachee page in Chromium', () => {
    it.skip(`needs Chromium at $CHROMIUM_PATH or /usr/bin/chromium: ${CHROMIUM_HINT}`, () => undefined);
  });
}
