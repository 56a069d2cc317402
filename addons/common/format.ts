/** Small Intl-based formatters for the panel (dates in a zone, durations); no date library. */
import type { Locale } from '../../shared/protocol';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

const tag = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

/**
 * The calendar date `YYYY-MM-DD` of an instant in an IANA zone.
 * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/DateTimeFormat/formatToParts
 */
export function dateInZone(epochMs: number, timeZone: string): string {
  const parts = formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(epochMs);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A due value (`YYYY-MM-DD` or a date-time with offset) as a short date, plus the time when it has one. */
export function formatDue(due: string, timeZone: string, locale: Locale): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(due)) {
    // A plain date has no zone: format it at noon UTC so it never shifts a day.
    return formatter(tag(locale), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(Date.parse(`${due}T12:00:00Z`));
  }
  const ms = Date.parse(due);
  if (Number.isNaN(ms)) return due;
  return formatter(tag(locale), { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** An instant as a date with time in a zone, e.g. "di 14 sep, 10:00". */
export function formatWhen(instant: string, timeZone: string, locale: Locale): string {
  return formatter(tag(locale), { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(Date.parse(instant));
}

/** An instant's time of day in a zone, e.g. "10:00". */
export const formatTime = (instant: string, timeZone: string, locale: Locale): string => formatter(tag(locale), { timeZone, hour: '2-digit', minute: '2-digit' }).format(Date.parse(instant));

/** A duration as `m:ss` (or `h:mm:ss` from an hour), rounded down to whole seconds. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Whole minutes, rounded up, so "0 min" only shows when time is really up. */
export const minutesUp = (ms: number): number => Math.max(0, Math.ceil(ms / 60_000));
