/** Tests of the built-in conversation models and the referral checklist: schema-valid, both locales aligned. */
import { describe, expect, it } from 'vitest';
import { ConversationModel, LIMITS, ModelInput, type Locale } from '../../shared/protocol';
import { BUILT_IN_MODEL_IDS, DEFAULT_MODEL_ID, builtInModels, findBuiltInModel, isBuiltInModelId } from '../../shared/models/builtin';
import { crisisLine, referralChecklist } from '../../shared/models/referral';
import { phaseBudgetsMs } from '../../shared/reducers/progress';

const locales: Locale[] = ['nl', 'en'];

describe('built-in models', () => {
  it.each(locales)('parses every %s model with the ConversationModel schema and as a copyable ModelInput', (locale) => {
    const models = builtInModels(locale);
    expect(models.map((m) => m.id)).toEqual([...BUILT_IN_MODEL_IDS]);
    for (const model of models) {
      expect(ConversationModel.parse(model)).toEqual(model);
      expect(model).toMatchObject({ builtIn: true, locale });
      const input = ModelInput.parse({ locale, name: model.name, summary: model.summary, phases: model.phases, tips: model.tips, referralChecklist: model.referralChecklist });
      expect(input.phases).toEqual(model.phases);
    }
  });

  it('gives each phase a purpose, 2–4 prompts and a share, and has nl and en aligned', () => {
    for (const id of BUILT_IN_MODEL_IDS) {
      const nl = findBuiltInModel(id, 'nl');
      const en = findBuiltInModel(id, 'en');
      if (!nl || !en) throw new Error(`missing ${id}`);
      expect(nl.phases.map((p) => p.key)).toEqual(en.phases.map((p) => p.key));
      expect(nl.phases.map((p) => p.share)).toEqual(en.phases.map((p) => p.share));
      expect(nl.referralChecklist).toBe(en.referralChecklist);
      expect(nl.tips.length).toBe(en.tips.length);
      for (const phase of [...nl.phases, ...en.phases]) {
        expect(phase.prompts.length).toBeGreaterThanOrEqual(2);
        expect(phase.prompts.length).toBeLessThanOrEqual(4);
      }
      // written in each language, not left untranslated
      for (const [i, phase] of nl.phases.entries()) expect(phase.purpose).not.toBe(en.phases[i]?.purpose);
      expect(nl.summary).not.toBe(en.summary);
    }
  });

  it('makes model A the default with the guiding rules, LSD, E = K × A and WWW', () => {
    expect(DEFAULT_MODEL_ID).toBe('builtin-coaching');
    const nl = findBuiltInModel(DEFAULT_MODEL_ID, 'nl');
    expect(nl?.phases.map((p) => p.key)).toEqual(['status', 'current-state', 'going-well', 'improve', 'agreements', 'support', 'next-appointment', 'evaluation']);
    for (const locale of locales) {
      const model = findBuiltInModel(DEFAULT_MODEL_ID, locale);
      const all = JSON.stringify(model);
      expect(all).toContain('LSD');
      expect(all).toContain('E = K × A');
      expect(all).toContain('WWW');
      expect(model?.tips.length).toBeGreaterThanOrEqual(10);
      expect(model?.tips.length).toBeLessThanOrEqual(LIMITS.prompts);
    }
  });

  it('offers the referral checklist with the session-steps model', () => {
    expect(findBuiltInModel('builtin-session-steps', 'nl')?.referralChecklist).toBe(true);
    expect(findBuiltInModel('builtin-coaching', 'nl')?.referralChecklist).toBe(false);
    expect(findBuiltInModel('builtin-therapeutic-lens', 'en')?.phases).toHaveLength(3);
    expect(findBuiltInModel('builtin-grow', 'en')?.phases.map((p) => p.key)).toEqual(['goal', 'reality', 'options', 'will']);
  });

  it('finds only built-in ids and returns frozen models', () => {
    expect(findBuiltInModel('model-of-my-own', 'nl')).toBeUndefined();
    expect(isBuiltInModelId('builtin-grow')).toBe(true);
    expect(isBuiltInModelId('builtin-nope')).toBe(false);
    const model = findBuiltInModel('builtin-grow', 'nl');
    expect(Object.isFrozen(model?.phases[0]?.prompts)).toBe(true);
  });

  it('yields budgets that fill a one-hour session for every model', () => {
    for (const model of builtInModels('nl')) {
      const budgets = phaseBudgetsMs(model.phases, 60);
      expect(Object.values(budgets).reduce((s, v) => s + v, 0)).toBe(3_600_000);
    }
  });
});

describe('referral checklist', () => {
  it('lists the four signals and the crisis line per locale', () => {
    for (const locale of locales) {
      const list = referralChecklist(locale);
      expect(list.signals).toHaveLength(4);
      expect(list.privacyNote.length).toBeGreaterThan(0);
    }
    expect(crisisLine('nl')).toMatchObject({ name: '113 Zelfmoordpreventie', phones: ['0800-0113', '113'], chat: '113.nl' });
    expect(crisisLine('en').text).toContain('112');
    expect(crisisLine('en').text).toContain('116 123');
  });
});
