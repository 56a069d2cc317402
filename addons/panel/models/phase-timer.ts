/** The conversation model's phases for one session: which is current, its timer against its share of the session, and spoken milestones. */
import { computed, createModel, effect, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import { phaseBudgetsMs, phaseElapsedMs, sessionRemainingMs } from '../../../shared/reducers/progress';
import type { ConversationModel, Phase, Progress } from '../../../shared/protocol';
import type { Clock, NewId } from '../../common/ports';
import type { LiveSyncModel } from '../../common/models/live-sync';

/** Something a screen reader should hear, once: a phase change or a timer milestone. */
export type Announcement =
  | { kind: 'phase-changed'; index: number; count: number; title: string }
  | { kind: 'phase-ends-soon' | 'phase-over'; title: string }
  | { kind: 'session-ends-soon'; minutes: number }
  | { kind: 'session-over' };

/** A phase is "ending soon" this long before its budget runs out (only phases longer than twice this). */
export const PHASE_SOON_MS = 60_000;
/** The session is "ending soon" this long before its planned end. */
export const SESSION_SOON_MS = 5 * 60_000;

const NO_PROGRESS: Progress = { phase: null, phaseStartedAt: null, spentMs: {} };

export type PhaseTimerDeps = {
  live: LiveSyncModel;
  model: ReadonlySignal<ConversationModel>;
  startsAtMs: number;
  endsAtMs: number;
  clock: Clock;
  newId: NewId;
};

/**
 * Phase navigation and timing. Time per phase comes from the shared progress reducer
 * (`spentMs` + the running stretch), the budget from the phase's share of the planned session
 * length (`endsAt − startsAt`). Milestones already passed when the panel opens are not announced.
 * @see https://www.w3.org/WAI/ARIA/apg/practices/ for live-region use (announcements are rendered in a polite live region)
 */
export const PhaseTimer = createModel((deps: PhaseTimerDeps) => {
  const now = signal(deps.clock.now());
  const announcement = signal<Announcement | null>(null);
  const phases = computed<Phase[]>(() => deps.model.value.phases);
  const progress = computed(() => deps.live.view.value?.progress ?? NO_PROGRESS);
  const index = computed(() => phases.value.findIndex((p) => p.key === progress.value.phase));
  const current = computed<Phase | null>(() => phases.value[index.value] ?? null);
  const sessionMinutes = Math.max(1, (deps.endsAtMs - deps.startsAtMs) / 60_000);
  const budgets = computed(() => phaseBudgetsMs(phases.value, sessionMinutes));
  const elapsedMs = computed(() => (current.value ? phaseElapsedMs(progress.value, now.value) : 0));
  const budgetMs = computed(() => (current.value ? (budgets.value[current.value.key] ?? 0) : 0));
  const sessionLeftMs = computed(() => sessionRemainingMs(deps.startsAtMs, deps.endsAtMs, now.value));
  const started = computed(() => progress.value.phase !== null || Object.keys(progress.value.spentMs).length > 0);

  const milestones = computed(() => {
    const passed: string[] = [];
    const phase = current.value;
    if (phase) {
      const left = budgetMs.value - elapsedMs.value;
      if (budgetMs.value > 2 * PHASE_SOON_MS && left <= PHASE_SOON_MS) passed.push(`phase-ends-soon:${phase.key}`);
      if (left <= 0) passed.push(`phase-over:${phase.key}`);
    }
    if (now.value >= deps.startsAtMs && sessionLeftMs.value <= SESSION_SOON_MS) passed.push('session-ends-soon');
    if (now.value >= deps.endsAtMs) passed.push('session-over');
    return passed;
  });

  let seen: Set<string> | null = null;
  let lastKey: string | null = null;
  effect(() => {
    const passed = milestones.value;
    const phase = current.value;
    const key = phase?.key ?? null;
    const initial = seen === null;
    seen ??= new Set();
    const changed = !initial && key !== lastKey;
    lastKey = key;
    let latest: Announcement | null = changed && phase ? { kind: 'phase-changed', index: index.value + 1, count: phases.value.length, title: phase.title } : null;
    for (const id of passed) {
      if (seen.has(id)) continue;
      seen.add(id);
      // On load nothing is announced; on entering a phase, its own past milestones are not news.
      if (initial || (changed && id.startsWith('phase'))) continue;
      const title = phase?.title ?? '';
      if (id.startsWith('phase-ends-soon:')) latest = { kind: 'phase-ends-soon', title };
      else if (id.startsWith('phase-over:')) latest = { kind: 'phase-over', title };
      else if (id === 'session-ends-soon') latest = { kind: 'session-ends-soon', minutes: Math.max(1, Math.ceil(sessionLeftMs.value / 60_000)) };
      else latest = { kind: 'session-over' };
    }
    if (latest) announcement.value = latest;
  });

  const setPhase = (phase: string | null) => deps.live.submit({ opId: deps.newId(), kind: 'progress.set', phase });

  return {
    phases,
    /** Index of the current phase, −1 when none is running (not started, finished, or a key of another model). */
    index,
    current,
    started,
    /** Time spent in the current phase, and its budget. */
    elapsedMs,
    budgetMs,
    /** Each phase's budget by key. */
    budgets,
    /** Time left in the planned session (full length before it starts, 0 after). */
    sessionLeftMs,
    announcement: announcement as ReadonlySignal<Announcement | null>,

    /** The shell's clock tick. */
    tick(nowMs: number): void {
      now.value = nowMs;
    },
    /** Starts the first phase, moves to the next one, or finishes after the last. */
    next(): void {
      const i = index.value;
      const target = phases.value[i + 1];
      if (target) setPhase(target.key);
      else if (i >= 0) setPhase(null);
    },
    previous(): void {
      const target = phases.value[index.value - 1];
      if (index.value > 0 && target) setPhase(target.key);
    },
    goTo(key: string): void {
      if (key !== progress.value.phase && phases.value.some((p) => p.key === key)) setPhase(key);
    },
    /** Stops the timer (the session is finished or paused). */
    stop(): void {
      if (progress.value.phase !== null) setPhase(null);
    },
  };
});

export type PhaseTimerModel = InstanceType<typeof PhaseTimer>;
