/** Coachees, engagements (trajectories), sessions, agenda items and agreements (WWW). */
import { z } from 'zod';
import { CalendarDate, Due, Id, Instant, LIMITS, Locale, TimeZone, Who, optionalText, text } from './common';
import { InviteMode } from './coach';
import { IntakeQuestions, ONBOARDING_LIMITS } from './onboarding';

/** A coachee (*gecoachte*): usually without an account; reached through capability links. */
export const Coachee = z.object({
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
  locale: Locale,
  timeZone: z.string(),
  inviteMode: InviteMode.nullable(),
  createdAt: Instant,
});
export type Coachee = z.infer<typeof Coachee>;

export const CoacheeCreate = z.strictObject({
  name: text(LIMITS.name),
  email: z.email({ message: 'must be an e-mail address' }).max(LIMITS.email).nullable().optional(),
  locale: Locale.default('nl'),
  timeZone: TimeZone.default('Europe/Amsterdam'),
  inviteMode: InviteMode.nullable().default(null),
});
export type CoacheeCreate = z.infer<typeof CoacheeCreate>;
/** `PATCH /api/coachees/:id`: only the fields sent change (no defaults, unlike create). */
export const CoacheePatch = z.strictObject({
  name: text(LIMITS.name).optional(),
  email: z.email({ message: 'must be an e-mail address' }).max(LIMITS.email).nullable().optional(),
  locale: Locale.optional(),
  timeZone: TimeZone.optional(),
  inviteMode: InviteMode.nullable().optional(),
});

/** Status of a trajectory. */
export const EngagementStatus = z.enum(['active', 'paused', 'closed']);

/** A trajectory (*coachingstraject*) between the coach and one coachee. */
export const Engagement = z.object({
  id: Id,
  coacheeId: Id,
  goal: z.string(),
  modelId: z.string(),
  sessionMinutes: z.int(),
  status: EngagementStatus,
  createdAt: Instant,
  /** The coach's welcome, the first thing the coachee reads on their invitation link. */
  welcome: z.string(),
  /** The trajectory's own intake questions; null = the built-in ones in the coachee's language. */
  intakeQuestions: z.array(z.object({ id: z.string(), text: z.string() })).nullable(),
  /** Touchpoint defaults the coach chose when starting the trajectory (kinds, delays, cadence), as given. */
  touchpoints: z.record(z.string(), z.unknown()).nullable(),
  /** When the coachee agreed to the privacy statement on their link; null until then. */
  consentAt: Instant.nullable(),
  closedAt: Instant.nullable(),
});
export type Engagement = z.infer<typeof Engagement>;

const Welcome = z.string().trim().max(ONBOARDING_LIMITS.welcome, `must be at most ${ONBOARDING_LIMITS.welcome} characters`);
const Touchpoints = z.record(z.string().max(40), z.unknown());

export const EngagementCreate = z.strictObject({
  coacheeId: Id,
  goal: optionalText(LIMITS.goal).default(''),
  modelId: z.string().max(64).default('builtin-coaching'),
  sessionMinutes: z.int().min(15).max(480).default(60),
  welcome: Welcome.default(''),
  intakeQuestions: IntakeQuestions.nullable().default(null),
  touchpoints: Touchpoints.nullable().default(null),
});
export const EngagementPatch = z.strictObject({
  goal: optionalText(LIMITS.goal).optional(),
  modelId: z.string().max(64).optional(),
  sessionMinutes: z.int().min(15).max(480).optional(),
  status: EngagementStatus.optional(),
  welcome: Welcome.optional(),
  intakeQuestions: IntakeQuestions.nullable().optional(),
  touchpoints: Touchpoints.nullable().optional(),
});

/** Whether the session's invite is in the coach's calendar yet. */
export const CalendarStatus = z.enum(['pending', 'synced', 'failed', 'none']);

/** One coaching session. */
export const Session = z.object({
  id: Id,
  engagementId: Id,
  coacheeId: Id,
  startsAt: Instant,
  endsAt: Instant,
  modelId: z.string(),
  calendarStatus: CalendarStatus,
  meetingUrl: z.string().nullable(),
  createdAt: Instant,
});
export type Session = z.infer<typeof Session>;

export const SessionCreate = z
  .strictObject({ engagementId: Id, startsAt: Instant, endsAt: Instant, modelId: z.string().max(64).optional() })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { message: 'must be after startsAt', path: ['endsAt'] })
  .refine((s) => Date.parse(s.endsAt) - Date.parse(s.startsAt) <= 8 * 3600_000, { message: 'a session lasts at most 8 hours', path: ['endsAt'] });

/** Who added an agenda item. */
export const Author = z.enum(['coach', 'coachee']);

/** One agenda item of a session. */
export const AgendaItem = z.object({
  id: Id,
  title: z.string(),
  done: z.boolean(),
  position: z.number(),
  proposedBy: Author,
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AgendaItemCreate = z.strictObject({ id: Id.optional(), title: text(LIMITS.title), done: z.boolean().default(false), position: z.number().finite().optional() });
export const AgendaItemPatch = z.strictObject({ title: text(LIMITS.title).optional(), done: z.boolean().optional(), position: z.number().finite().optional() });

/** Agreement status: open until done or dropped. */
export const AgreementStatus = z.enum(['open', 'done', 'dropped']);
export type AgreementStatus = z.infer<typeof AgreementStatus>;

/** An agreement: who does what, by when (WWW). `carriedOver` marks one made in an earlier session. */
export const Agreement = z.object({
  id: Id,
  sessionId: Id,
  who: Who,
  what: z.string(),
  due: Due.nullable(),
  status: AgreementStatus,
  carriedOver: z.boolean(),
  updatedAt: Instant,
});
export type Agreement = z.infer<typeof Agreement>;

export const AgreementCreate = z.strictObject({ id: Id.optional(), who: Who, what: text(LIMITS.what), due: Due.nullable().optional() });
export const AgreementPatch = z.strictObject({ who: Who.optional(), what: text(LIMITS.what).optional(), due: Due.nullable().optional(), status: AgreementStatus.optional() });

export const NotesPut = z.strictObject({ text: z.string().max(LIMITS.notes, `must be at most ${LIMITS.notes} characters`) });

export { CalendarDate };
