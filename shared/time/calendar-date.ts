/** Calendar dates (no time, no zone): ISO weekday, day arithmetic and `YYYY-MM-DD` strings, via UTC epoch days. */

/** A proleptic Gregorian calendar date; `m` is 1–12. */
export type CalendarDay = { y: number; m: number; d: number };

const DAY_MS = 86_400_000;

/** ISO 8601 weekday of a calendar date: Monday = 1 … Sunday = 7. @see https://en.wikipedia.org/wiki/ISO_week_date */
export function isoWeekday(date: CalendarDay): number {
  const day = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The date `days` later (or earlier, when negative). */
export function addDays(date: CalendarDay, days: number): CalendarDay {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY_MS);
}

/** `YYYY-MM-DD` (RFC 3339 full-date). @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6 */
export function formatDate(date: CalendarDay): string {
  return `${String(date.y).padStart(4, '0')}-${pad2(date.m)}-${pad2(date.d)}`;
}

/** Parses `YYYY-MM-DD`; `null` when malformed or not a real date (e.g. 2027-02-30). */
export function parseDate(value: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return isValidDate(date) ? date : null;
}

/** Whether y/m/d names a day that exists (no 31 April, 29 February only in leap years). */
export function isValidDate(date: CalendarDay): boolean {
  if (!Number.isInteger(date.y) || !Number.isInteger(date.m) || !Number.isInteger(date.d)) return false;
  if (date.m < 1 || date.m > 12 || date.d < 1) return false;
  return date.d <= new Date(Date.UTC(date.y, date.m, 0)).getUTCDate();
}

/** Two digits, zero-padded. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
