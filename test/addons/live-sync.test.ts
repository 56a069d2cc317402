/** The live-sync model against the room protocol: optimistic view, persisted queue, replays applied once, rejections, convergence. */
import { describe, expect, it } from 'vitest';
import { LiveSync, RETRY_AFTER_MS, liveStoreKey } from '../../addons/common/models/live-sync';
import type { Op } from '../../shared/protocol';
import { SESSION_ID, T0, applied, idSource, liveState, manualClock, memoryStore, recordingLink } from './support';

const KEY = liveStoreKey('coach', SESSION_ID);

function coach(store = memoryStore(), clock = manualClock(T0), initial: { seq: number; state: ReturnType<typeof liveState> } | null = { seq: 4, state: liveState() }) {
  return { store, clock, live: new LiveSync({ sessionId: SESSION_ID, actor: 'coach', clock, store, storeKey: KEY, initial }) };
}

const addItem = (opId: string, id: string, title: string): Op => ({ opId, kind: 'agenda.add', id, title });

describe('LiveSync', () => {
  it('shows an edit at once and queues it until the room acknowledges it', () => {
    const { live } = coach();
    live.opened(recordingLink());
    live.received({ type: 'snapshot', seq: 4, state: liveState() });
    expect(live.syncState.value).toBe('live');

    expect(live.submit(addItem('op-000001', 'item-000001', 'Nieuw'))).toBe(true);
    expect(live.view.value?.agenda.map((i) => i.title)).toEqual(['Eerste punt', 'Tweede punt', 'Nieuw']);
    expect(live.queued.value).toBe(1);
    expect(live.syncState.value).toBe('saving');

    live.received(applied(5, addItem('op-000001', 'item-000001', 'Nieuw'), 'coach', T0 + 100));
    expect(live.queued.value).toBe(0);
    expect(live.seq.value).toBe(5);
    expect(live.syncState.value).toBe('live');
    expect(live.view.value?.agenda).toHaveLength(3);
  });

  it('sends ops only once in sync, and sends the whole queue again after every snapshot', () => {
    const { live } = coach();
    live.submit(addItem('op-000001', 'item-000001', 'Offline getypt'));
    const link = recordingLink();
    live.opened(link);
    expect(link.sent).toEqual([]);
    live.received({ type: 'snapshot', seq: 4, state: liveState() });
    expect(link.sent.map((op) => op.opId)).toEqual(['op-000001']);
    live.submit(addItem('op-000002', 'item-000002', 'Online getypt'));
    expect(link.sent.map((op) => op.opId)).toEqual(['op-000001', 'op-000002']);

    live.closed();
    expect(live.syncState.value).toBe('offline');
    const again = recordingLink();
    live.opened(again);
    live.received({ type: 'snapshot', seq: 4, state: liveState() });
    expect(again.sent.map((op) => op.opId)).toEqual(['op-000001', 'op-000002']);
  });

  it('keeps queued edits across a reload, without the private notes', () => {
    const store = memoryStore();
    const first = coach(store).live;
    first.submit(addItem('op-000001', 'item-000001', 'Niet verloren'));
    const saved = JSON.parse(store.map.get(KEY)!);
    expect(saved.queue).toHaveLength(1);
    expect(saved.state.notes).toBeNull();
    expect(JSON.stringify(saved)).not.toContain('Geheime notitie');

    // Reload while the Worker is down: no fresh state from the API.
    const reloaded = coach(store, manualClock(T0), null).live;
    expect(reloaded.view.value?.agenda.map((i) => i.title)).toContain('Niet verloren');
    expect(reloaded.queued.value).toBe(1);
    expect(reloaded.notesKnown.value).toBe(false);
    expect(reloaded.syncState.value).toBe('connecting');
  });

  it('applies a replayed op once: the original applied message only clears the queue', () => {
    const { live } = coach();
    const link = recordingLink();
    live.opened(link);
    const op = addItem('op-000001', 'item-000001', 'Eenmaal');
    live.submit(op);
    // The room had applied it before the connection dropped; the snapshot already holds it.
    const withOp = liveState();
    withOp.agenda.push({ id: 'item-000001', title: 'Eenmaal', done: false, position: 3, proposedBy: 'coach' });
    live.received({ type: 'snapshot', seq: 5, state: withOp });
    expect(link.sent.map((o) => o.opId)).toEqual(['op-000001']);
    live.received(applied(5, op, 'coach', T0));
    expect(live.queued.value).toBe(0);
    expect(live.view.value?.agenda.filter((i) => i.id === 'item-000001')).toHaveLength(1);
    expect(live.seq.value).toBe(5);
  });

  it('follows other participants in the room order', () => {
    const { live } = coach();
    live.opened(recordingLink());
    live.received({ type: 'snapshot', seq: 4, state: liveState() });
    live.received(applied(5, addItem('op-coachee1', 'item-coachee', 'Voorstel'), 'coachee', T0));
    const item = live.view.value?.agenda.find((i) => i.id === 'item-coachee');
    expect(item?.proposedBy).toBe('coachee');
    // An old message (already in a later snapshot) changes nothing.
    live.received(applied(3, { opId: 'op-old00001', kind: 'agenda.remove', id: 'agenda-0001' }, 'coach', T0));
    expect(live.view.value?.agenda.some((i) => i.id === 'agenda-0001')).toBe(true);
  });

  it('refuses locally what the room would refuse, without queueing', () => {
    const store = memoryStore();
    const clock = manualClock(T0);
    const coachee = new LiveSync({ sessionId: SESSION_ID, actor: 'coachee', clock, store, storeKey: liveStoreKey('coachee', SESSION_ID), initial: { seq: 4, state: { ...liveState(), notes: null } } });
    expect(coachee.submit({ opId: 'op-000001', kind: 'notes.set', text: 'x' })).toBe(false);
    expect(coachee.submit({ opId: 'op-000002', kind: 'agreement.update', id: 'agr-coach-01', patch: { status: 'done' } })).toBe(false);
    expect(coachee.queued.value).toBe(0);
    expect(coachee.problem.value?.status).toBe(403);
  });

  it('drops a rejected op and says why; keeps and resends one the room could not save', () => {
    const { live, clock } = coach();
    const link = recordingLink();
    live.opened(link);
    live.received({ type: 'snapshot', seq: 4, state: liveState() });
    live.submit(addItem('op-000001', 'item-000001', 'Wordt geweigerd'));
    live.received({ type: 'rejected', opId: 'op-000001', status: 409, title: 'Conflict', detail: 'exists' });
    expect(live.queued.value).toBe(0);
    expect(live.view.value?.agenda).toHaveLength(2);
    expect(live.problem.value).toMatchObject({ status: 409, detail: 'exists' });
    live.dismissProblem();
    expect(live.problem.value).toBeNull();

    live.submit(addItem('op-000002', 'item-000002', 'Even niet opgeslagen'));
    live.received({ type: 'rejected', opId: 'op-000002', status: 503, title: 'Not saved', detail: 'send it again' });
    expect(live.queued.value).toBe(1);
    expect(live.problem.value).toBeNull();
    const before = link.sent.length;
    clock.advance(RETRY_AFTER_MS);
    expect(link.sent.slice(before).map((o) => o.opId)).toEqual(['op-000002']);

    // Too many at once (the room's rate limit): kept and sent again too, so nothing typed is lost.
    live.submit(addItem('op-000003', 'item-000003', 'Te snel getypt'));
    live.received({ type: 'rejected', opId: 'op-000003', status: 429, title: 'Too many changes', detail: 'Slow down' });
    expect(live.queued.value).toBe(2);
    expect(live.problem.value).toBeNull();
    const later = link.sent.length;
    clock.advance(RETRY_AFTER_MS);
    expect(link.sent.slice(later).map((o) => o.opId)).toEqual(['op-000003']);
  });

  it('asks for a snapshot when an applied op does not fit its state', () => {
    const { live } = coach();
    const link = recordingLink();
    live.opened(link);
    live.received({ type: 'snapshot', seq: 4, state: liveState() });
    live.received(applied(5, { opId: 'op-x0000001', kind: 'agenda.remove', id: 'not-here-01' }, 'coach', T0));
    expect(link.hellos).toBe(1);
    expect(live.seq.value).toBe(4);
  });

  it('brings two participants editing the same agreement at once to one state', () => {
    const ids = idSource('op');
    const a = coach(memoryStore()).live;
    const b = coach(memoryStore()).live;
    for (const replica of [a, b]) {
      replica.opened(recordingLink());
      replica.received({ type: 'snapshot', seq: 4, state: liveState() });
    }
    const fromA: Op = { opId: ids(), kind: 'agreement.update', id: 'agr-coach-01', patch: { what: 'Versie A', status: 'done' } };
    const fromB: Op = { opId: ids(), kind: 'agreement.update', id: 'agr-coach-01', patch: { what: 'Versie B' } };
    a.submit(fromA);
    b.submit(fromB);
    expect(a.view.value?.agreements.find((x) => x.id === 'agr-coach-01')?.what).toBe('Versie A');
    expect(b.view.value?.agreements.find((x) => x.id === 'agr-coach-01')?.what).toBe('Versie B');
    // The room orders B before A and broadcasts both to both.
    for (const replica of [a, b]) {
      replica.received(applied(5, fromB, 'coach', T0 + 1));
      replica.received(applied(6, fromA, 'coach', T0 + 2));
    }
    expect(a.view.value).toEqual(b.view.value);
    expect(a.view.value?.agreements.find((x) => x.id === 'agr-coach-01')).toMatchObject({ what: 'Versie A', status: 'done' });
    expect(a.queued.value + b.queued.value).toBe(0);
  });
});
