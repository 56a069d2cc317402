/** A fresh local Worker (`wrangler dev`, migrated D1) for the chaos rows that run over HTTP, and its clean-up. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAddons } from '../../addons/build.mjs';
import { freePort, prepareDatabase, startWorker, type LocalWorker } from '../support/local-worker.mjs';

/** Builds the browser bundles and starts a Worker on a fresh database; `restart()` stops it and starts it again on the same port and storage. */
export async function freshWorker(): Promise<{ worker: () => LocalWorker; base: string; restart(): Promise<number>; stop(): Promise<void> }> {
  await buildAddons({ quiet: true });
  const persistTo = mkdtempSync(join(tmpdir(), 'coaching-chaos-'));
  prepareDatabase(persistTo);
  const port = await freePort();
  let worker = await startWorker({ port, persistTo });
  return {
    worker: () => worker,
    base: worker.url,
    /** Stops the Worker (its Durable Objects with it) and starts it again; answers how long it was away, in ms. */
    async restart() {
      const t0 = Date.now();
      await worker.stop();
      worker = await startWorker({ port, persistTo });
      return Date.now() - t0;
    },
    async stop() {
      await worker.stop();
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}
