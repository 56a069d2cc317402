/** Client-chosen ids are scoped: item ids per session (agenda) or coach (agreements), op ids per session and sender; replays are recognised after a restart. */
import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { SessionRoom } from '../../worker/live/session-room';
import { call, setup } from './helpers';
import { connect } from './live-helpers';

async function room() {
  const s = await setup();
  const link = (await call('GET', `/api/engagements/${s.engagement.id}/link`, { token: s.token })).body.url.split('/c/')[1];
  const coach = await connect(`/api/sessions/${s.session.id}/live?token=${s.token}`);
  const coachee = await connect(`/api/c/${link}/live`);
  await coach.next((m) => m.type === 'snapshot');
  await coachee.next((m) => m.type === 'snapshot');
  return { ...s, link, coach, coachee };
}

describe('ids scoped per session and coach', () => {
  it('another coach can use the same agenda and agreement ids: no 409 reveals they exist', async () => {
    const a = await setup();
    const b = await setup();
    const itemId = crypto.randomUUID();
    const agreementId = crypto.randomUUID();
    expect((await call('POST', `/api/sessions/${a.session.id}/agenda`, { token: a.token, body: { id: itemId, title: 'Van coach A' } })).status).toBe(201);
    expect((await call('POST', `/api/sessions/${a.session.id}/agreements`, { token: a.token, body: { id: agreementId, who: 'coachee', what: 'A' } })).status).toBe(201);
    const item = await call('POST', `/api/sessions/${b.session.id}/agenda`, { token: b.token, body: { id: itemId, title: 'Van coach B' } });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    const agreement = await call('POST', `/api/sessions/${b.session.id}/agreements`, { token: b.token, body: { id: agreementId, who: 'coachee', what: 'B' } });
    expect(agreement.status, JSON.stringify(agreement.body)).toBe(201);
    // Each coach still sees and edits only their own.
    expect((await call('PATCH', `/api/agreements/${agreementId}`, { token: b.token, body: { status: 'done' } })).body.what).toBe('B');
    const panelA = (await call('GET', `/api/sessions/${a.session.id}/panel`, { token: a.token })).body;
    expect(panelA.state.agenda.find((i: any) => i.id === itemId).title).toBe('Van coach A');
    expect(panelA.state.agreements.find((x: any) => x.id === agreementId)).toMatchObject({ what: 'A', status: 'open' });
    // Within one session an id is still one item.
    expect((await call('POST', `/api/sessions/${a.session.id}/agenda`, { token: a.token, body: { id: itemId, title: 'Nog eens' } })).status).toBe(409);
  });

  it('a coachee resending the coach’s op id gets a rejection, not the coach’s result', async () => {
    const { coach, coachee } = await room();
    const opId = crypto.randomUUID();
    coach.send({ type: 'op', op: { opId, kind: 'agenda.add', id: crypto.randomUUID(), title: 'Van de coach' } });
    await coach.next((m) => m.type === 'applied' && m.op.opId === opId);
    await coachee.next((m) => m.type === 'applied' && m.op.opId === opId);
    coachee.send({ type: 'op', op: { opId, kind: 'agenda.add', id: crypto.randomUUID(), title: 'Van de coachee' } });
    const answer = await coachee.next((m) => m.op?.opId === opId || m.opId === opId);
    expect(answer).toMatchObject({ type: 'rejected', opId, status: 409 });
    expect(JSON.stringify(answer)).not.toContain('Van de coach');
  });

  it('recognises a replay after the room forgot its state, and only a committed op counts as applied', async () => {
    const { coach, session } = await room();
    const op = { opId: crypto.randomUUID(), kind: 'agenda.add', id: crypto.randomUUID(), title: 'Eenmaal' };
    coach.send({ type: 'op', op });
    const first = await coach.next((m) => m.type === 'applied' && m.op.opId === op.opId);
    const stub = env.SESSION_ROOM.get(env.SESSION_ROOM.idFromName(session.id));
    await stub.invalidate();
    coach.send({ type: 'op', op });
    const replay = await coach.next((m) => m.type === 'applied' && m.op.opId === op.opId);
    expect(replay.seq).toBe(first.seq);
    // The op ids live in the room's own storage, not in D1.
    const stored = await runInDurableObject(stub, async (_room: SessionRoom, state) => state.storage.sql.exec('SELECT op_id, seq FROM applied_ops').toArray());
    expect(stored).toContainEqual({ op_id: op.opId, seq: first.seq });
    const d1 = await env.DB.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'applied_ops'").first<{ n: number }>();
    expect(d1?.n).toBe(0);
  });
});
