/** Phase progress: the progress.set op (time bookkeeping per phase) and pure timer helpers for the panel. */
import type { LiveState, Op, Progress } from '../schemas/live';
import type { Phase } from '../schemas/model';
import type { OpContext, OpResult } from './apply-op';
import { forbidden } from './rejections';

type ProgressSet = Extract<Op, { kind: 'progress.set' }>;

/**
 * Moves to another phase (coach only): the time since `phaseStartedAt` is added to the previous
 * phase's `spentMs`, the new phase starts at `ctx.now`; `null` stops the timer. Whether the key
 * exists in the session's model is not known here; the panel ignores unknown keys.
 */
export function setProgress(state: LiveState, op: ProgressSet, ctx: OpContext): OpResult {
  if (ctx.actor !== 'coach') return forbidden('Only the coach moves through the phases.');
  const nowMs = Date.parse(ctx.now);
  const { phase, phaseStartedAt, spentMs } = state.progress;
  const nextSpent = { ...spentMs };
  if (phase !== null && phaseStartedAt !== null) {
    nextSpent[phase] = (nextSpent[phase] ?? 0) + Math.max(0, nowMs - Date.parse(phaseStartedAt));
  }
  const progress: Progress = { phase: op.phase, phaseStartedAt: op.phase === null ? null : ctx.now, spentMs: nextSpent };
  return { ok: true, state: { ...state, progress } };
}

/**
 * Time spent in a phase (default: the current one): earlier visits plus the running stretch.
 * A clock slightly behind `phaseStartedAt` counts as zero, never negative.
 */
export function phaseElapsedMs(progress: Progress, nowMs: number, phase: string | null = progress.phase): number {
  if (phase === null) return 0;
  const earlier = progress.spentMs[phase] ?? 0;
  if (phase !== progress.phase || progress.phaseStartedAt === null) return earlier;
  return earlier + Math.max(0, nowMs - Date.parse(progress.phaseStartedAt));
}

/**
 * Each phase's part of the session in milliseconds: shares normalised to their sum. Boundaries
 * are rounded cumulatively, so the budgets add up to exactly `sessionMinutes`.
 */
export function phaseBudgetsMs(phases: readonly Pick<Phase, 'key' | 'share'>[], sessionMinutes: number): Record<string, number> {
  const totalMs = sessionMinutes * 60_000;
  const shareSum = phases.reduce((sum, p) => sum + p.share, 0);
  const budgets: Record<string, number> = {};
  if (shareSum <= 0) return budgets;
  let cumulative = 0;
  let previousBoundary = 0;
  for (const p of phases) {
    cumulative += p.share;
    const boundary = Math.round((totalMs * cumulative) / shareSum);
    budgets[p.key] = boundary - previousBoundary;
    previousBoundary = boundary;
  }
  return budgets;
}

/** Time left in the session, between 0 (ended) and the full length (not started yet). */
export function sessionRemainingMs(startsAtMs: number, endsAtMs: number, nowMs: number): number {
  const length = Math.max(0, endsAtMs - startsAtMs);
  return Math.min(length, Math.max(0, endsAtMs - nowMs));
}
