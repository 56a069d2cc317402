/** Weekly working hours turned into concrete instants: one block per working-hours entry per local day, DST-aware. */
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
 * The blocks of one local day, sorted by start. A block starting in a DST gap starts when the clock
 * resumes. Two offset probes just outside the local day tell whether the day is steady (the common
 * case: plain arithmetic, no further Intl calls) or holds a change (full `localToEpoch` per edge).
 */
export function blocksOfDay(zone: string, workingHours: readonly WorkingHours[], day: CalendarDay): WorkBlock[] {
  const weekday = isoWeekday(day);
  const hoursOfDay = workingHours.filter((h) => h.day === weekday);
  if (hoursOfDay.length === 0) return [];
  const midnight = Date.UTC(day.y, day.m - 1, day.d);
  const offset = zoneOffsetMs(zone, midnight - MAX_OFFSET_MS);
  const steady = offset === zoneOffsetMs(zone, midnight + DAY_MS + MAX_OFFSET_MS);
  const instant = (minutes: number) => (steady ? midnight + minutes * MINUTE_MS - offset : localToEpoch(zone, { ...day, hh: 0, mm: minutes }));
  const date = formatDate(day);
  const blocks: WorkBlock[] = [];
  for (const hours of hoursOfDay) {
    const startMinutes = clockMinutes(hours.start);
    const startMs = instant(startMinutes);
    const endMs = instant(clockMinutes(hours.end));
    if (endMs <= startMs) continue;
    const uniformOffset = steady || zoneOffsetMs(zone, startMs) === zoneOffsetMs(zone, endMs);
    blocks.push({ startMs, endMs, date, day, startMinutes, uniformOffset });
  }
  return blocks.sort((a, b) => a.startMs - b.startMs);
}

/** All blocks of the local days that touch `[fromMs, toMs)`, sorted by start. */
export function blocksBetween(zone: string, workingHours: readonly WorkingHours[], fromMs: number, toMs: number): WorkBlock[] {
  const blocks: WorkBlock[] = [];
  if (workingHours.length === 0 || toMs <= fromMs) return blocks;
  for (let day: CalendarDay = epochToLocal(zone, fromMs); Date.UTC(day.y, day.m - 1, day.d) - MAX_OFFSET_MS < toMs; day = addDays(day, 1)) {
    for (const block of blocksOfDay(zone, workingHours, { y: day.y, m: day.m, d: day.d })) {
      if (block.endMs > fromMs && block.startMs < toMs) blocks.push(block);
    }
  }
  return blocks;
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
