/** Carry-over: open agreements of earlier sessions of an engagement show in later sessions' panel and invite until done or dropped. */
import { describe, expect, it } from 'vitest';
import { call, planSession, setup } from './helpers';

describe('carry-over across three sessions', () => {
  it('carries open agreements forward, marked, until they are done or dropped', async () => {
    const { token, engagement, session: s1 } = await setup({ startsAt: '2031-01-06T09:00:00Z' });
    const s2 = await planSession(token, engagement.id, '2031-01-20T09:00:00Z');
    const s3 = await planSession(token, engagement.id, '2031-02-03T09:00:00Z');

    const add = (sid: string, what: string) => call('POST', `/api/sessions/${sid}/agreements`, { token, body: { who: 'coachee', what } }).then((r) => r.body);
    const x = await add(s1.id, 'Houdt een energiedagboek bij');
    const y = await add(s1.id, 'Vraagt feedback aan twee collega’s');
    const z = await add(s2.id, 'Oefent nee zeggen in het teamoverleg');

    const panel = async (sid: string) => (await call('GET', `/api/sessions/${sid}/panel`, { token })).body;
    const invite = async (sid: string) => (await call('GET', `/api/sessions/${sid}/invite`, { token })).body;

    // Session 2 shows both open agreements of session 1, carried over and listed first.
    let p2 = await panel(s2.id);
    expect(p2.state.agreements.map((a: any) => [a.id, a.carriedOver])).toEqual([
      [x.id, true],
      [y.id, true],
      [z.id, false],
    ]);
    expect((await invite(s2.id)).text).toContain('Houdt een energiedagboek bij');

    // Session 1 itself does not show them as carried over, nor anything from later sessions.
    const p1 = await panel(s1.id);
    expect(p1.state.agreements.map((a: any) => [a.id, a.carriedOver])).toEqual([
      [x.id, false],
      [y.id, false],
    ]);

    // Y is marked done between sessions.
    const done = await call('PATCH', `/api/agreements/${y.id}`, { token, body: { status: 'done' } });
    expect(done.body.status).toBe('done');

    // Session 3 carries X (still open) and Z, but not Y.
    const p3 = await panel(s3.id);
    expect(p3.state.agreements.map((a: any) => a.id)).toEqual([x.id, z.id]);
    expect(p3.state.agreements.every((a: any) => a.carriedOver)).toBe(true);
    const inv3 = await invite(s3.id);
    expect(inv3.text).toContain('Houdt een energiedagboek bij');
    expect(inv3.text).toContain('Oefent nee zeggen in het teamoverleg');
    expect(inv3.text).not.toContain('Vraagt feedback aan twee collega’s');

    // Dropping X removes it from session 3 as well.
    await call('PATCH', `/api/agreements/${x.id}`, { token, body: { status: 'dropped' } });
    expect((await panel(s3.id)).state.agreements.map((a: any) => a.id)).toEqual([z.id]);
  });
});
