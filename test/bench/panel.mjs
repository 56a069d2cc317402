#!/usr/bin/env node
/** Panel budgets (DESIGN.md): JS ≤ 30 KB gzipped, shell painted before the data arrives, a live edit reaching the other side in < 250 ms on loopback. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildAddons } from '../../addons/build.mjs';
import { pageLoads } from './page-loads.mjs';
import { freePort, prepareDatabase, startWorker } from '../support/local-worker.mjs';

/** Budgets in bytes and milliseconds. */
export const BUDGETS = { panelJsGzip: 30 * 1024, liveEditMs: 250, teamsFirstPaintMs: 2000 };
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const EDITS = 20;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** Paint and data timings of the panel frame inside /demo, from the browser's own performance entries. */
async function firstRender(page, base) {
  await page.goto(`${base}/demo`);
  const frame = page.frames().find((f) => f.url().includes('/panel'));
  await frame.waitForSelector('[data-sync=live]');
  return frame.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const api = performance.getEntriesByType('resource').find((e) => /\/api\/sessions\/[^/]+\/panel$/.test(new URL(e.name).pathname));
    return { firstPaintMs: fcp, dataRequestedMs: api?.startTime ?? null, dataArrivedMs: api?.responseEnd ?? null };
  });
}

/** Coach adds agenda items in the demo panel; the coachee page watches for each title. */
async function liveEdits(browser, base) {
  const coach = await browser.newPage();
  await coach.goto(`${base}/demo`);
  const panel = coach.frames().find((f) => f.url().includes('/panel'));
  await panel.waitForSelector('[data-sync=live]');
  const invite = await panel.evaluate(async () => {
    const session = new URL(location.href).searchParams.get('session');
    const res = await fetch(`/api/sessions/${session}/invite`, { headers: { authorization: `Bearer ${sessionStorage.getItem('coaching:token')}` } });
    return (await res.json()).coacheeUrl;
  });
  const coachee = await (await browser.newContext()).newPage();
  await coachee.goto(invite);
  await coachee.waitForSelector('[data-sync=live]');
  const samples = [];
  for (let i = 0; i < EDITS; i++) {
    const title = `Budgetmeting ${Date.now()}-${i}`;
    const seen = coachee.evaluate(
      (t) =>
        new Promise((resolve) => {
          const hit = () => document.body.textContent.includes(t) && (observer.disconnect(), resolve(Date.now()));
          const observer = new MutationObserver(hit);
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }),
      title,
    );
    await panel.fill('#agenda-new', title);
    const sentAt = await panel.evaluate(() => {
      const t = Date.now();
      document.querySelector('#agenda-new').form.requestSubmit();
      return t;
    });
    samples.push((await seen) - sentAt);
  }
  return { medianMs: median(samples), p95Ms: p95(samples), samples: samples.length };
}

/** Runs all measurements; answers a report and whether every budget holds. */
export async function measurePanel() {
  const manifest = await buildAddons({ quiet: true });
  const persistTo = mkdtempSync(join(tmpdir(), 'coaching-bench-'));
  prepareDatabase(persistTo);
  const worker = await startWorker({ port: await freePort(), persistTo });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
  try {
    const render = await firstRender(await browser.newPage(), worker.url);
    const live = await liveEdits(browser, worker.url);
    const js = { ...manifest.files['panel-browser.js'], gzip: pageLoads(manifest)['panel-browser.js'].firstLoad };
    const checks = {
      'panel JS (first load) gzipped ≤ 30 KB': js.gzip <= BUDGETS.panelJsGzip,
      'shell painted before data arrives': render.firstPaintMs !== null && render.dataArrivedMs !== null && render.firstPaintMs < render.dataArrivedMs,
      'shell painted within 2 s (Teams)': render.firstPaintMs !== null && render.firstPaintMs < BUDGETS.teamsFirstPaintMs,
      'live edit median < 250 ms': live.medianMs < BUDGETS.liveEditMs,
    };
    return { bundle: { 'panel-browser.js': js, 'coachee.js': manifest.files['coachee.js'], 'app.css': manifest.files['app.css'] }, render, live, checks, ok: Object.values(checks).every(Boolean) };
  } finally {
    await browser.close();
    await worker.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await measurePanel();
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.ok ? 0 : 1);
}
