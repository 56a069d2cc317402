/** Test projects: `worker` runs inside workerd (real D1, real Durable Objects); `node` runs pure, browser and manifest tests. */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const migrations = await readD1Migrations('./worker/storage/migrations');

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.jsonc' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: migrations,
                DEV_LOGIN: 'true',
                PUBLIC_URL: 'http://localhost:8787',
                AUTH_SECRET: 'test-auth-secret-0123456789abcdef0123456789',
                LINK_SECRET: 'test-link-secret-0123456789abcdef0123456789',
                NOTES_KEYS: 'k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
              },
            },
          }),
        ],
        test: { name: 'worker', include: ['test/worker/**/*.test.ts', 'test/providers/**/*.test.ts'], setupFiles: ['test/worker/apply-migrations.ts'] },
      },
      { test: { name: 'node', environment: 'node', include: ['test/shared/**/*.test.ts', 'test/addons/**/*.test.ts', 'test/manifests/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/repo/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
    ],
  },
});
