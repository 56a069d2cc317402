/** Carry-over: open agreements of earlier sessions of an engagement show in later sessions' panel and invite until done or dropped. */
import { describe, expect, it } from 'vitest';
import { call, planSession, setup } from './helpers';
import { connect } from './live-helpers';

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

describe('agreements across sessions', () => {
  it('a closed agreement can be reopened later, and a stale room never writes back old values', async () => {
    const past = new Date(Math.floor(Date.now() / 3600_000) * 3600_000 - 7 * 86400_000).toISOString();
    const { token, engagement, session: s1 } = await setup({ startsAt: past });
    const s2 = await planSession(token, engagement.id, new Date(Math.ceil(Date.now() / 3600_000) * 3600_000 + 7 * 86400_000).toISOString());
    const x = (await call('POST', `/api/sessions/${s1.id}/agreements`, { token, body: { who: 'coachee', what: 'Belt de teamleider' } })).body;
    const link = (await call('GET', `/api/engagements/${engagement.id}/link`, { token })).body.url.split('/c/')[1];

    // The coachee ticks it in the current session (s2); session 1's room still holds its old copy.
    expect((await call('PATCH', `/api/c/${link}/agreements/${x.id}`, { body: { status: 'done' } })).body.status).toBe('done');
    // A coach panel still open on session 1 rewords it there: the tick made in session 2 must survive.
    const room1 = await connect(`/api/sessions/${s1.id}/live?token=${token}`);
    expect((await room1.next((m) => m.type === 'snapshot')).state.agreements[0].status).toBe('open');
    const op = { opId: crypto.randomUUID(), kind: 'agreement.update', id: x.id, patch: { what: 'Belt de teamleider vóór vrijdag' } };
    room1.send({ type: 'op', op });
    await room1.next((m) => m.type === 'applied' && m.op.opId === op.opId);
    const inS2 = (await call('GET', `/api/sessions/${s2.id}/panel`, { token })).body.state.agreements.find((a: any) => a.id === x.id);
    expect(inS2).toMatchObject({ status: 'done', what: 'Belt de teamleider vóór vrijdag', carriedOver: true });

    // Reopening a closed agreement works, and it is carried over again.
    const reopened = await call('PATCH', `/api/agreements/${x.id}`, { token, body: { status: 'open' } });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('open');
    const again = (await call('GET', `/api/sessions/${s2.id}/panel`, { token })).body.state.agreements.find((a: any) => a.id === x.id);
    expect(again).toMatchObject({ status: 'open', carriedOver: true });
  });
});
