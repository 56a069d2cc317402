/** Weekly working hours turned into concrete instants: entries that touch or overlap form one block, a block may run past midnight, DST-aware. */
import type { WorkingHours } from '../schemas/coach';
import { addDays, formatDate, isoWeekday, type CalendarDay } from '../time/calendar-date';
import { epochToLocal, localToEpoch, zoneOffsetMs } from '../time/zone';

/** A half-open span of time `[startMs, endMs)` in epoch milliseconds. */
export type Interval = { startMs: number; endMs: number };

/** One working-hours block on one local day. `uniformOffset` is false when a DST change falls inside it. */
export type WorkBlock = Interval & { date: string; day: CalendarDay; startMinutes: number; uniformOffset: boolean };

const MAX_OFFSET_MS = 14 * 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** `HH:MM` → minutes after midnight (24:00 → 1440). */
export function clockMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/**
 * The blocks that start on one local day, sorted by start, with touching or overlapping entries merged into one. An entry
 * whose end is not after its start runs past midnight into the next day (22:00–02:00). A block starting in a DST gap starts
 * when the clock resumes. Two offset probes just outside the span tell whether it is steady (the common case: plain
 * arithmetic, no further Intl calls) or holds a change (full `localToEpoch` per edge).
 */
export function blocksOfDay(zone: string, workingHours: readonly WorkingHours[], day: CalendarDay): WorkBlock[] {
  const weekday = isoWeekday(day);
  const hoursOfDay = workingHours.filter((h) => h.day === weekday);
  if (hoursOfDay.length === 0) return [];
  const midnight = Date.UTC(day.y, day.m - 1, day.d);
  const offset = zoneOffsetMs(zone, midnight - MAX_OFFSET_MS);
  const steady = offset === zoneOffsetMs(zone, midnight + 2 * DAY_MS + MAX_OFFSET_MS);
  const instant = (minutes: number) => (steady ? midnight + minutes * MINUTE_MS - offset : localToEpoch(zone, { ...day, hh: 0, mm: minutes }));
  const date = formatDate(day);
  const blocks: WorkBlock[] = [];
  for (const hours of hoursOfDay) {
    const startMinutes = clockMinutes(hours.start);
    const endMinutes = clockMinutes(hours.end);
    const startMs = instant(startMinutes);
    const endMs = instant(endMinutes > startMinutes ? endMinutes : endMinutes + 24 * 60);
    if (endMs <= startMs) continue;
    const uniformOffset = steady || zoneOffsetMs(zone, startMs) === zoneOffsetMs(zone, endMs);
    blocks.push({ startMs, endMs, date, day, startMinutes, uniformOffset });
  }
  return mergeBlocks(zone, blocks);
}

/**
 * Sorts blocks and joins those that touch or overlap (also across midnight): the joined block keeps the first one's day and
 * start (its slot grid) and is uniform only when no offset change falls inside it.
 */
export function mergeBlocks(zone: string, blocks: WorkBlock[]): WorkBlock[] {
  const merged: WorkBlock[] = [];
  for (const b of [...blocks].sort((x, y) => x.startMs - y.startMs)) {
    const last = merged[merged.length - 1];
    if (last && b.startMs <= last.endMs) {
      if (b.endMs > last.endMs) {
        last.endMs = b.endMs;
        last.uniformOffset = last.uniformOffset && b.uniformOffset && zoneOffsetMs(zone, last.startMs) === zoneOffsetMs(zone, b.endMs);
      }
    } else merged.push({ ...b });
  }
  return merged;
}

/** All blocks that touch `[fromMs, toMs)` (from the local day before, which may run past midnight), merged and sorted. */
export function blocksBetween(zone: string, workingHours: readonly WorkingHours[], fromMs: number, toMs: number): WorkBlock[] {
  const blocks: WorkBlock[] = [];
  if (workingHours.length === 0 || toMs <= fromMs) return blocks;
  for (let day: CalendarDay = addDays(epochToLocal(zone, fromMs), -1); Date.UTC(day.y, day.m - 1, day.d) - MAX_OFFSET_MS < toMs; day = addDays(day, 1)) {
    blocks.push(...blocksOfDay(zone, workingHours, { y: day.y, m: day.m, d: day.d }));
  }
  return mergeBlocks(zone, blocks).filter((block) => block.endMs > fromMs && block.startMs < toMs);
}

/**
 * The instant of the wall-clock time `minutes` after the block's local midnight, or `null` when
 * that wall time does not exist (DST gap) or is the second occurrence of a repeated hour.
 */
export function wallInstant(zone: string, block: WorkBlock, minutes: number): number | null {
  const wall = Date.UTC(block.day.y, block.day.m - 1, block.day.d, 0, minutes);
  const t = localToEpoch(zone, { ...block.day, hh: 0, mm: minutes });
  return t + zoneOffsetMs(zone, t) === wall ? t : null;
}
