/** Due-date phrases in Dutch and English ("vóór vrijdag", "3 maart", "next week", "in 2 weeks") → a calendar date. */
import type { Locale } from '../schemas/common';
import { addDays, formatDate, isValidDate, isoWeekday, type CalendarDay } from '../time/calendar-date';

/** A due phrase found in a text: where it is, and the date it means. */
export type DueMatch = { start: number; end: number; due: string };

type Matcher = { pattern: RegExp; resolve: (m: RegExpExecArray, today: CalendarDay) => CalendarDay | null };

const L = '(?<![\\p{L}\\p{N}\\-/])';
const R = '(?![\\p{L}\\p{N}]|[-/]\\d)';
/** Words that may introduce a due date; they are removed together with it. */
const PREP = '(?:(?:vóór|voor|uiterlijk(?:\\s+op)?|op|tegen|tot(?:\\s+en\\s+met)?|by|before|on|due(?:\\s+on)?|no\\s+later\\s+than|until)\\s+)';

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1, februari: 2, february: 2, feb: 2, maart: 3, march: 3, mrt: 3, mar: 3, april: 4, apr: 4,
  mei: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7, augustus: 8, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;

const WEEKDAYS: Record<string, number> = {
  maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6, zondag: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
/** Short weekday names, only recognised after a preposition and only in their own locale ("do" is also an English verb). */
const SHORT_WEEKDAYS: Record<Locale, Record<string, number>> = {
  nl: { ma: 1, di: 2, wo: 3, do: 4, vr: 5, za: 6, zo: 7 },
  en: { mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7 },
};
const NUMBERS: Record<string, number> = { een: 1, één: 1, a: 1, an: 1, one: 1, twee: 2, two: 2, drie: 3, three: 3, vier: 4, four: 4, vijf: 5, five: 5, zes: 6, six: 6 };
const NUMBER = `(\\d{1,2}|${Object.keys(NUMBERS).join('|')})`;
const MODIFIER = '(?:(?:volgende|aanstaande|komende|next|this|coming)\\s+)?';

const re = (source: string) => new RegExp(`${L}${source}${R}`, 'iu');
const num = (word: string) => NUMBERS[word.toLowerCase()] ?? Number(word);
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
const endOfMonth = (t: CalendarDay): CalendarDay => ({ y: t.y, m: t.m, d: new Date(Date.UTC(t.y, t.m, 0)).getUTCDate() });

/** Next day with this ISO weekday strictly after `today` (today's weekday → a week later). */
export function nextWeekday(today: CalendarDay, weekday: number): CalendarDay {
  const ahead = (weekday - isoWeekday(today) + 7) % 7 || 7;
  return addDays(today, ahead);
}

/** A date without a year: this year if still to come (today counts), else next year. */
function upcoming(today: CalendarDay, m: number, d: number, year?: number): CalendarDay | null {
  const date = { y: year ?? today.y, m, d };
  if (year === undefined && (m < today.m || (m === today.m && d < today.d))) date.y += 1;
  return isValidDate(date) ? date : null;
}

function addMonths(t: CalendarDay, n: number): CalendarDay {
  const first = { y: t.y + Math.floor((t.m - 1 + n) / 12), m: ((t.m - 1 + n) % 12) + 1, d: 1 };
  return { ...first, d: Math.min(t.d, endOfMonth(first).d) };
}

function fridayOfWeek(today: CalendarDay, weeksAhead: number): CalendarDay {
  return addDays(today, 5 - isoWeekday(today) + 7 * weeksAhead);
}

function matchers(locale: Locale): Matcher[] {
  const short = Object.keys(SHORT_WEEKDAYS[locale]).join('|');
  const weekdayOf = (word: string) => WEEKDAYS[word.toLowerCase()] ?? SHORT_WEEKDAYS[locale][word.toLowerCase()] ?? 0;
  return [
    { pattern: re(`${PREP}?(\\d{4})-(\\d{2})-(\\d{2})`), resolve: (m, t) => upcoming(t, Number(m[2]), Number(m[3]), Number(m[1])) },
    {
      pattern: re(`${PREP}?(\\d{1,2})\\s+${MONTH}(?:\\s+(\\d{4}))?`),
      resolve: (m, t) => upcoming(t, MONTHS[(m[2] ?? '').toLowerCase()] ?? 0, Number(m[1]), m[3] ? Number(m[3]) : undefined),
    },
    {
      pattern: re(`${PREP}?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`),
      resolve: (m, t) => upcoming(t, MONTHS[(m[1] ?? '').toLowerCase()] ?? 0, Number(m[2]), m[3] ? Number(m[3]) : undefined),
    },
    {
      pattern: re(`${PREP}?(\\d{1,2})[-/](\\d{1,2})(?:[-/](\\d{4}|\\d{2}))?`),
      resolve: (m, t) => upcoming(t, Number(m[2]), Number(m[1]), m[3] ? fullYear(m[3]) : undefined),
    },
    { pattern: re(`${PREP}?(?:vandaag|today|vanavond|tonight)`), resolve: (_m, t) => t },
    { pattern: re(`${PREP}?(?:overmorgen|the\\s+day\\s+after\\s+tomorrow)`), resolve: (_m, t) => addDays(t, 2) },
    { pattern: re(`${PREP}?(?:morgen(?:ochtend|middag|avond)?|tomorrow(?:\\s+(?:morning|afternoon|evening))?)`), resolve: (_m, t) => addDays(t, 1) },
    {
      pattern: re(`${PREP}?(?:volgende\\s+week|next\\s+week)\\s+(${Object.keys(WEEKDAYS).join('|')})`),
      resolve: (m, t) => addDays(t, 7 - isoWeekday(t) + weekdayOf(m[1] ?? '')),
    },
    { pattern: re(`${PREP}?(?:volgende\\s+week|next\\s+week)`), resolve: (_m, t) => fridayOfWeek(t, 1) },
    { pattern: re(`${PREP}?(?:deze\\s+week|this\\s+week|(?:het\\s+)?eind(?:e)?\\s+van\\s+de(?:ze)?\\s+week|(?:the\\s+)?end\\s+of\\s+(?:the|this)\\s+week)`), resolve: (_m, t) => (isoWeekday(t) > 5 ? t : fridayOfWeek(t, 0)) },
    { pattern: re(`${PREP}?(?:(?:het\\s+)?eind(?:e)?\\s+van\\s+de(?:ze)?\\s+maand|(?:the\\s+)?end\\s+of\\s+(?:the|this)\\s+month)`), resolve: (_m, t) => endOfMonth(t) },
    {
      pattern: re(`(?:over|binnen|in|within)\\s+${NUMBER}\\s+(dagen|dag|days?|weken|week|weeks?|maanden|maand|months?)`),
      resolve: (m, t) => {
        const n = num(m[1] ?? '');
        const unit = (m[2] ?? '').toLowerCase();
        if (unit.startsWith('d')) return addDays(t, n);
        if (unit.startsWith('w')) return addDays(t, 7 * n);
        return addMonths(t, n);
      },
    },
    { pattern: re(`${PREP}${MODIFIER}(${Object.keys(WEEKDAYS).join('|')}|${short})\\.?`), resolve: (m, t) => nextWeekday(t, weekdayOf(m[1] ?? '')) },
    { pattern: re(`${MODIFIER}(${Object.keys(WEEKDAYS).join('|')})`), resolve: (m, t) => nextWeekday(t, weekdayOf(m[1] ?? '')) },
  ];
}

const cache = new Map<Locale, Matcher[]>();

/**
 * Finds the first due phrase in `text`, trying explicit dates first (ISO, "3 maart", "March 3",
 * "3-4"), then relative words, then weekdays. Day-month order is European ("3-4" = 3 April).
 * "Volgende week"/"next week" means Friday of next ISO week: a deadline at the end of that week,
 * so it is not overdue on Tuesday. A weekday is the next such day after today.
 */
export function findDuePhrase(text: string, today: CalendarDay, locale: Locale): DueMatch | null {
  let list = cache.get(locale);
  if (!list) {
    list = matchers(locale);
    cache.set(locale, list);
  }
  for (const { pattern, resolve } of list) {
    const m = pattern.exec(text);
    if (!m) continue;
    const date = resolve(m, today);
    if (date) return { start: m.index, end: m.index + m[0].length, due: formatDate(date) };
  }
  return null;
}
