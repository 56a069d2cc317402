/** Chaos row "Restarts": the Worker and its Durable Objects restarted twice in the middle of a stream of live ops from two browsers; no op lost, both screens equal. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { devCoach, sessionWithHistory } from '../e2e/support/api';
import { HAS_CHROMIUM, launchChromium, requireChromiumInCi } from '../e2e/support/browser';
import { reportRow } from './figures';
import { freshWorker } from './local-worker';

requireChromiumInCi();

/** 2 × 24 agenda items: a session's agenda holds at most 50 (shared/schemas/limits.ts). */
const OPS_PER_BROWSER = 24;
const RESTARTS = 2;
/** Titles of the ops this run typed: `Coach 007`, `Coachee 012`. */
const OP_TITLE = /(Coach|Coachee) \d{3}/;

let local: Awaited<ReturnType<typeof freshWorker>>;
let browser: Browser;
beforeAll(async () => {
  local = await freshWorker();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await local?.stop();
});

/** The op titles a page shows, in order. */
async function shown(page: Page): Promise<string[]> {
  const texts = await page.getByTestId('agenda-item').allTextContents();
  return texts.map((t) => OP_TITLE.exec(t)?.[0]).filter((t): t is string => t !== undefined);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `ready` holds or `ms` passed (the figures then tell what is missing). */
async function settle(ready: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !(await ready())) await pause(500);
}

it.skipIf(!HAS_CHROMIUM)('restarts of the Worker and its Durable Objects during live ops from two browsers lose nothing', async () => {
  const coach = await devCoach(local.base, 'chaos-restarts@example.test', 'Ruben Coach');
  const s = await sessionWithHistory(coach, 'Sanne de Vries', 'Meer rust in de week');
  const coachCtx = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const coacheeCtx = await browser.newContext({ viewport: { width: 420, height: 900 } });
  const panel = await coachCtx.newPage();
  await panel.goto(`${local.base}/panel?session=${s.sessionId}#token=${coach.token}`);
  await panel.locator('[data-sync=live]').waitFor();
  const coachee = await coacheeCtx.newPage();
  await coachee.goto(s.coacheeUrl);
  await coachee.locator('[data-sync=live]').waitFor();

  const typed: string[] = [];
  let done = 0;
  const coachOps = async () => {
    const input = panel.getByLabel('Nieuw agendapunt');
    for (let i = 0; i < OPS_PER_BROWSER; i++) {
      const title = `Coach ${String(i).padStart(3, '0')}`;
      await input.fill(title);
      await input.press('Enter');
      typed.push(title);
      done += 1;
      await pause(150);
    }
  };
  const coacheeOps = async () => {
    const input = coachee.getByLabel('Stel een onderwerp voor');
    for (let i = 0; i < OPS_PER_BROWSER; i++) {
      const title = `Coachee ${String(i).padStart(3, '0')}`;
      await input.fill(title);
      await input.press('Enter');
      typed.push(title);
      done += 1;
      await pause(150);
    }
  };
  const away: number[] = [];
  const restarts = async () => {
    for (let r = 1; r <= RESTARTS; r++) {
      while (done < (r * 2 * OPS_PER_BROWSER) / (RESTARTS + 1)) await pause(50);
      away.push(await local.restart());
    }
  };
  const t0 = Date.now();
  await Promise.all([coachOps(), coacheeOps(), restarts()]);

  // Both come back by themselves and send what they queued; then the screens and the stored session are compared.
  await panel.locator('[data-sync=live]').waitFor({ timeout: 60_000 });
  await coachee.locator('[data-sync=live]').waitFor({ timeout: 60_000 });
  const stored = async () => (await coach.ok<{ state: { agenda: { title: string }[] } }>('GET', `/api/sessions/${s.sessionId}/panel`)).state.agenda.map((a) => a.title).filter((t) => OP_TITLE.test(t));
  await settle(async () => (await stored()).length >= typed.length && (await shown(panel)).length >= typed.length && (await shown(coachee)).length >= typed.length, 60_000);
  const seconds = (Date.now() - t0) / 1000;

  const server = await stored();
  const onPanel = await shown(panel);
  const onCoachee = await shown(coachee);
  const lost = typed.filter((t) => !server.includes(t)).length;
  const doubled = server.length - new Set(server).size;
  const equal = JSON.stringify(onPanel) === JSON.stringify(onCoachee) && JSON.stringify(onPanel) === JSON.stringify(server);
  const pass = lost === 0 && doubled === 0 && equal && away.length === RESTARTS;
  await reportRow({
    row: 'Restarts',
    load: `${typed.length} live ops typed in two browsers (coach's panel, coachee's page); Worker + Durable Objects restarted ${away.length}× mid-stream (away ${away.map((ms) => (ms / 1000).toFixed(0)).join(' s, ')} s)`,
    figures: `${server.length - doubled}/${typed.length} ops stored · ${lost} lost · ${doubled} doubled · screens ${equal ? 'equal' : 'differ'} (${onPanel.length} = ${onCoachee.length} items, same order as stored) · ${seconds.toFixed(0)} s`,
    pass,
  });
  expect({ lost, doubled, equal }).toEqual({ lost: 0, doubled: 0, equal: true });
  await coachCtx.close();
  await coacheeCtx.close();
});
