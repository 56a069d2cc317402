/** Property test: two clients (coach and coachee) editing one session, ops and messages interleaved at random, dropped sockets included, end on the room's state. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiveSync, liveStoreKey } from '../../addons/common/models/live-sync';
import type { LiveLink } from '../../addons/common/ports';
import { applyOp } from '../../shared/reducers/apply-op';
import type { Actor, LiveState, Op, ServerMessage } from '../../shared/protocol';
import { SESSION_ID, T0, liveState, manualClock, memoryStore } from './support';

/** What a client does next: an edit picked relative to what it sees now, or a network event. */
type Step =
  | { do: 'edit'; who: Actor; edit: Edit }
  | { do: 'deliver-to-room'; who: Actor }
  | { do: 'deliver-to-client'; who: Actor }
  | { do: 'reconnect'; who: Actor };
type Edit = { kind: 'add' | 'toggle' | 'move' | 'rename' | 'remove' | 'agree' | 'tick' | 'notes' | 'phase'; pick: number; text: string; position: number };

const actor = fc.constantFrom<Actor>('coach', 'coachee');
const edit = fc.record({
  kind: fc.constantFrom<Edit['kind']>('add', 'toggle', 'move', 'rename', 'remove', 'agree', 'tick', 'notes', 'phase'),
  pick: fc.nat(9),
  text: fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.trim() || 'x'),
  position: fc.double({ min: -5, max: 10, noNaN: true }),
});
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ do: fc.constant('edit' as const), who: actor, edit }) },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('deliver-to-room' as const), who: actor }) },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('deliver-to-client' as const), who: actor }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('reconnect' as const), who: actor }) },
);

/** The op a client makes for an edit, against the state it shows. */
function opFor(e: Edit, view: LiveState, n: number, who: Actor): Op {
  const opId = `op-${who}-${n}`;
  const item = view.agenda[e.pick % Math.max(1, view.agenda.length)];
  const agreement = view.agreements[e.pick % Math.max(1, view.agreements.length)];
  switch (e.kind) {
    case 'add':
      return { opId, kind: 'agenda.add', id: `item-${who}-${n}`, title: e.text };
    case 'toggle':
      return item ? { opId, kind: 'agenda.update', id: item.id, patch: { done: !item.done } } : { opId, kind: 'agenda.add', id: `item-${who}-${n}`, title: e.text };
    case 'move':
      return item ? { opId, kind: 'agenda.update', id: item.id, patch: { position: e.position } } : { opId, kind: 'agenda.add', id: `item-${who}-${n}`, title: e.text };
    case 'rename':
      return item ? { opId, kind: 'agenda.update', id: item.id, patch: { title: e.text } } : { opId, kind: 'agenda.add', id: `item-${who}-${n}`, title: e.text };
    case 'remove':
      return item ? { opId, kind: 'agenda.remove', id: item.id } : { opId, kind: 'agenda.add', id: `item-${who}-${n}`, title: e.text };
    case 'agree':
      return { opId, kind: 'agreement.add', id: `agr-${who}-${n}`, who: 'coachee', what: e.text };
    case 'tick':
      return agreement ? { opId, kind: 'agreement.update', id: agreement.id, patch: { status: agreement.status === 'open' ? 'done' : 'open' } } : { opId, kind: 'notes.set', text: e.text };
    case 'notes':
      return { opId, kind: 'notes.set', text: e.text };
    case 'phase':
      return { opId, kind: 'progress.set', phase: e.pick % 3 === 0 ? null : `phase-${e.pick % 3}` };
  }
}

/** The room: one order for everything, replays answered once to their sender, notes never to the coachee. */
function room(initial: LiveState) {
  let state = initial;
  let seq = 4;
  let clock = T0;
  const seen = new Map<string, { seq: number; actor: Actor; at: string }>();
  const outbox: Record<Actor, ServerMessage[]> = { coach: [], coachee: [] };
  return {
    outbox,
    get state() {
      return state;
    },
    snapshot: (who: Actor): ServerMessage => ({ type: 'snapshot', seq, state: who === 'coach' ? state : { ...state, notes: null } }),
    receive(who: Actor, op: Op) {
      const earlier = seen.get(op.opId);
      if (earlier) {
        outbox[who].push(earlier.actor === who ? { type: 'applied', seq: earlier.seq, op, actor: who, at: earlier.at } : { type: 'rejected', opId: op.opId, status: 409, title: 'Conflict', detail: 'op id in use' });
        return;
      }
      const at = new Date((clock += 1000)).toISOString();
      const result = applyOp(state, op, { actor: who, now: at, sessionId: SESSION_ID });
      if (!result.ok) {
        outbox[who].push({ type: 'rejected', opId: op.opId, status: result.status, title: result.title, detail: result.detail });
        return;
      }
      state = result.state;
      seq += 1;
      seen.set(op.opId, { seq, actor: who, at });
      for (const to of ['coach', 'coachee'] as const) if (to === 'coach' || op.kind !== 'notes.set') outbox[to].push({ type: 'applied', seq, op, actor: who, at });
    },
  };
}

describe('live sync convergence', () => {
  it('random interleavings of both clients’ ops, deliveries and reconnects converge on the room’s state', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 30, maxLength: 150 }), (steps) => {
        const r = room(liveState());
        const inFlight: Record<Actor, Op[]> = { coach: [], coachee: [] };
        const linkFor = (who: Actor): LiveLink => ({
          send: (m) => {
            if (m.type === 'op') inFlight[who].push(m.op);
            else r.outbox[who].push(r.snapshot(who));
          },
          resync: () => r.outbox[who].push(r.snapshot(who)),
        });
        const client = (who: Actor) => {
          const clock = manualClock(T0);
          const live = new LiveSync({ sessionId: SESSION_ID, actor: who, clock, store: memoryStore(), storeKey: liveStoreKey(who, SESSION_ID), initial: { seq: 4, state: who === 'coach' ? liveState() : { ...liveState(), notes: null } } });
          live.opened(linkFor(who));
          live.received(r.snapshot(who));
          return live;
        };
        const clients = { coach: client('coach'), coachee: client('coachee') };
        let n = 0;
        const deliverToRoom = (who: Actor) => {
          const op = inFlight[who].shift();
          if (op) r.receive(who, op);
        };
        const deliverToClient = (who: Actor) => {
          const msg = r.outbox[who].shift();
          if (msg) clients[who].received(msg);
        };
        for (const s of steps) {
          if (s.do === 'edit') {
            const view = clients[s.who].view.value;
            if (view) clients[s.who].submit(opFor(s.edit, view, n++, s.who));
          } else if (s.do === 'deliver-to-room') deliverToRoom(s.who);
          else if (s.do === 'deliver-to-client') deliverToClient(s.who);
          else {
            // The socket drops: what was in flight either way is lost; the client reconnects and gets a snapshot.
            clients[s.who].closed();
            inFlight[s.who] = [];
            r.outbox[s.who].length = 0;
            clients[s.who].opened(linkFor(s.who));
            r.outbox[s.who].push(r.snapshot(s.who));
          }
        }
        for (let guard = 0; guard < 10_000 && (inFlight.coach.length || inFlight.coachee.length || r.outbox.coach.length || r.outbox.coachee.length); guard++) {
          for (const who of ['coach', 'coachee'] as const) {
            deliverToClient(who);
            deliverToRoom(who);
          }
        }
        expect(clients.coach.queued.value).toBe(0);
        expect(clients.coachee.queued.value).toBe(0);
        expect(clients.coach.view.value).toEqual(r.state);
        expect(clients.coachee.view.value).toEqual({ ...r.state, notes: null });
      }),
      { numRuns: 300 },
    );
  });
});
