/** Between sessions: touchpoint kinds and statuses, the trajectory's touchpoint settings, the coachee's forms and preferences, alerts and progress. */
import { z } from 'zod';
import { Id, Instant, Locale } from './common';

/** What a touchpoint is. @see DESIGN.md "API v1, second part" */
export const TouchpointKind = z.enum(['reflection', 'checkin', 'reminder.session', 'reminder.agreement', 'learning', 'evaluation', 'followup']);
export type TouchpointKind = z.infer<typeof TouchpointKind>;

/** Where a touchpoint stands. */
export const TouchpointStatus = z.enum(['planned', 'sent', 'answered', 'skipped', 'cancelled', 'failed']);
export type TouchpointStatus = z.infer<typeof TouchpointStatus>;

/** Text limits of the between-session forms. */
export const TOUCHPOINT_LIMITS = { answer: 2000, comment: 1000, question: 300, questions: 6, message: 1500, learningItems: 12 } as const;

const Question = z.string().trim().min(1, 'must not be empty').max(TOUCHPOINT_LIMITS.question, `must be at most ${TOUCHPOINT_LIMITS.question} characters`);
const Toggle = z.boolean();

/** The built-in micro-learning items a coach can pick. */
export const LearningId = z.enum(['grow', 'core-qualities', 'logical-levels', 'listen-summarise-ask', 'circle-of-influence']);
export type LearningId = z.infer<typeof LearningId>;

/** One micro-learning pick: sent at a time, or as soon as it is saved when `at` is absent. */
export const LearningPick = z.strictObject({ id: LearningId, at: Instant.optional() });

/** The trajectory's touchpoint settings (every field has a default; see `DEFAULT_TOUCHPOINT_SETTINGS`). */
export const TouchpointSettings = z.object({
  paused: z.boolean(),
  reflection: z.object({ enabled: Toggle, delayHours: z.int().min(1).max(24 * 14), questions: z.array(Question).max(TOUCHPOINT_LIMITS.questions).nullable() }),
  checkin: z.object({ enabled: Toggle, cadenceDays: z.int().min(1).max(42) }),
  'reminder.session': z.object({ enabled: Toggle, hoursBefore: z.int().min(1).max(24 * 7) }),
  'reminder.agreement': z.object({ enabled: Toggle, hoursBefore: z.int().min(1).max(24 * 7) }),
  learning: z.object({ enabled: Toggle, items: z.array(LearningPick).max(TOUCHPOINT_LIMITS.learningItems) }),
  evaluation: z.object({ enabled: Toggle }),
  followup: z.object({ enabled: Toggle, delayDays: z.int().min(7).max(365) }),
  /** The coach's personal message to a coachee after a low check-in score; null = the built-in text in the coachee's language. */
  lowScoreMessage: z.string().trim().max(TOUCHPOINT_LIMITS.message).nullable(),
});
export type TouchpointSettings = z.infer<typeof TouchpointSettings>;

/** Defaults from the domain: reflection a day after, weekly check-ins, reminders a day before, follow-up after six weeks. */
export const DEFAULT_TOUCHPOINT_SETTINGS: TouchpointSettings = {
  paused: false,
  reflection: { enabled: true, delayHours: 24, questions: null },
  checkin: { enabled: true, cadenceDays: 7 },
  'reminder.session': { enabled: true, hoursBefore: 24 },
  'reminder.agreement': { enabled: true, hoursBefore: 24 },
  learning: { enabled: true, items: [] },
  evaluation: { enabled: true },
  followup: { enabled: true, delayDays: 42 },
  lowScoreMessage: null,
};

/** `PATCH /api/engagements/:id/touchpoints`: only what is sent changes, per kind. */
export const TouchpointSettingsPatch = z.strictObject({
  paused: z.boolean().optional(),
  reflection: z.strictObject({ enabled: Toggle.optional(), delayHours: TouchpointSettings.shape.reflection.shape.delayHours.optional(), questions: TouchpointSettings.shape.reflection.shape.questions.optional() }).optional(),
  checkin: z.strictObject({ enabled: Toggle.optional(), cadenceDays: TouchpointSettings.shape.checkin.shape.cadenceDays.optional() }).optional(),
  'reminder.session': z.strictObject({ enabled: Toggle.optional(), hoursBefore: z.int().min(1).max(24 * 7).optional() }).optional(),
  'reminder.agreement': z.strictObject({ enabled: Toggle.optional(), hoursBefore: z.int().min(1).max(24 * 7).optional() }).optional(),
  learning: z.strictObject({ enabled: Toggle.optional(), items: TouchpointSettings.shape.learning.shape.items.optional() }).optional(),
  evaluation: z.strictObject({ enabled: Toggle.optional() }).optional(),
  followup: z.strictObject({ enabled: Toggle.optional(), delayDays: TouchpointSettings.shape.followup.shape.delayDays.optional() }).optional(),
  lowScoreMessage: TouchpointSettings.shape.lowScoreMessage.optional(),
});
export type TouchpointSettingsPatch = z.infer<typeof TouchpointSettingsPatch>;

/** The coachee's own choices, from the preferences page every mail links to. */
export const CoacheePrefs = z.object({
  /** No check-ins, reflections or micro-learning before this instant (session reminders still come). */
  pausedUntil: Instant.nullable(),
  /** Check-ins at half the coach's cadence. */
  fewerCheckins: z.boolean(),
  /** No mail at all: everything still shows on the coachee's page. */
  mailOff: z.boolean(),
});
export type CoacheePrefs = z.infer<typeof CoacheePrefs>;
export const DEFAULT_COACHEE_PREFS: CoacheePrefs = { pausedUntil: null, fewerCheckins: false, mailOff: false };
export const CoacheePrefsPatch = z.strictObject({ pausedUntil: Instant.nullable().optional(), fewerCheckins: z.boolean().optional(), mailOff: z.boolean().optional() });

/** The coachee's answer; which fields count depends on the kind (check-in: score + comment; reflection and evaluation: answers). */
export const TouchpointAnswer = z.strictObject({
  answers: z.array(z.string().trim().max(TOUCHPOINT_LIMITS.answer, `must be at most ${TOUCHPOINT_LIMITS.answer} characters`)).max(TOUCHPOINT_LIMITS.questions).optional(),
  score: z.int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').optional(),
  comment: z.string().trim().max(TOUCHPOINT_LIMITS.comment, `must be at most ${TOUCHPOINT_LIMITS.comment} characters`).optional(),
});
export type TouchpointAnswer = z.infer<typeof TouchpointAnswer>;

/** One row of `GET /api/engagements/:id/timeline`. */
export const TimelineItem = z.object({
  id: Id,
  kind: TouchpointKind,
  dueAt: Instant,
  status: TouchpointStatus,
  sessionId: z.string().optional(),
  agreementId: z.string().optional(),
  learningId: z.string().optional(),
  score: z.int().optional(),
  answeredAt: Instant.optional(),
  /** The coachee's answers (reflections, evaluation) and check-in comment: shared with the coach. */
  answers: z.array(z.object({ question: z.string(), text: z.string() })).optional(),
  comment: z.string().optional(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;
export const Timeline = z.object({ paused: z.boolean(), items: z.array(TimelineItem) });
export type Timeline = z.infer<typeof Timeline>;

/** `GET /api/c/:token/touchpoints/:id`: one form (or message) for the coachee. */
export const CoacheeTouchpoint = z.object({
  id: Id,
  kind: TouchpointKind,
  status: TouchpointStatus,
  dueAt: Instant,
  locale: Locale,
  coachName: z.string(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(z.string()),
  /** Check-ins and the evaluation ask a score 1–5. */
  asksScore: z.boolean(),
  scoreLabels: z.array(z.string()),
  answers: z.array(z.string()).nullable(),
  score: z.int().nullable(),
  comment: z.string().nullable(),
  /** Micro-learning body paragraphs, or the agreement in WWW form, or the session's time. */
  body: z.array(z.string()),
  agreement: z.object({ id: z.string(), what: z.string(), due: z.string().nullable(), status: z.string() }).nullable(),
  /** After a low check-in score: the coach's personal message. */
  message: z.string().nullable(),
});
export type CoacheeTouchpoint = z.infer<typeof CoacheeTouchpoint>;

/** `GET /api/c/:token/touchpoints`: what reached the coachee between sessions, open forms first. */
export const CoacheeTouchpointList = z.object({
  items: z.array(z.object({ id: Id, kind: TouchpointKind, status: TouchpointStatus, dueAt: Instant, title: z.string() })),
  prefs: CoacheePrefs,
});
export type CoacheeTouchpointList = z.infer<typeof CoacheeTouchpointList>;

/** A coach's alert: a low check-in score, or an answer that came in. */
export const Alert = z.object({
  id: Id,
  kind: z.enum(['low_score', 'answer']),
  engagementId: Id,
  coacheeName: z.string(),
  touchpointId: Id,
  touchpointKind: TouchpointKind,
  score: z.int().nullable(),
  previousScore: z.int().nullable(),
  comment: z.string().nullable(),
  createdAt: Instant,
  readAt: Instant.nullable(),
});
export type Alert = z.infer<typeof Alert>;
export const AlertList = z.object({ alerts: z.array(Alert), unread: z.int() });
export type AlertList = z.infer<typeof AlertList>;

/** `GET /api/engagements/:id/progress`: series for a chart (values 1–5 over time). */
export const ProgressSeries = z.object({
  series: z.array(z.object({ key: z.enum(['checkin', 'evaluation']), points: z.array(z.object({ at: Instant, value: z.int(), touchpointId: Id })) })),
  sessions: z.array(z.object({ id: z.string(), startsAt: Instant })),
});
export type ProgressSeries = z.infer<typeof ProgressSeries>;

/** `GET /api/sessions/:id/between`: what came in since the previous session, for the next session's panel. */
export const BetweenSessions = z.object({
  since: Instant.nullable(),
  items: z.array(TimelineItem),
  alerts: z.array(Alert),
});
export type BetweenSessions = z.infer<typeof BetweenSessions>;

/** The coach's mail choice. */
export const CoachMailPrefs = z.object({ digest: z.boolean() });
export const CoachMailPrefsPut = z.strictObject({ digest: z.boolean() });

/** One mail the local mailer delivered (`GET /api/dev/mailbox`). */
export const DevMail = z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), html: z.string(), sentAt: Instant, headers: z.record(z.string(), z.string()) });
export const DevMailbox = z.object({ messages: z.array(DevMail) });
