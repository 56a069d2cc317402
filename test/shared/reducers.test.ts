/** Tests of the live-op reducer: every op, permissions, immutability, limits and the timer maths. */
import { describe, expect, it } from 'vitest';
import { LiveState, Op, type Agreement } from '../../shared/protocol';
import { applyOp, type OpContext, type OpResult } from '../../shared/reducers/apply-op';
import { positionBetween } from '../../shared/reducers/agenda';
import { phaseBudgetsMs, phaseElapsedMs, sessionRemainingMs } from '../../shared/reducers/progress';

const SESSION = 'session-0001';
const coach: OpContext = { actor: 'coach', now: '2027-03-30T11:00:00.000Z', sessionId: SESSION };
const coachee: OpContext = { ...coach, actor: 'coachee' };
let opCounter = 0;

/** Builds an op the way the room receives it: through the zod schema. */
function op(input: Record<string, unknown>): Op {
  opCounter += 1;
  return Op.parse({ opId: `op-${String(opCounter).padStart(6, '0')}`, ...input });
}

function empty(): LiveState {
  return { agenda: [], agreements: [], progress: { phase: null, phaseStartedAt: null, spentMs: {} }, notes: null };
}

function agreement(id: string, extra: Partial<Agreement> = {}): Agreement {
  return { id, sessionId: SESSION, who: 'coachee', what: 'Sends the proposal', due: null, status: 'open', carriedOver: false, updatedAt: '2027-03-01T10:00:00Z', ...extra };
}

function ok(result: OpResult): LiveState {
  if (!result.ok) throw new Error(`expected ok, got ${result.status} ${result.detail}`);
  return LiveState.parse(result.state);
}

function rejected(result: OpResult, status: number): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.status).toBe(status);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function withItems(...items: [string, 'coach' | 'coachee'][]): LiveState {
  let state = empty();
  for (const [id, by] of items) state = ok(applyOp(state, op({ kind: 'agenda.add', id, title: `Topic ${id}` }), by === 'coach' ? coach : coachee));
  return state;
}

describe('agenda', () => {
  it('appends after the last item by default and records who proposed it', () => {
    const state = withItems(['item-aaaa', 'coach'], ['item-bbbb', 'coachee']);
    expect(state.agenda.map((i) => [i.id, i.position, i.proposedBy, i.done])).toEqual([
      ['item-aaaa', 1, 'coach', false],
      ['item-bbbb', 2, 'coachee', false],
    ]);
  });

  it('keeps the list sorted by an explicit fractional position', () => {
    const base = withItems(['item-aaaa', 'coach'], ['item-bbbb', 'coach']);
    const mid = positionBetween(base.agenda[0]?.position, base.agenda[1]?.position);
    const state = ok(applyOp(base, op({ kind: 'agenda.add', id: 'item-cccc', title: 'Between', position: mid }), coach));
    expect(state.agenda.map((i) => i.id)).toEqual(['item-aaaa', 'item-cccc', 'item-bbbb']);
    expect(state.agenda[1]?.position).toBe(1.5);
  });

  it('updates title, done and position, re-sorting on a move', () => {
    const base = withItems(['item-aaaa', 'coach'], ['item-bbbb', 'coach']);
    const state = ok(applyOp(base, op({ kind: 'agenda.update', id: 'item-bbbb', patch: { title: ' Renamed ', done: true, position: 0.5 } }), coach));
    expect(state.agenda[0]).toMatchObject({ id: 'item-bbbb', title: 'Renamed', done: true, position: 0.5 });
    expect(state.agenda[1]?.id).toBe('item-aaaa');
  });

  it('removes an item', () => {
    const state = ok(applyOp(withItems(['item-aaaa', 'coach'], ['item-bbbb', 'coach']), op({ kind: 'agenda.remove', id: 'item-aaaa' }), coach));
    expect(state.agenda.map((i) => i.id)).toEqual(['item-bbbb']);
  });

  it('answers 404 for unknown ids and 409 for a duplicate id', () => {
    const base = withItems(['item-aaaa', 'coach']);
    rejected(applyOp(base, op({ kind: 'agenda.update', id: 'item-zzzz', patch: { done: true } }), coach), 404);
    rejected(applyOp(base, op({ kind: 'agenda.remove', id: 'item-zzzz' }), coach), 404);
    rejected(applyOp(base, op({ kind: 'agenda.add', id: 'item-aaaa', title: 'Again' }), coach), 409);
  });

  it(`refuses more than the agenda limit with 422`, () => {
    let state = empty();
    for (let i = 0; i < 50; i += 1) state = ok(applyOp(state, op({ kind: 'agenda.add', id: `item-${String(i).padStart(4, '0')}`, title: `T${i}` }), coach));
    const result = applyOp(state, op({ kind: 'agenda.add', id: 'item-over', title: 'One too many' }), coach);
    rejected(result, 422);
  });

  it('lets the coachee change and remove only what they proposed', () => {
    const base = withItems(['item-coach', 'coach'], ['item-mine', 'coachee']);
    rejected(applyOp(base, op({ kind: 'agenda.update', id: 'item-coach', patch: { done: true } }), coachee), 403);
    rejected(applyOp(base, op({ kind: 'agenda.remove', id: 'item-coach' }), coachee), 403);
    expect(ok(applyOp(base, op({ kind: 'agenda.update', id: 'item-mine', patch: { title: 'Better words' } }), coachee)).agenda[1]?.title).toBe('Better words');
    expect(ok(applyOp(base, op({ kind: 'agenda.remove', id: 'item-mine' }), coachee)).agenda).toHaveLength(1);
    expect(ok(applyOp(base, op({ kind: 'agenda.remove', id: 'item-mine' }), coach)).agenda).toHaveLength(1);
  });

  it('computes positions between neighbours and at the edges', () => {
    expect(positionBetween(undefined, undefined)).toBe(1);
    expect(positionBetween(undefined, 1)).toBe(0);
    expect(positionBetween(3.5, undefined)).toBe(4);
    expect(positionBetween(1, 2)).toBe(1.5);
  });
});

describe('agreements', () => {
  it('adds an open agreement of this session, stamped with now', () => {
    const state = ok(applyOp(empty(), op({ kind: 'agreement.add', id: 'agr-00001', who: { name: 'Sanne' }, what: 'Sends the proposal', due: '2027-04-02' }), coach));
    expect(state.agreements).toEqual([
      { id: 'agr-00001', sessionId: SESSION, who: { name: 'Sanne' }, what: 'Sends the proposal', due: '2027-04-02', status: 'open', carriedOver: false, updatedAt: coach.now },
    ]);
    expect(ok(applyOp(empty(), op({ kind: 'agreement.add', id: 'agr-00002', who: 'coach', what: 'Shares an article' }), coach)).agreements[0]?.due).toBeNull();
  });

  it('merges a patch, keeps untouched fields, clears due with null and stamps updatedAt', () => {
    const base: LiveState = { ...empty(), agreements: [agreement('agr-00001', { due: '2027-04-02' })] };
    const state = ok(applyOp(base, op({ kind: 'agreement.update', id: 'agr-00001', patch: { what: 'Sends the revised proposal', due: null } }), coach));
    expect(state.agreements[0]).toEqual({ ...agreement('agr-00001'), what: 'Sends the revised proposal', due: null, updatedAt: coach.now });
  });

  it('removes an agreement of this session, but a carried-over one only by dropping it', () => {
    const base: LiveState = { ...empty(), agreements: [agreement('agr-00001'), agreement('agr-00002', { carriedOver: true, sessionId: 'session-0000' })] };
    expect(ok(applyOp(base, op({ kind: 'agreement.remove', id: 'agr-00001' }), coach)).agreements.map((a) => a.id)).toEqual(['agr-00002']);
    const refused = applyOp(base, op({ kind: 'agreement.remove', id: 'agr-00002' }), coach);
    rejected(refused, 409);
    expect(ok(applyOp(base, op({ kind: 'agreement.update', id: 'agr-00002', patch: { status: 'dropped' } }), coach)).agreements[1]?.status).toBe('dropped');
  });

  it('answers 404, 409 and 422 where due', () => {
    const base: LiveState = { ...empty(), agreements: [agreement('agr-00001')] };
    rejected(applyOp(base, op({ kind: 'agreement.update', id: 'agr-nope1', patch: { status: 'done' } }), coach), 404);
    rejected(applyOp(base, op({ kind: 'agreement.remove', id: 'agr-nope1' }), coach), 404);
    rejected(applyOp(base, op({ kind: 'agreement.add', id: 'agr-00001', who: 'coach', what: 'x' }), coach), 409);
    const full: LiveState = { ...empty(), agreements: Array.from({ length: 100 }, (_, i) => agreement(`agr-${String(i).padStart(5, '0')}`)) };
    rejected(applyOp(full, op({ kind: 'agreement.add', id: 'agr-over1', who: 'coach', what: 'x' }), coach), 422);
  });

  it('lets the coachee change only the status of their own agreements', () => {
    const base: LiveState = { ...empty(), agreements: [agreement('agr-mine1'), agreement('agr-coach', { who: 'coach' }), agreement('agr-other', { who: { name: 'Piet' } })] };
    expect(ok(applyOp(base, op({ kind: 'agreement.update', id: 'agr-mine1', patch: { status: 'done' } }), coachee)).agreements[0]).toMatchObject({ status: 'done', updatedAt: coachee.now });
    rejected(applyOp(base, op({ kind: 'agreement.update', id: 'agr-coach', patch: { status: 'done' } }), coachee), 403);
    rejected(applyOp(base, op({ kind: 'agreement.update', id: 'agr-other', patch: { status: 'done' } }), coachee), 403);
    const changesText = applyOp(base, op({ kind: 'agreement.update', id: 'agr-mine1', patch: { status: 'done', what: 'Something easier' } }), coachee);
    rejected(changesText, 403);
    if (!changesText.ok) expect(changesText.field).toBe('what');
    rejected(applyOp(base, op({ kind: 'agreement.add', id: 'agr-new01', who: 'coachee', what: 'x' }), coachee), 403);
    rejected(applyOp(base, op({ kind: 'agreement.remove', id: 'agr-mine1' }), coachee), 403);
  });
});

describe('notes', () => {
  it('sets the notes for the coach and refuses the coachee', () => {
    expect(ok(applyOp(empty(), op({ kind: 'notes.set', text: 'Private thoughts' }), coach)).notes).toBe('Private thoughts');
    rejected(applyOp(empty(), op({ kind: 'notes.set', text: 'Peek' }), coachee), 403);
  });
});

describe('progress', () => {
  const at = (iso: string): OpContext => ({ ...coach, now: iso });

  it('books the time of the previous phase, switches, and stops with null', () => {
    let state = ok(applyOp(empty(), op({ kind: 'progress.set', phase: 'status' }), at('2027-03-30T11:00:00Z')));
    expect(state.progress).toEqual({ phase: 'status', phaseStartedAt: '2027-03-30T11:00:00Z', spentMs: {} });
    state = ok(applyOp(state, op({ kind: 'progress.set', phase: 'current-state' }), at('2027-03-30T11:05:00Z')));
    state = ok(applyOp(state, op({ kind: 'progress.set', phase: 'status' }), at('2027-03-30T11:15:30Z')));
    expect(state.progress.spentMs).toEqual({ status: 300_000, 'current-state': 630_000 });
    state = ok(applyOp(state, op({ kind: 'progress.set', phase: null }), at('2027-03-30T11:16:30Z')));
    expect(state.progress).toEqual({ phase: null, phaseStartedAt: null, spentMs: { status: 360_000, 'current-state': 630_000 } });
  });

  it('never books negative time when the clock is behind the phase start', () => {
    const base: LiveState = { ...empty(), progress: { phase: 'status', phaseStartedAt: '2027-03-30T11:00:10Z', spentMs: {} } };
    expect(ok(applyOp(base, op({ kind: 'progress.set', phase: 'goal' }), at('2027-03-30T11:00:00Z'))).progress.spentMs).toEqual({ status: 0 });
  });

  it('refuses the coachee', () => {
    rejected(applyOp(empty(), op({ kind: 'progress.set', phase: 'status' }), coachee), 403);
  });

  it('reports elapsed time per phase including earlier visits', () => {
    const progress = { phase: 'goal', phaseStartedAt: '2027-03-30T11:00:00Z', spentMs: { goal: 60_000, reality: 120_000 } };
    const now = Date.parse('2027-03-30T11:02:00Z');
    expect(phaseElapsedMs(progress, now)).toBe(180_000);
    expect(phaseElapsedMs(progress, now, 'reality')).toBe(120_000);
    expect(phaseElapsedMs(progress, now, 'options')).toBe(0);
    expect(phaseElapsedMs({ phase: null, phaseStartedAt: null, spentMs: { goal: 5 } }, now)).toBe(0);
    expect(phaseElapsedMs(progress, Date.parse('2027-03-30T10:59:00Z'))).toBe(60_000);
  });

  it('normalises shares into budgets that add up to the session', () => {
    expect(phaseBudgetsMs([{ key: 'a', share: 0.2 }, { key: 'b', share: 0.2 }, { key: 'c', share: 0.4 }], 60)).toEqual({ a: 900_000, b: 900_000, c: 1_800_000 });
    // sevenths of a minute: boundaries 8571.4 → 8571, 25714.3 → 25714, 60000
    expect(phaseBudgetsMs([{ key: 'a', share: 0.1 }, { key: 'b', share: 0.2 }, { key: 'c', share: 0.4 }], 1)).toEqual({ a: 8571, b: 17143, c: 34286 });
    expect(phaseBudgetsMs([], 60)).toEqual({});
  });

  it('computes the session time remaining, clamped to the session', () => {
    const start = Date.parse('2027-03-30T11:00:00Z');
    const end = start + 3_600_000;
    expect(sessionRemainingMs(start, end, start - 60_000)).toBe(3_600_000);
    expect(sessionRemainingMs(start, end, start + 900_000)).toBe(2_700_000);
    expect(sessionRemainingMs(start, end, end + 1)).toBe(0);
  });
});

describe('immutability', () => {
  it('never mutates the input state, accepted or refused', () => {
    const base = withItems(['item-aaaa', 'coach'], ['item-bbbb', 'coachee']);
    const frozen = deepFreeze({ ...base, agreements: [agreement('agr-00001'), agreement('agr-00002', { carriedOver: true })], progress: { phase: 'goal', phaseStartedAt: '2027-03-30T10:00:00Z', spentMs: { goal: 5 } }, notes: 'n' });
    const snapshot = structuredClone(frozen);
    const ops = [
      op({ kind: 'agenda.add', id: 'item-cccc', title: 'New' }),
      op({ kind: 'agenda.update', id: 'item-aaaa', patch: { done: true, position: 9 } }),
      op({ kind: 'agenda.remove', id: 'item-bbbb' }),
      op({ kind: 'agreement.add', id: 'agr-00003', who: 'coach', what: 'x' }),
      op({ kind: 'agreement.update', id: 'agr-00001', patch: { status: 'done' } }),
      op({ kind: 'agreement.remove', id: 'agr-00001' }),
      op({ kind: 'agreement.remove', id: 'agr-00002' }),
      op({ kind: 'notes.set', text: 'changed' }),
      op({ kind: 'progress.set', phase: 'reality' }),
    ];
    for (const o of ops) {
      for (const ctx of [coach, coachee]) {
        const result = applyOp(frozen, o, ctx);
        if (result.ok) expect(result.state).not.toBe(frozen);
      }
    }
    expect(frozen).toEqual(snapshot);
  });
});
