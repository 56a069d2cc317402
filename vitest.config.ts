/** Test projects: `worker` runs inside workerd (real D1, real Durable Objects); `node` runs pure, browser and manifest tests. */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const migrations = await readD1Migrations('./worker/storage/migrations');

/**
 * The test pool's own settings. Wrangler also reads a developer's `.dev.vars` (a Google client secret, say, switches providers
 * on); every name found there that the tests do not set is blanked, so no result depends on that file.
 */
function testBindings<T extends object>(own: T): T {
  const local = existsSync('.dev.vars') ? readFileSync('.dev.vars', 'utf8') : '';
  const names = [...local.matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)].map((m) => m[1]!);
  const blank = Object.fromEntries(names.map((name) => [name, '']));
  return { ...blank, ...own };
}

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.jsonc' },
            miniflare: {
              bindings: testBindings({
                TEST_MIGRATIONS: migrations,
                DEV_LOGIN: 'true',
                DO_JURISDICTION: '',
                PUBLIC_URL: 'http://localhost:8787',
                AUTH_SECRET: 'test-auth-secret-0123456789abcdef0123456789',
                LINK_SECRET: 'test-link-secret-0123456789abcdef0123456789',
                NOTES_KEYS: 'k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
                // Host sign-in (test/worker/host-auth*.test.ts); Zoom's id and secret are passed per request there, since both together
                // also switch on Zoom token refresh for the calendar tests.
                TEAMS_CLIENT_ID: '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
                TEAMS_APP_ID_URI: 'api://localhost:8787/6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
                TEAMS_ALLOWED_TENANTS: '11111111-1111-4111-8111-111111111111, 22222222-2222-4222-8222-222222222222',
                GOOGLE_CLIENT_ID: 'test-web-client.apps.googleusercontent.com',
              }),
            },
          }),
        ],
        test: { name: 'worker', include: ['test/worker/**/*.test.ts', 'test/providers/**/*.test.ts'], setupFiles: ['test/worker/apply-migrations.ts'] },
      },
      { test: { name: 'node', environment: 'node', include: ['test/shared/**/*.test.ts', 'test/addons/**/*.test.ts', 'test/manifests/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/repo/**/*.test.ts'], globalSetup: ['test/support/build-addons-once.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
    ],
  },
});
