/** `npm run chaos` test projects (never part of `npm test`): `chaos-worker` inside workerd (real D1, Durable Objects, Queue), `chaos-browser` against `wrangler dev` in Chromium. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));
const migrations = await readD1Migrations(`${root}/worker/storage/migrations`);
/** Seed of the injected faults: set `CHAOS_SEED` to replay a run. */
const seed = process.env.CHAOS_SEED ?? String(Date.now() % 1_000_000_000);
/** Names a developer's `.dev.vars` sets (wrangler reads it too): blanked, so no figure depends on that file. */
const devVars = existsSync(`${root}/.dev.vars`) ? readFileSync(`${root}/.dev.vars`, 'utf8') : '';
const blanked = Object.fromEntries([...devVars.matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)].map((m) => [m[1]!, '']));

export default defineConfig({
  root,
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: `${root}/wrangler.jsonc` },
            miniflare: {
              bindings: {
                ...blanked,
                TEST_MIGRATIONS: migrations,
                CHAOS_SEED: seed,
                CHAOS_RACE_IN_FLIGHT: process.env.CHAOS_RACE_IN_FLIGHT ?? '',
                DEV_LOGIN: 'true',
                DO_JURISDICTION: '',
                PUBLIC_URL: 'http://localhost:8787',
                AUTH_SECRET: 'chaos-auth-secret-0123456789abcdef0123456789',
                LINK_SECRET: 'chaos-link-secret-0123456789abcdef0123456789',
                NOTES_KEYS: 'c1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
                // The vendor fakes' OAuth clients (test/fakes/fake-support.ts), so every path that meets an expired token —
                // the test's own deliveries and the Queue's — can refresh it, as production with its secrets set does.
                GOOGLE_CLIENT_ID: 'google-client-id',
                GOOGLE_CLIENT_SECRET: 'google-client-secret',
                MS_CLIENT_ID: 'graph-client-id',
                MS_CLIENT_SECRET: 'graph-client-secret',
                ZOOM_CLIENT_ID: 'zoom-client-id',
                ZOOM_CLIENT_SECRET: 'zoom-client-secret',
              },
            },
          }),
        ],
        test: { name: 'chaos-worker', include: ['test/chaos/workerd/**/*.chaos.ts'], setupFiles: ['test/worker/apply-migrations.ts'], testTimeout: 600_000, hookTimeout: 120_000 },
      },
      { test: { name: 'chaos-browser', environment: 'node', include: ['test/chaos/*.chaos.ts'], testTimeout: 600_000, hookTimeout: 180_000 } },
    ],
  },
});
