/** Quick capture of an agreement (WWW) from one line: "Sanne: stuurt voorstel naar teamleider vóór vrijdag". */
import type { Locale, Who } from '../schemas/common';
import { LIMITS } from '../schemas/limits';
import { parseDate } from '../time/calendar-date';
import { findDuePhrase } from './due-phrases';

/** `today` is the coach's local date `YYYY-MM-DD`; `coacheeName` lets "Sanne:" mean the coachee Sanne. */
export type ShorthandOptions = { today: string; locale: Locale; coacheeName?: string };
/** Who does what by when; `due` is a date `YYYY-MM-DD` or `null`. */
export type Shorthand = { who: Who; what: string; due: string | null };

const COACH_WORDS = new Set(['ik', 'mij', 'coach', 'i', 'me', 'myself']);
const COACHEE_WORDS = new Set(['coachee', 'gecoachte', 'coachklant', 'jij', 'je', 'you']);
const PREFIX = /^\s*([^\d:\n]{1,60}?)\s*:\s*/u;

/**
 * Parses quick-capture shorthand into an agreement draft.
 * - who: a prefix before ":" — "ik"/"I"/"coach" → `coach`; "coachee"/"jij"/"you" or the coachee's
 *   (first) name → `coachee`; any other name (at most four words) → `{ name }`; no prefix → `coachee`.
 * - due: the first due phrase (see `findDuePhrase`), removed from `what`; relative phrases count
 *   from `today`. Dutch and English are both recognised whatever the locale; the locale decides
 *   which short weekday names ("vr", "fri") count.
 * Pure: the caller passes today's date; nothing reads a clock.
 */
export function parseShorthand(input: string, options: ShorthandOptions): Shorthand {
  let rest = input.replace(/\s+/gu, ' ').trim();
  let who: Who = 'coachee';
  const prefix = PREFIX.exec(rest);
  if (prefix?.[1] && isWhoPrefix(prefix[1].trim(), rest)) {
    who = whoFromPrefix(prefix[1].trim(), options.coacheeName);
    rest = rest.slice(prefix[0].length);
  }
  const today = parseDate(options.today);
  if (!today) throw new RangeError(`today must be a date YYYY-MM-DD, got "${options.today}"`);
  const match = findDuePhrase(rest, today, options.locale);
  const what = match ? tidy(`${rest.slice(0, match.start)} ${rest.slice(match.end)}`) : tidy(rest);
  return { who, what: what.slice(0, LIMITS.what), due: match?.due ?? null };
}

/** A name-like prefix: has a letter, at most four words, and is no URL scheme ("https://"). */
function isWhoPrefix(prefix: string, line: string): boolean {
  return /\p{L}/u.test(prefix) && prefix.split(' ').length <= 4 && !line.slice(line.indexOf(':') + 1).startsWith('//');
}

function whoFromPrefix(prefix: string, coacheeName: string | undefined): Who {
  const lower = prefix.toLocaleLowerCase('nl');
  if (COACH_WORDS.has(lower)) return 'coach';
  if (COACHEE_WORDS.has(lower)) return 'coachee';
  const name = coacheeName?.trim().toLocaleLowerCase('nl');
  if (name && (lower === name || lower === name.split(' ')[0])) return 'coachee';
  return { name: prefix.slice(0, LIMITS.name) };
}

/** Removes the gap a cut-out phrase leaves: double spaces, space before punctuation, dangling separators. */
function tidy(text: string): string {
  return trimSeparators(text.replace(/\s+/gu, ' ').replace(/ ([,.;:!?])/gu, '$1'));
}

const SEPARATOR = /[\s,;:–—-]/u;

/**
 * Drops separators at both ends by walking inwards: linear in the length, where an end-anchored `[…]+$` pattern backtracks
 * over every run of separators in the middle (quadratic on a long run of dashes).
 */
function trimSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SEPARATOR.test(text[start]!)) start++;
  while (end > start && SEPARATOR.test(text[end - 1]!)) end--;
  return text.slice(start, end);
}
