/** The coachee's first steps on their invitation link (welcome, consent, intake), and the session changes both sides make. */
import { z } from 'zod';
import { Id, Instant, text } from './common';

/** Longest welcome text, intake question and intake answer (characters). */
export const ONBOARDING_LIMITS = { welcome: 2000, question: 300, answer: 4000, questions: 12 } as const;

/** One intake question of a trajectory; `id` is stable so answers survive edits of the wording. */
export const IntakeQuestion = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be 1–32 lowercase letters, digits or dashes'),
  text: text(ONBOARDING_LIMITS.question),
});
export type IntakeQuestion = z.infer<typeof IntakeQuestion>;

/** A trajectory's own intake questions: unique ids, at most 12; `null` = the built-in questions in the coachee's language. */
export const IntakeQuestions = z
  .array(IntakeQuestion)
  .max(ONBOARDING_LIMITS.questions)
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, { message: 'question ids must be unique' });

/** One answer as typed; an empty text clears it. */
export const IntakeAnswer = z.strictObject({ questionId: z.string().max(32), text: z.string().max(ONBOARDING_LIMITS.answer, `must be at most ${ONBOARDING_LIMITS.answer} characters`) });
export type IntakeAnswer = z.infer<typeof IntakeAnswer>;

/** `PUT /api/c/:token/intake`: the answers sent replace those with the same `questionId`; others stay. */
export const IntakePut = z.strictObject({ answers: z.array(IntakeAnswer).max(ONBOARDING_LIMITS.questions) });

/** The intake of a trajectory: its questions and the coachee's answers so far. */
export const Intake = z.object({
  questions: z.array(z.object({ id: z.string(), text: z.string() })),
  answers: z.array(z.object({ questionId: z.string(), text: z.string(), updatedAt: Instant })),
});
export type Intake = z.infer<typeof Intake>;

/** `onboarding` in `GET /api/c/:token`; also `GET /api/engagements/:id/intake` (with when consent was given). */
export const Onboarding = z.object({ welcome: z.string(), consentGiven: z.boolean(), intake: Intake });
export type Onboarding = z.infer<typeof Onboarding>;
export const EngagementIntake = Onboarding.extend({ consentAt: Instant.nullable() });

/** `POST /api/sessions/:id/cancel`, `POST /api/c/:token/sessions/:id/cancel`. */
export const SessionCancel = z.strictObject({ reason: z.string().trim().max(500, 'must be at most 500 characters').optional() });

/** `POST /api/sessions/:id/reschedule` (with an `Idempotency-Key` header). */
export const SessionReschedule = z.strictObject({ startsAt: Instant });

/** A cancelled session, kept as history (the session itself, its agenda and its calendar event are gone). */
export const CancelledSession = z.object({
  id: Id,
  engagementId: Id,
  startsAt: Instant,
  endsAt: Instant,
  cancelledBy: z.enum(['coach', 'coachee']),
  reason: z.string(),
  cancelledAt: Instant,
});
export type CancelledSession = z.infer<typeof CancelledSession>;

/** Built-in intake questions, drawn from the onboarding step of a trajectory: where the coachee stands, wants to go, has tried. */
export const DEFAULT_INTAKE_QUESTIONS: Record<'nl' | 'en', IntakeQuestion[]> = {
  nl: [
    { id: 'situation', text: 'Hoe zou je je huidige situatie in een paar zinnen beschrijven?' },
    { id: 'goal', text: 'Wat wil je aan het eind van het traject bereikt hebben? Hoe merk je dat?' },
    { id: 'tried', text: 'Wat heb je zelf al geprobeerd, en wat werkte daarvan?' },
    { id: 'energy', text: 'Waar haal je op dit moment energie uit, en wat kost je energie?' },
    { id: 'first-session', text: 'Wat moet je coach weten voor de eerste sessie, of wat wil je dan zeker bespreken?' },
  ],
  en: [
    { id: 'situation', text: 'How would you describe your current situation in a few sentences?' },
    { id: 'goal', text: 'What would you like to have reached by the end of the coaching? How will you notice?' },
    { id: 'tried', text: 'What have you already tried yourself, and what of it worked?' },
    { id: 'energy', text: 'What gives you energy at the moment, and what drains it?' },
    { id: 'first-session', text: 'What should your coach know before the first session, or what do you certainly want to discuss?' },
  ],
};
