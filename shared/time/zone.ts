/** Time-zone maths on epoch milliseconds with one cached Intl.DateTimeFormat per zone (no date library). */
import type { Locale } from '../schemas/common';
import { formatDate, isoWeekday, pad2, type CalendarDay } from './calendar-date';

export { isoWeekday };

/** A wall-clock time in some zone; `hh` may be 24 (= 00:00 the next day), `ss` defaults to 0. */
export type LocalDateTime = CalendarDay & { hh: number; mm: number; ss?: number };

const DAY_MS = 86_400_000;
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The wall-clock time in `zone` at an instant (seconds included, milliseconds dropped).
 * @see https://tc39.es/ecma402/#sec-datetime-format-functions (formatToParts)
 */
export function epochToLocal(zone: string, epochMs: number): Required<LocalDateTime> {
  const out = { y: 0, m: 0, d: 0, hh: 0, mm: 0, ss: 0 };
  for (const part of partsFormatter(zone).formatToParts(epochMs)) {
    switch (part.type) {
      case 'year': out.y = Number(part.value); break;
      case 'month': out.m = Number(part.value); break;
      case 'day': out.d = Number(part.value); break;
      case 'hour': out.hh = Number(part.value) % 24; break;
      case 'minute': out.mm = Number(part.value); break;
      case 'second': out.ss = Number(part.value); break;
    }
  }
  return out;
}

/** The zone's offset from UTC at an instant, in ms (Amsterdam in summer: +7_200_000). */
export function zoneOffsetMs(zone: string, epochMs: number): number {
  const l = epochToLocal(zone, epochMs);
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return Date.UTC(l.y, l.m - 1, l.d, l.hh, l.mm, l.ss) - wholeSecond;
}

/**
 * The instant a wall-clock time in `zone` names. Daylight-saving edges are resolved like
 * Temporal's `disambiguation: 'compatible'`:
 * - in a gap (spring forward, the wall time does not exist) the later reading is taken, i.e. the
 *   wall time moved forward by the gap: Amsterdam 2027-03-28 02:30 → 03:30 CEST;
 * - in an overlap (fall back, the wall time exists twice) the earlier instant is taken:
 *   Amsterdam 2027-10-31 02:30 → 02:30 CEST (00:30Z), not 02:30 CET.
 * @see https://tc39.es/proposal-temporal/docs/timezone.html#ambiguity-due-to-dst-or-other-time-zone-offset-changes
 */
export function localToEpoch(zone: string, local: LocalDateTime): number {
  const wall = Date.UTC(local.y, local.m - 1, local.d, local.hh, local.mm, local.ss ?? 0);
  const before = zoneOffsetMs(zone, wall - DAY_MS);
  const after = zoneOffsetMs(zone, wall + DAY_MS);
  if (before === after) return wall - before;
  const valid = [wall - before, wall - after].filter((t) => zoneOffsetMs(zone, t) === wall - t);
  if (valid.length > 0) return Math.min(...valid);
  return Math.max(wall - before, wall - after);
}

/** The local calendar date in `zone` at an instant, `YYYY-MM-DD`. */
export function localDateString(zone: string, epochMs: number): string {
  return formatDate(epochToLocal(zone, epochMs));
}

/**
 * RFC 3339 date-time with the zone's offset at that instant, e.g. `2027-03-28T09:00:00+02:00`
 * (milliseconds only when non-zero; historic offsets rounded to the minute).
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 */
export function toIsoWithOffset(epochMs: number, zone: string): string {
  const offsetMin = Math.round(zoneOffsetMs(zone, epochMs) / 60_000);
  const t = new Date(epochMs + offsetMin * 60_000);
  const ms = t.getUTCMilliseconds();
  const date = formatDate({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
  const time = `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}${ms ? `.${String(ms).padStart(3, '0')}` : ''}`;
  return `${date}T${time}${formatOffset(offsetMin, true)}`;
}

/** `+02:00` (padded) or `+2` / `+5:30` (short); zero is `+00:00` / `+0`. */
export function formatOffset(offsetMinutes: number, padded: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (padded) return `${sign}${pad2(h)}:${pad2(m)}`;
  return m ? `${sign}${h}:${pad2(m)}` : `${sign}${h}`;
}

/** BCP 47 tags for our locales: Dutch as in the Netherlands, English with day-month order and a 24-hour clock. */
export const LOCALE_TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** How `formatInstant` writes an instant: full date and time, date only, time only, or a short day. */
export type InstantStyle = 'full' | 'date' | 'time' | 'day';

const STYLE_OPTIONS: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  full: { dateStyle: 'full', timeStyle: 'short' },
  date: { dateStyle: 'full' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  day: { weekday: 'short', day: 'numeric', month: 'short' },
};
const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as people read it in `zone`: nl "dinsdag 30 maart 2027 om 13:00",
 * en "Tuesday 30 March 2027 at 13:00" (exact punctuation follows the runtime's CLDR data).
 * @see https://tc39.es/ecma402/#sec-datetimeformat-abstracts
 */
export function formatInstant(epochMs: number, zone: string, locale: Locale, style: InstantStyle = 'full'): string {
  const key = `${zone}|${locale}|${style}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { timeZone: zone, ...STYLE_OPTIONS[style] });
    displayFormatters.set(key, formatter);
  }
  return formatter.format(epochMs);
}

/** Dutch names for zones a Dutch-speaking coachee meets most; others read "tijd in <stad>". */
const DUTCH_ZONE_NAMES: Record<string, string> = {
  'Europe/Amsterdam': 'Nederlandse tijd',
  'Europe/Brussels': 'Belgische tijd',
  'Europe/Luxembourg': 'Luxemburgse tijd',
  'Europe/Berlin': 'Duitse tijd',
  'Europe/Paris': 'Franse tijd',
  'Europe/London': 'Britse tijd',
  'Europe/Dublin': 'Ierse tijd',
  'Europe/Madrid': 'Spaanse tijd',
  'Europe/Lisbon': 'Portugese tijd',
  'America/Paramaribo': 'Surinaamse tijd',
  'America/Curacao': 'Curaçaose tijd',
  'America/Aruba': 'Arubaanse tijd',
};

/**
 * The zone in words a coachee understands, with the abbreviation (when the zone has a common one)
 * and the offset at that instant: nl "Nederlandse tijd (CET, UTC+1)", en "Amsterdam time (CET, UTC+01:00)".
 */
export function zoneInWords(zone: string, locale: Locale, epochMs: number): string {
  const offsetMin = Math.round(zoneOffsetMs(zone, epochMs) / 60_000);
  const offset = `UTC${formatOffset(offsetMin, locale === 'en')}`;
  if (zone === 'UTC' || zone === 'Etc/UTC') return locale === 'nl' ? `UTC-tijd (${offset})` : `UTC (${offset})`;
  const city = (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
  const place = locale === 'nl' ? (DUTCH_ZONE_NAMES[zone] ?? `tijd in ${city}`) : `${city} time`;
  const abbreviation = zoneAbbreviation(zone, epochMs);
  return abbreviation ? `${place} (${abbreviation}, ${offset})` : `${place} (${offset})`;
}

const abbreviationFormatters = new Map<string, Intl.DateTimeFormat[]>();

/** CET, CEST, EST, BST … or `null` when CLDR only knows a "GMT+5:30"-style name for the zone. */
function zoneAbbreviation(zone: string, epochMs: number): string | null {
  let formatters = abbreviationFormatters.get(zone);
  if (!formatters) {
    formatters = ['en-GB', 'en-US'].map((tag) => new Intl.DateTimeFormat(tag, { timeZone: zone, timeZoneName: 'short' }));
    abbreviationFormatters.set(zone, formatters);
  }
  for (const formatter of formatters) {
    const name = formatter.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value;
    if (name && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  return null;
}
