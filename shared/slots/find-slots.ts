/** Free slots for the next session: working hours minus busy time, buffers, notice and a daily cap, correct across DST. */
import type { BookingRules, WorkingHours } from '../schemas/coach';
import { localDateString } from '../time/zone';
import { blocksBetween, wallInstant, type Interval, type WorkBlock } from './working-blocks';

export type { Interval };

/**
 * What the slot finder needs. Times are epoch ms; `workingHours` are in the coach's `timeZone`.
 * `busy` may be unsorted and overlapping (provider free/busy and our own sessions). The daily cap
 * counts `sessionsPerDay` (key: local date `YYYY-MM-DD` in `timeZone`) or, without it, `ownSessions`.
 */
export type SlotQuery = {
  timeZone: string;
  workingHours: readonly WorkingHours[];
  busy: readonly Interval[];
  fromMs: number;
  toMs: number;
  nowMs: number;
  durationMinutes: number;
  rules: BookingRules;
  sessionsPerDay?: ReadonlyMap<string, number>;
  ownSessions?: readonly Interval[];
};

const MINUTE = 60_000;

/**
 * Every bookable slot starting in `[fromMs, toMs)`, sorted. A slot lies inside one working-hours
 * block (touching entries merged, possibly running past midnight), starts at least `minimumNoticeMinutes` after now, starts on the step grid
 * counted in local wall-clock time from the block's start, keeps `bufferBefore/After` clear of busy
 * time (touching is fine), and its day has fewer than `maxSessionsPerDay` sessions.
 *
 * Busy intervals are sorted and merged once, then swept with a pointer that only moves forward
 * within a block; a conflict jumps the grid straight past the busy interval. Work is
 * O(B log B + days × blocks + slots). On a day with a DST change inside a block, grid points are
 * wall-clock times: a time in the gap is skipped, a repeated time is offered once (the first).
 * @see https://www.rfc-editor.org/rfc/rfc5545#section-3.3.5 (local times in DST gaps); avoids the DST-day shift of cal.com issue #30021
 */
export function findSlots(query: SlotQuery): Interval[] {
  const { rules } = query;
  const busy = mergeBusy(query.busy);
  const counts = dayCounts(query);
  const stepMs = rules.slotStepMinutes * MINUTE;
  const durationMs = query.durationMinutes * MINUTE;
  const before = rules.bufferBeforeMinutes * MINUTE;
  const after = rules.bufferAfterMinutes * MINUTE;
  const earliest = Math.max(query.fromMs, query.nowMs + rules.minimumNoticeMinutes * MINUTE);
  const slots: Interval[] = [];
  if (durationMs <= 0 || stepMs <= 0) return slots;

  for (const block of blocksBetween(query.timeZone, query.workingHours, query.fromMs, query.toMs)) {
    if ((counts.get(block.date) ?? 0) >= rules.maxSessionsPerDay) continue;
    const first = block.uniformOffset ? Math.max(0, Math.ceil((earliest - block.startMs) / stepMs)) : 0;
    let p = firstEndingAfter(busy, block.startMs + first * stepMs - before);
    for (let k = first; ; k += 1) {
      const start = startOf(query.timeZone, block, k, stepMs, rules.slotStepMinutes);
      if (start === undefined) break;
      if (start === null || start < earliest || start < block.startMs) continue;
      if (start >= query.toMs) break;
      const end = start + durationMs;
      if (end > block.endMs) break;
      while (p < busy.length && (busy[p] as Interval).endMs <= start - before) p += 1;
      const next = busy[p];
      if (next && next.startMs < end + after) {
        // jump the grid past this busy interval (exact on uniform-offset blocks)
        if (block.uniformOffset) k = Math.max(k, Math.ceil((next.endMs + before - block.startMs) / stepMs) - 1);
        continue;
      }
      slots.push({ startMs: start, endMs: end });
    }
  }
  return sortUnique(slots);
}

/**
 * The k-th grid point of a block: epoch arithmetic when the offset is the same all through the
 * block, wall-clock arithmetic otherwise. `null` = skip this point; `undefined` = past the block.
 */
function startOf(zone: string, block: WorkBlock, k: number, stepMs: number, stepMinutes: number): number | null | undefined {
  if (block.uniformOffset) return block.startMs + k * stepMs;
  const minutes = block.startMinutes + k * stepMinutes;
  if (minutes >= 48 * 60 + 60) return undefined;
  const t = wallInstant(zone, block, minutes);
  if (t !== null && t >= block.endMs) return undefined;
  return t;
}

/** Busy intervals sorted by start with overlapping and touching ones merged (so ends are sorted too). */
export function mergeBusy(busy: readonly Interval[]): Interval[] {
  const sorted = busy.filter((b) => b.endMs > b.startMs).sort((a, b) => a.startMs - b.startMs);
  const merged: Interval[] = [];
  for (const b of sorted) {
    const last = merged[merged.length - 1];
    if (last && b.startMs <= last.endMs) last.endMs = Math.max(last.endMs, b.endMs);
    else merged.push({ startMs: b.startMs, endMs: b.endMs });
  }
  return merged;
}

/** Index of the first merged busy interval that ends after `t` (binary search). */
function firstEndingAfter(busy: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = busy.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((busy[mid] as Interval).endMs <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sessions per local date: as given, or counted from `ownSessions` by their local start date. */
export function dayCounts(query: Pick<SlotQuery, 'timeZone' | 'sessionsPerDay' | 'ownSessions'>): ReadonlyMap<string, number> {
  if (query.sessionsPerDay) return query.sessionsPerDay;
  const counts = new Map<string, number>();
  for (const s of query.ownSessions ?? []) {
    const date = localDateString(query.timeZone, s.startMs);
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  return counts;
}

function sortUnique(slots: Interval[]): Interval[] {
  let sorted = true;
  for (let i = 1; i < slots.length && sorted; i += 1) sorted = (slots[i - 1] as Interval).startMs < (slots[i] as Interval).startMs;
  if (sorted) return slots;
  slots.sort((a, b) => a.startMs - b.startMs);
  return slots.filter((s, i) => i === 0 || s.startMs !== (slots[i - 1] as Interval).startMs);
}
