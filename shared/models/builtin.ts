/** The five built-in conversation models (read-only), per locale, and lookup by id. */
import type { Locale } from '../schemas/common';
import type { ConversationModel } from '../schemas/model';
import { COACHING_MODEL } from './coaching';
import { GROW_MODEL } from './grow';
import { LEARNING_MODEL } from './learning';
import type { BuiltInModelSource } from './model-text';
import { SESSION_STEPS_MODEL } from './session-steps';
import { THERAPEUTIC_LENS_MODEL } from './therapeutic-lens';

const SOURCES: readonly BuiltInModelSource[] = [COACHING_MODEL, SESSION_STEPS_MODEL, LEARNING_MODEL, THERAPEUTIC_LENS_MODEL, GROW_MODEL];

/** Ids of the built-in models, in the order the panel lists them. */
export const BUILT_IN_MODEL_IDS = ['builtin-coaching', 'builtin-session-steps', 'builtin-learning', 'builtin-therapeutic-lens', 'builtin-grow'] as const;
export type BuiltInModelId = (typeof BUILT_IN_MODEL_IDS)[number];

/** The model a new engagement uses unless the coach picks another (model A, the coaching conversation). */
export const DEFAULT_MODEL_ID = 'builtin-coaching' satisfies BuiltInModelId;

const cache = new Map<Locale, readonly ConversationModel[]>();

/** All built-in models in one locale, deeply frozen (copy before editing, e.g. for `copyOf`). */
export function builtInModels(locale: Locale): ConversationModel[] {
  let models = cache.get(locale);
  if (!models) {
    models = SOURCES.map((source) => deepFreeze(build(source, locale)));
    cache.set(locale, models);
  }
  return [...models];
}

/** The built-in model with this id in this locale, or `undefined` for any other id. */
export function findBuiltInModel(id: string, locale: Locale): ConversationModel | undefined {
  return builtInModels(locale).find((m) => m.id === id);
}

/** Whether an id names a built-in (read-only) model. */
export function isBuiltInModelId(id: string): id is BuiltInModelId {
  return (BUILT_IN_MODEL_IDS as readonly string[]).includes(id);
}

function build(source: BuiltInModelSource, locale: Locale): ConversationModel {
  const text = source.text[locale];
  return {
    id: source.id,
    builtIn: true,
    locale,
    name: text.name,
    summary: text.summary,
    phases: text.phases.map((p) => ({ ...p, prompts: [...p.prompts] })),
    tips: [...text.tips],
    referralChecklist: source.referralChecklist,
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
