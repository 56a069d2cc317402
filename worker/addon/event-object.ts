/** The event object Google posts to the add-on's endpoints (the fields we read) and the locale and zone the cards use. */
import { z } from 'zod';
import { isTimeZone, type Locale } from '../../shared/protocol';

/**
 * The parts of the event object we read; everything else Google sends is ignored, not refused.
 * @see https://developers.google.com/workspace/add-ons/concepts/event-objects
 */
export const AddonEvent = z.object({
  commonEventObject: z
    .object({
      hostApp: z.string().max(32).optional(),
      userLocale: z.string().max(35).optional(),
      timeZone: z.object({ id: z.string().max(64).optional() }).optional(),
      parameters: z.record(z.string().max(128), z.string().max(1024)).optional(),
    })
    .optional(),
  calendar: z
    .object({
      id: z.string().max(1024).optional(),
      calendarId: z.string().max(1024).optional(),
      recurringEventId: z.string().max(1024).optional(),
    })
    .optional(),
  authorizationEventObject: z.object({ userIdToken: z.string().max(8192).optional() }).optional(),
});
export type AddonEvent = z.infer<typeof AddonEvent>;

/**
 * The cards' language: the user's Calendar language when it is Dutch or English (`userLocale` such as `nl`, `en-GB`; sent with
 * `useLocaleFromApp` and the `script.locale` scope), else the coach's profile, else Dutch.
 * @see https://developers.google.com/workspace/add-ons/guides/access-user-locale-timezone
 */
export function cardLocale(event: AddonEvent, coachLocale: Locale | null): Locale {
  const tag = event.commonEventObject?.userLocale?.toLowerCase() ?? '';
  if (tag === 'nl' || tag.startsWith('nl-') || tag.startsWith('nl_')) return 'nl';
  if (tag === 'en' || tag.startsWith('en-') || tag.startsWith('en_')) return 'en';
  return coachLocale ?? 'nl';
}

/** The zone times are shown in: the user's Calendar zone when Google sends a valid one, else the coach's. */
export function cardZone(event: AddonEvent, coachZone: string): string {
  const id = event.commonEventObject?.timeZone?.id;
  return id && isTimeZone(id) ? id : coachZone;
}
