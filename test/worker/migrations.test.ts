/** Migrations apply from an empty database, in order, and produce the tables the Worker uses. */
import { applyD1Migrations, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('migrations', () => {
  it('apply to an empty database and are idempotent', async () => {
    // The setup file already applied them to this test's database; drop everything and apply again from empty.
    const tables = (await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{ name: string }>()).results;
    await env.DB.batch([env.DB.prepare('PRAGMA defer_foreign_keys = ON'), ...tables.map((t) => env.DB.prepare(`DROP TABLE "${t.name}"`))]);
    const empty = await env.DB.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").first<{ n: number }>();
    expect(empty?.n).toBe(0);

    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    const names = (await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{ name: string }>()).results.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['coaches', 'coachees', 'engagements', 'sessions', 'agenda_items', 'agreements', 'notes', 'models']));
    const applied = (await env.DB.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>()).results.map((r) => r.name);
    expect(applied).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
  });
});
