/** Common wire types of API v1: ids, locales, instants, dates, text limits. */
import { z } from 'zod';

import { LIMITS } from './limits';

export { LIMITS };

/** Our own resource ids: URL-safe, 8–64 characters (UUIDs in practice). */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an id');
export type Id = z.infer<typeof Id>;

/** The two locales the product speaks; Dutch first. */
export const Locale = z.enum(['nl', 'en']);
export type Locale = z.infer<typeof Locale>;

/**
 * No C0 control characters except newline and tab, and no DEL: a carriage return or a form feed in a title could end a
 * line in a calendar client's iCalendar parser, and nothing a person types needs them.
 * @see https://www.rfc-editor.org/rfc/rfc5545#section-3.3.11
 */
const NO_CONTROLS = /^[^\u0000-\u0008\u000B-\u001F\u007F]*$/;
const NO_CONTROLS_MESSAGE = 'must not contain control characters (line breaks and tabs are fine)';

/** A trimmed, non-empty text of at most `max` characters, without control characters other than newline and tab. */
export const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).regex(NO_CONTROLS, NO_CONTROLS_MESSAGE);

/** Like `text`, but may be empty (a goal, a summary, contact details). */
export const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).regex(NO_CONTROLS, NO_CONTROLS_MESSAGE);

/** An instant, ISO 8601 with an explicit offset (RFC 3339), e.g. `2027-03-28T09:00:00+02:00`. */
export const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' });
export type Instant = z.infer<typeof Instant>;

/** A calendar date `YYYY-MM-DD` that exists. */
export const CalendarDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

/** An agreement's due moment: a date, or a date-time with offset. */
export const Due = z.union([CalendarDate, Instant], { message: 'must be a date YYYY-MM-DD or an ISO 8601 date-time with offset' });
export type Due = z.infer<typeof Due>;

/** An IANA time zone name such as `Europe/Amsterdam`; checked against the runtime's ICU data. */
export const TimeZone = z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/Amsterdam');

/** Whether the runtime's ICU data knows this IANA zone name (region/city form, or UTC). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

/** Clock time `HH:MM`, 00:00–24:00. */
export const ClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM');

/** Who carries out an agreement (WWW: *wie*): the coachee, the coach, or someone named. */
export const Who = z.union([z.literal('coachee'), z.literal('coach'), z.strictObject({ name: text(LIMITS.name) })], {
  message: 'must be "coachee", "coach" or { "name": … }',
});
export type Who = z.infer<typeof Who>;
