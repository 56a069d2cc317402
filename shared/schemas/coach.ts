/** The coach's profile: locale, time zone, working hours, booking rules and calendar connection. */
import { z } from 'zod';
import { ClockTime, Id, LIMITS, Locale, TimeZone, optionalText, text } from './common';

/**
 * One block of working hours starting on an ISO weekday (Monday = 1), in the coach's time zone. An end before the start runs
 * past midnight into the next day; blocks that touch or overlap count as one window.
 */
export const WorkingHours = z
  .strictObject({ day: z.int().min(1).max(7), start: ClockTime, end: ClockTime })
  .refine((w) => w.start !== w.end, { message: 'end must differ from start (an end before the start runs past midnight)', path: ['end'] });
export type WorkingHours = z.infer<typeof WorkingHours>;

/** Rules the slot finder applies when the next session is booked. */
export const BookingRules = z.strictObject({
  bufferBeforeMinutes: z.int().min(0).max(240),
  bufferAfterMinutes: z.int().min(0).max(240),
  minimumNoticeMinutes: z.int().min(0).max(60 * 24 * 30),
  maxSessionsPerDay: z.int().min(1).max(24),
  slotStepMinutes: z.int().min(5).max(240),
  /** How far ahead a session may be booked or moved (days). */
  bookingHorizonDays: z.int().min(1).max(3650).optional(),
  /** How long before a session the coachee may still cancel it from their link (hours). */
  cancellationNoticeHours: z.int().min(0).max(24 * 30).optional(),
  /** How many upcoming sessions one trajectory may hold at a time when booking from free slots. */
  maxOpenBookings: z.int().min(1).max(20).optional(),
});
export type BookingRules = z.infer<typeof BookingRules>;

/** The booking limits a coach has not set yet: 90 days ahead, cancel up to 24 hours before, one upcoming session at a time. */
export const BOOKING_LIMIT_DEFAULTS = { bookingHorizonDays: 90, cancellationNoticeHours: 24, maxOpenBookings: 1 } as const;

/** Stored booking rules with every limit filled in (rules stored before the limits existed get their defaults). */
export const withBookingLimits = (rules: BookingRules): Required<BookingRules> => ({ ...BOOKING_LIMIT_DEFAULTS, ...rules });

/** What the invite shows: agenda and agreements (`full`) or only the link to the session page. */
export const InviteMode = z.enum(['full', 'link_only']);
export type InviteMode = z.infer<typeof InviteMode>;

/** Calendar providers behind one port; `local` is the embedded default. */
export const CalendarProviderName = z.enum(['local', 'google', 'microsoft']);
export type CalendarProviderName = z.infer<typeof CalendarProviderName>;

/** Where meetings happen for this coach's sessions. */
export const MeetingHost = z.enum(['none', 'meet', 'teams', 'zoom']);
export type MeetingHost = z.infer<typeof MeetingHost>;

/** `GET /api/me`. */
export const Coach = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  locale: Locale,
  timeZone: z.string(),
  workingHours: z.array(WorkingHours),
  bookingRules: BookingRules,
  inviteMode: InviteMode,
  meetingHost: MeetingHost,
  referralContacts: z.string(),
  calendar: z.object({
    provider: CalendarProviderName,
    icsUrl: z.string().optional(),
    /** Connections whose grant the provider refused (revoked, expired): the coach reconnects them; their sessions wait as pending. */
    reconnect: z.array(z.enum(['google', 'microsoft', 'zoom'])).optional(),
    /** Zoom is connected: sessions get a Zoom meeting when the coach meets in Zoom. */
    zoom: z.boolean().optional(),
  }),
});
export type Coach = z.infer<typeof Coach>;

/** `PATCH /api/me`. */
export const CoachPatch = z.strictObject({
  name: text(LIMITS.name).optional(),
  locale: Locale.optional(),
  timeZone: TimeZone.optional(),
  workingHours: z.array(WorkingHours).max(21).optional(),
  bookingRules: BookingRules.partial().optional(),
  inviteMode: InviteMode.optional(),
  meetingHost: MeetingHost.optional(),
  referralContacts: optionalText(LIMITS.goal).optional(),
});
export type CoachPatch = z.infer<typeof CoachPatch>;

/** Defaults for a new coach: Amsterdam, Monday–Friday 09:00–17:00, Dutch. */
export const DEFAULT_COACH_SETTINGS = {
  locale: 'nl' as Locale,
  timeZone: 'Europe/Amsterdam',
  workingHours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
  bookingRules: { bufferBeforeMinutes: 0, bufferAfterMinutes: 15, minimumNoticeMinutes: 12 * 60, maxSessionsPerDay: 4, slotStepMinutes: 30, ...BOOKING_LIMIT_DEFAULTS },
  inviteMode: 'full' as InviteMode,
  meetingHost: 'none' as MeetingHost,
} satisfies Partial<Coach>;
