/** The phase timer: navigation as progress ops, time against each phase's share, and milestone announcements. */
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { LiveSync, liveStoreKey } from '../../addons/common/models/live-sync';
import { PhaseTimer } from '../../addons/panel/models/phase-timer';
import { findBuiltInModel } from '../../shared/models/builtin';
import { phaseBudgetsMs } from '../../shared/reducers/progress';
import type { Progress } from '../../shared/protocol';
import { SESSION_ID, T0, idSource, liveState, manualClock, memoryStore } from './support';

const model = findBuiltInModel('builtin-coaching', 'nl')!;
const END = T0 + 60 * 60_000;

function setup(progress: Progress = { phase: null, phaseStartedAt: null, spentMs: {} }, now = T0) {
  const clock = manualClock(now);
  const live = new LiveSync({ sessionId: SESSION_ID, actor: 'coach', clock, store: memoryStore(), storeKey: liveStoreKey('coach', SESSION_ID), initial: { seq: 1, state: liveState({ progress }) } });
  const timer = new PhaseTimer({ live, model: signal(model), startsAtMs: T0, endsAtMs: END, clock, newId: idSource('op') });
  const tick = (ms: number) => {
    clock.advance(ms);
    timer.tick(clock.now());
  };
  return { clock, live, timer, tick };
}

describe('PhaseTimer', () => {
  it('starts, moves on and finishes with progress ops', () => {
    const { timer, live } = setup();
    expect(timer.index.value).toBe(-1);
    expect(timer.started.value).toBe(false);
    timer.next();
    expect(timer.current.value?.key).toBe(model.phases[0]!.key);
    timer.next();
    expect(timer.index.value).toBe(1);
    timer.previous();
    expect(timer.index.value).toBe(0);
    timer.goTo(model.phases.at(-1)!.key);
    timer.next();
    expect(timer.index.value).toBe(-1);
    expect(timer.started.value).toBe(true);
    expect(live.queued.value).toBe(5);
  });

  it('counts time in the phase against its share of the planned session', () => {
    const { timer, tick } = setup();
    timer.next();
    tick(90_000);
    const budgets = phaseBudgetsMs(model.phases, 60);
    expect(timer.budgetMs.value).toBe(budgets[model.phases[0]!.key]);
    expect(timer.elapsedMs.value).toBe(90_000);
    expect(timer.sessionLeftMs.value).toBe(END - (T0 + 90_000));
  });

  it('announces phase changes and milestones once, and nothing that had already passed on load', () => {
    const first = model.phases[0]!;
    const budget = phaseBudgetsMs(model.phases, 60)[first.key]!;
    // The panel opens when the first phase is already over its time.
    const { timer, tick } = setup({ phase: first.key, phaseStartedAt: new Date(T0).toISOString(), spentMs: {} }, T0 + budget + 5_000);
    timer.tick(T0 + budget + 5_000);
    expect(timer.announcement.value).toBeNull();

    timer.next();
    expect(timer.announcement.value).toEqual({ kind: 'phase-changed', index: 2, count: model.phases.length, title: model.phases[1]!.title });
    const second = phaseBudgetsMs(model.phases, 60)[model.phases[1]!.key]!;
    tick(second - 60_000);
    expect(timer.announcement.value).toEqual({ kind: 'phase-ends-soon', title: model.phases[1]!.title });
    tick(60_000);
    expect(timer.announcement.value).toEqual({ kind: 'phase-over', title: model.phases[1]!.title });
  });

  it('announces the end of the session', () => {
    const { timer, clock } = setup(undefined, END - 6 * 60_000);
    timer.tick(clock.now());
    expect(timer.announcement.value).toBeNull();
    clock.set(END - 5 * 60_000);
    timer.tick(clock.now());
    expect(timer.announcement.value).toEqual({ kind: 'session-ends-soon', minutes: 5 });
    clock.set(END);
    timer.tick(clock.now());
    expect(timer.announcement.value).toEqual({ kind: 'session-over' });
    expect(timer.sessionLeftMs.value).toBe(0);
  });
});
