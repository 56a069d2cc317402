/** The SessionRoom over WebSockets: snapshot, broadcast to both sides, replay applied once, bad ops rejected to their sender only, coachee limits. */
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, setup } from './helpers';
import { connect } from './live-helpers';

async function room() {
  const s = await setup();
  await call('PUT', `/api/sessions/${s.session.id}/notes`, { token: s.token, body: { text: 'geheim' } });
  const link = (await call('GET', `/api/engagements/${s.engagement.id}/link`, { token: s.token })).body.url.split('/c/')[1];
  const coach = await connect(`/api/sessions/${s.session.id}/live?token=${s.token}`);
  const coachee = await connect(`/api/c/${link}/live`);
  return { ...s, link, coach, coachee };
}

describe('SessionRoom live sync', () => {
  it('sends a snapshot, broadcasts ops to both sides and applies a replay once', async () => {
    const { coach, coachee, token, session } = await room();
    const snapCoach = await coach.next((m) => m.type === 'snapshot');
    const snapCoachee = await coachee.next((m) => m.type === 'snapshot');
    expect(snapCoach.state.notes).toBe('geheim');
    expect(snapCoachee.state.notes).toBeNull();

    const op = { opId: crypto.randomUUID(), kind: 'agenda.add', id: crypto.randomUUID(), title: 'Live onderwerp' };
    coach.send({ type: 'op', op });
    const seenByCoach = await coach.next((m) => m.type === 'applied' && m.op.opId === op.opId);
    const seenByCoachee = await coachee.next((m) => m.type === 'applied' && m.op.opId === op.opId);
    expect(seenByCoachee.seq).toBe(seenByCoach.seq);
    expect(seenByCoach.actor).toBe('coach');

    coach.send({ type: 'op', op });
    const replay = await coach.next((m) => m.type === 'applied' && m.op.opId === op.opId);
    expect(replay.seq).toBe(seenByCoach.seq);
    await new Promise((r) => setTimeout(r, 100));
    expect(coachee.inbox.filter((m) => m.type === 'applied')).toEqual([]);
    const panel = (await call('GET', `/api/sessions/${session.id}/panel`, { token })).body;
    expect(panel.state.agenda.filter((i: any) => i.title === 'Live onderwerp')).toHaveLength(1);

    // A REST write reaches both sockets too.
    await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: 'coachee', what: 'Via REST' } });
    expect((await coachee.next((m) => m.type === 'applied' && m.op.kind === 'agreement.add')).op.what).toBe('Via REST');
    await coach.next((m) => m.type === 'applied' && m.op.kind === 'agreement.add');
  });

  it('rejects malformed and unauthorised ops to the sender only and keeps the room working', async () => {
    const { coach, coachee } = await room();
    await coach.next((m) => m.type === 'snapshot');
    await coachee.next((m) => m.type === 'snapshot');

    coachee.ws.send('{not json');
    expect((await coachee.next((m) => m.type === 'rejected')).status).toBe(400);
    coachee.send({ type: 'op', op: { opId: crypto.randomUUID(), kind: 'agenda.add', id: crypto.randomUUID(), title: '' } });
    const empty = await coachee.next((m) => m.type === 'rejected');
    expect(empty).toMatchObject({ status: 422 });
    expect(empty.detail).toContain('title');
    const notes = { opId: crypto.randomUUID(), kind: 'notes.set', text: 'mag niet' };
    coachee.send({ type: 'op', op: notes });
    expect(await coachee.next((m) => m.type === 'rejected')).toMatchObject({ opId: notes.opId, status: 403 });
    coachee.send({ type: 'op', op: { opId: crypto.randomUUID(), kind: 'progress.set', phase: 'status' } });
    expect((await coachee.next((m) => m.type === 'rejected')).status).toBe(403);

    await new Promise((r) => setTimeout(r, 100));
    expect(coach.inbox).toEqual([]);

    const ok = { opId: crypto.randomUUID(), kind: 'agenda.add', id: crypto.randomUUID(), title: 'Voorstel van coachee' };
    coachee.send({ type: 'op', op: ok });
    expect((await coach.next((m) => m.type === 'applied')).op.title).toBe('Voorstel van coachee');
    expect((await coachee.next((m) => m.type === 'applied')).actor).toBe('coachee');
  });

  it('never sends notes to the coachee', async () => {
    const { coach, coachee } = await room();
    await coach.next((m) => m.type === 'snapshot');
    await coachee.next((m) => m.type === 'snapshot');
    coach.send({ type: 'op', op: { opId: crypto.randomUUID(), kind: 'notes.set', text: 'nog geheimer' } });
    await coach.next((m) => m.type === 'applied' && m.op.kind === 'notes.set');
    coach.send({ type: 'op', op: { opId: crypto.randomUUID(), kind: 'agenda.add', id: crypto.randomUUID(), title: 'Daarna' } });
    await coachee.next((m) => m.type === 'applied' && m.op.kind === 'agenda.add');
    expect(JSON.stringify(coachee.inbox)).not.toContain('geheim');
    coachee.send({ type: 'hello' });
    const snap = await coachee.next((m) => m.type === 'snapshot');
    expect(snap.state.notes).toBeNull();
  });

  it('closes the coachee\'s open socket when the coach revokes the link', async () => {
    const { coach, coachee, token, engagement } = await room();
    await coachee.next((m) => m.type === 'snapshot');
    const closed = new Promise<number>((resolve) => coachee.ws.addEventListener('close', (e) => resolve(e.code)));
    expect((await call('DELETE', `/api/engagements/${engagement.id}/link`, { token })).status).toBe(204);
    expect(await closed).toBe(4401);
    coach.send({ type: 'hello' });
    expect((await coach.next((m) => m.type === 'snapshot')).state.notes).toBe('geheim');
  });

  it('refuses sockets without a valid token or link', async () => {
    const { session, engagement, token } = await setup();
    expect((await SELF.fetch(`http://localhost:8787/api/sessions/${session.id}/live?token=nope`, { headers: { upgrade: 'websocket' } })).status).toBe(401);
    await call('DELETE', `/api/engagements/${engagement.id}/link`, { token });
    expect((await SELF.fetch(`http://localhost:8787/api/c/${engagement.id}.1.9999999999.x/live`, { headers: { upgrade: 'websocket' } })).status).toBe(404);
  });
});
