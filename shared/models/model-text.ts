/** The shape of one built-in model's texts in both locales, before ids and flags are added. */
import type { Locale } from '../schemas/common';
import type { ConversationModel } from '../schemas/model';

/** What a built-in model file writes per locale; `built-in-models.ts` adds id, locale and flags. */
export type ModelText = Pick<ConversationModel, 'name' | 'summary' | 'phases' | 'tips'>;

/** A built-in model: its id, whether it offers the referral checklist, and its texts per locale. */
export type BuiltInModelSource = { id: string; referralChecklist: boolean; text: Record<Locale, ModelText> };
