/** The stage every end-to-end file plays on: a fresh local D1, the Worker under `wrangler dev` serving the add-ons built once for the run, and headless Chromium. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort, prepareDatabase, startWorker } from '../../support/local-worker.mjs';
import type { LocalWorker } from '../../support/local-worker.mjs';
import { devCoach } from './api';
import type { Coach } from './api';
import { launchChromium } from './browser';

/** A running stage; `stop()` closes the browser, stops the Worker and removes its database. */
export type Stage = {
  /** The Worker's origin, e.g. `http://127.0.0.1:8787`; it stays the same across `restartWorker`. */
  base: string;
  browser: Browser;
  /** Signs a coach in with the dev login. */
  coach(email: string, name: string): Promise<Coach>;
  /** Stops the Worker, runs `whileDown`, and starts it again on the same port and database. */
  restartWorker(whileDown: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Prepares a database (migrated, with the demo seed unless `seed: false`), starts the Worker
 * (`vars` override its test bindings) and launches Chromium.
 * @see https://developers.cloudflare.com/workers/wrangler/commands/#dev
 */
export async function startStage({ seed = true, vars = {} }: { seed?: boolean; vars?: Record<string, string> } = {}): Promise<Stage> {
  const persistTo = mkdtempSync(join(tmpdir(), 'coaching-e2e-'));
  let worker: LocalWorker | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await worker?.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
  try {
    prepareDatabase(persistTo, { seed });
    const port = await freePort();
    worker = await startWorker({ port, persistTo, vars });
    browser = await launchChromium();
    const base = worker.url;
    return {
      base,
      browser,
      coach: (email, name) => devCoach(base, email, name),
      async restartWorker(whileDown) {
        await worker!.stop();
        await whileDown();
        worker = await startWorker({ port, persistTo, vars });
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
