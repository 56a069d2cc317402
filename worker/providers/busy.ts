/** Free/busy helpers shared by the calendar adapters: splitting long ranges and normalising busy intervals. */
import type { BusyInterval, TimeRange } from './types';

export const DAY_MS = 86_400_000;

/** Splits [fromMs, toMs) into consecutive pieces of at most `maxMs` (vendors cap the free/busy window). */
export function chunkRange(range: TimeRange, maxMs: number): TimeRange[] {
  const chunks: TimeRange[] = [];
  for (let from = range.fromMs; from < range.toMs; from += maxMs) {
    chunks.push({ fromMs: from, toMs: Math.min(from + maxMs, range.toMs) });
  }
  return chunks;
}

/** Clips intervals to the range, drops empty ones, sorts them and merges overlapping or touching ones. */
export function normalizeBusy(intervals: Iterable<BusyInterval>, range: TimeRange): BusyInterval[] {
  const clipped: BusyInterval[] = [];
  for (const { startMs, endMs } of intervals) {
    const start = Math.max(startMs, range.fromMs);
    const end = Math.min(endMs, range.toMs);
    if (end > start) clipped.push({ startMs: start, endMs: end });
  }
  clipped.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const merged: BusyInterval[] = [];
  for (const interval of clipped) {
    const last = merged[merged.length - 1];
    if (last && interval.startMs <= last.endMs) last.endMs = Math.max(last.endMs, interval.endMs);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Rejects ranges that are not finite and increasing; an empty range has no busy time. */
export function isEmptyRange(range: TimeRange): boolean {
  return !(Number.isFinite(range.fromMs) && Number.isFinite(range.toMs) && range.toMs > range.fromMs);
}
