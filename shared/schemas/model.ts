/** Conversation models (*gespreksmodellen*): ordered phases with purpose, prompt questions and a share of time. */
import { z } from 'zod';
import { Id, LIMITS, Locale, optionalText, text } from './common';

/** A phase key: lower-case slug, unique within its model. */
export const PhaseKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lower-case key like "current-state"');

/** One phase of a conversation model. `share` is its part of the session's time (shares need not add to 1; they are normalised). */
export const Phase = z.strictObject({
  key: PhaseKey,
  title: text(LIMITS.title),
  purpose: text(LIMITS.purpose),
  prompts: z.array(text(LIMITS.prompt)).max(LIMITS.prompts),
  share: z.number().positive().max(1),
});
export type Phase = z.infer<typeof Phase>;

/** A conversation model in one language. Built-ins have ids `builtin-…` and are read-only. */
export const ConversationModel = z.object({
  id: z.string(),
  builtIn: z.boolean(),
  locale: Locale,
  name: z.string(),
  summary: z.string(),
  phases: z.array(Phase),
  tips: z.array(z.string()),
  /** Whether the panel offers the discreet referral checklist with this model. */
  referralChecklist: z.boolean(),
});
export type ConversationModel = z.infer<typeof ConversationModel>;

const uniqueKeys = (phases: Phase[]) => new Set(phases.map((p) => p.key)).size === phases.length;

/** `POST /api/models` / `PUT /api/models/:id`: a coach's own model (or a copy of a built-in, via `copyOf`). */
export const ModelInput = z.strictObject({
  locale: Locale,
  name: text(LIMITS.title),
  summary: optionalText(LIMITS.purpose).default(''),
  phases: z
    .array(Phase)
    .min(1, 'needs at least one phase')
    .max(LIMITS.phases)
    .refine(uniqueKeys, 'phase keys must be unique'),
  tips: z.array(text(LIMITS.prompt)).max(LIMITS.prompts).default([]),
  referralChecklist: z.boolean().default(false),
});
export type ModelInput = z.infer<typeof ModelInput>;

/** `POST /api/models` body: either a full model, or `{ copyOf }` to copy a built-in or own model. */
export const ModelCreate = z.union([z.strictObject({ copyOf: z.string().max(64), locale: Locale.optional() }), ModelInput]);
export type ModelCreate = z.infer<typeof ModelCreate>;

export { Id };
