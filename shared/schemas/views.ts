/** Read models: the panel's one-call payload, the invite preview and the coachee's view. */
import { z } from 'zod';
import { Coach } from './coach';
import { ConversationModel } from './model';
import { CalendarStatus, Coachee, Engagement, Session } from './session';
import { LiveState } from './live';
import { Instant, Locale } from './common';
import { CancelledSession, Onboarding } from './onboarding';
import { CoacheePrefs, TimelineItem } from './touchpoints';

/** The invite block as it will be written into the calendar event. */
export const InvitePreview = z.object({
  sessionId: z.string(),
  mode: z.enum(['full', 'link_only']),
  locale: Locale,
  coacheeUrl: z.string(),
  text: z.string(),
  html: z.string(),
});
export type InvitePreview = z.infer<typeof InvitePreview>;

/** `GET /api/sessions/:id/panel`: everything the side panel shows, in one response. */
export const PanelData = z.object({
  coach: Coach.pick({ id: true, name: true, locale: true, timeZone: true }),
  session: Session,
  engagement: Engagement,
  coachee: Coachee,
  model: ConversationModel,
  models: z.array(z.object({ id: z.string(), name: z.string(), locale: Locale, builtIn: z.boolean() })),
  state: LiveState,
  seq: z.int(),
  invite: InvitePreview,
  previousSession: z.object({ id: z.string(), startsAt: Instant }).nullable(),
  nextSession: z.object({ id: z.string(), startsAt: Instant, endsAt: Instant, calendarStatus: CalendarStatus }).nullable(),
  /** The coachee's intake, only in the panel of a trajectory's first session (never on an invite). */
  intake: Onboarding.shape.intake.nullable().optional(),
  /** Connections whose grant the provider refused, while this session waits for its calendar write: the coach reconnects in /app. */
  reconnect: z.array(z.enum(['google', 'microsoft', 'zoom'])).optional(),
  liveUrl: z.string(),
  serverTime: Instant,
});
export type PanelData = z.infer<typeof PanelData>;

/** `GET /api/c/:token`: what a coachee sees from their link; never notes, never prompts. */
export const CoacheeView = z.object({
  coachName: z.string(),
  coacheeName: z.string(),
  locale: Locale,
  timeZone: z.string(),
  goal: z.string(),
  session: z.object({ id: z.string(), startsAt: Instant, endsAt: Instant, meetingUrl: z.string().nullable() }).nullable(),
  nextSession: z.object({ id: z.string(), startsAt: Instant, endsAt: Instant }).nullable(),
  agenda: LiveState.shape.agenda,
  agreements: LiveState.shape.agreements,
  seq: z.int(),
  expiresAt: Instant,
  /** Whether `/api/c/:token/sessions/:id/invite.ics` serves invite files (the coach's calendar is the local one). */
  inviteFiles: z.boolean(),
  /** The invitation's first steps: the coach's welcome, consent to the privacy statement, the intake questionnaire. */
  onboarding: Onboarding,
  /** A closed trajectory: the link shows its history and accepts no changes. */
  closed: z.boolean(),
  /** Sessions still to come, soonest first; `cancellable` while the coach's cancellation notice allows it. */
  upcoming: z.array(z.object({ id: z.string(), startsAt: Instant, endsAt: Instant, cancellable: z.boolean() })),
  /** Sessions that took place and sessions that were cancelled, latest first. */
  history: z.array(z.object({ id: z.string(), startsAt: Instant, endsAt: Instant, status: z.enum(['held', 'cancelled']), cancelledBy: z.enum(['coach', 'coachee']).nullable() })),
  /** The coach's booking limits as they apply to this trajectory now. */
  booking: z.object({ openBookings: z.int(), maxOpenBookings: z.int(), horizonDays: z.int(), cancellationNoticeHours: z.int() }),
});
export type CoacheeView = z.infer<typeof CoacheeView>;

/** `GET /api/sessions/:id/referral`: the referral checklist (coach's language), the crisis line of the coachee's locale, the coach's own contacts. */
export const ReferralView = z.object({
  checklist: z.object({
    title: z.string(),
    intro: z.string(),
    signals: z.array(z.string()),
    steps: z.array(z.string()),
    ownContactsHeading: z.string(),
    privacyNote: z.string(),
  }),
  crisisLine: z.object({ locale: Locale, name: z.string(), phones: z.array(z.string()), chat: z.string().nullable(), text: z.string() }),
  contacts: z.string(),
});
export type ReferralView = z.infer<typeof ReferralView>;

/** `GET /api/coachees/:id/export`: everything stored about one coachee. */
export const CoacheeExport = z.object({
  exportedAt: Instant,
  coachee: Coachee,
  engagements: z.array(
    Engagement.extend({
      sessions: z.array(Session.extend({ state: LiveState })),
      intake: Onboarding.shape.intake.optional(),
      cancelledSessions: z.array(CancelledSession).optional(),
      /** Between sessions: every touchpoint with the coachee's answers, and their mail preferences. */
      between: z.object({ items: z.array(TimelineItem), prefs: CoacheePrefs }).optional(),
    }),
  ),
});
export type CoacheeExport = z.infer<typeof CoacheeExport>;
