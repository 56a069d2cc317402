/** Erasure: deleting a coachee leaves no row about them in any table, and their link and sessions are gone. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, planSession, setup } from './helpers';

async function tablesMentioning(values: string[]): Promise<string[]> {
  const tables = (await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'").all<{ name: string }>()).results;
  const hits: string[] = [];
  for (const { name } of tables) {
    const rows = (await env.DB.prepare(`SELECT * FROM "${name}"`).all<Record<string, unknown>>()).results;
    for (const row of rows) if (values.some((v) => JSON.stringify(row).includes(v))) hits.push(name);
  }
  return [...new Set(hits)];
}

describe('erasure', () => {
  it('removes every row about the coachee and keeps the other coachee', async () => {
    const keep = await setup({ startsAt: '2030-06-03T09:00:00Z' });
    const gone = await setup({ token: keep.token, startsAt: '2030-06-04T09:00:00Z' });
    const s2 = await planSession(keep.token, gone.engagement.id, '2030-06-18T09:00:00Z');
    for (const sid of [gone.session.id, s2.id]) {
      await call('POST', `/api/sessions/${sid}/agenda`, { token: keep.token, body: { title: 'Wegwezen-onderwerp' } });
      await call('POST', `/api/sessions/${sid}/agreements`, { token: keep.token, body: { who: 'coachee', what: 'Wegwezen-afspraak' } });
      await call('PUT', `/api/sessions/${sid}/notes`, { token: keep.token, body: { text: 'Wegwezen-notitie' } });
      await call('PUT', `/api/sessions/${sid}/progress`, { token: keep.token, body: { phase: 'status' } });
    }
    const ids = [gone.coachee.id, gone.engagement.id, gone.session.id, s2.id];
    expect(await tablesMentioning(ids)).not.toEqual([]);

    expect((await call('DELETE', `/api/coachees/${gone.coachee.id}`, { token: keep.token })).status).toBe(204);

    expect(await tablesMentioning([...ids, 'Wegwezen'])).toEqual([]);
    expect((await call('GET', `/api/coachees/${gone.coachee.id}`, { token: keep.token })).status).toBe(404);
    expect((await call('GET', `/api/sessions/${keep.session.id}/panel`, { token: keep.token })).status).toBe(200);
    expect((await call('GET', `/api/coachees/${keep.coachee.id}`, { token: keep.token })).status).toBe(200);
  });
});
