/** The form for a new agreement: quick shorthand entry that fills the who/what/when fields, which stay editable. */
import { computed, createModel, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import { parseShorthand } from '../../../shared/agreements/shorthand';
import type { Locale, Who } from '../../../shared/protocol';
import type { Clock } from '../../common/ports';
import { dateInZone } from '../../common/format';
import type { AgreementsModel } from './agreements';

/** The three ways to name who carries an agreement out. */
export type WhoKind = 'coachee' | 'coach' | 'other';
type Field = 'who' | 'what' | 'due';

/** Agreement texts are capped like the wire schema (`LIMITS.what`, shared/schemas/common.ts). */
export const WHAT_MAX = 500;
export const NAME_MAX = 120;

export type AgreementDraftDeps = {
  agreements: AgreementsModel;
  clock: Clock;
  timeZone: string;
  locale: ReadonlySignal<Locale>;
  coacheeName: string;
};

/**
 * The new-agreement form model. Typing "Sanne: stuurt voorstel naar teamleider vóór vrijdag"
 * into the quick field fills who/what/when through the shared shorthand parser; a field the coach
 * edited by hand is not overwritten by later typing in the quick field.
 */
export const AgreementDraft = createModel((deps: AgreementDraftDeps) => {
  const quick = signal('');
  const whoKind = signal<WhoKind>('coachee');
  const otherName = signal('');
  const what = signal('');
  const due = signal('');
  const touched = signal<ReadonlySet<Field>>(new Set());
  const error = signal<'what' | 'name' | null>(null);

  const who = computed<Who | null>(() => {
    if (whoKind.value !== 'other') return whoKind.value;
    const name = otherName.value.trim();
    return name ? { name: name.slice(0, NAME_MAX) } : null;
  });

  const touch = (field: Field) => {
    if (!touched.value.has(field)) touched.value = new Set([...touched.value, field]);
  };

  function setWho(value: Who): void {
    if (typeof value === 'string') whoKind.value = value;
    else {
      whoKind.value = 'other';
      otherName.value = value.name;
    }
  }

  function reset(): void {
    quick.value = '';
    whoKind.value = 'coachee';
    otherName.value = '';
    what.value = '';
    due.value = '';
    touched.value = new Set();
    error.value = null;
  }

  return {
    quick: quick as ReadonlySignal<string>,
    whoKind: whoKind as ReadonlySignal<WhoKind>,
    otherName: otherName as ReadonlySignal<string>,
    what: what as ReadonlySignal<string>,
    /** `''`, a date `YYYY-MM-DD` or a date-time with offset. */
    due: due as ReadonlySignal<string>,
    who,
    error: error as ReadonlySignal<'what' | 'name' | null>,

    /** Quick entry: parses the shorthand into the fields the coach has not edited by hand. */
    setQuick(text: string): void {
      quick.value = text;
      const today = dateInZone(deps.clock.now(), deps.timeZone);
      const parsed = text.trim()
        ? parseShorthand(text, { today, locale: deps.locale.value, coacheeName: deps.coacheeName })
        : { who: 'coachee' as Who, what: '', due: null };
      if (!touched.value.has('who')) setWho(parsed.who);
      if (!touched.value.has('what')) what.value = parsed.what.slice(0, WHAT_MAX);
      if (!touched.value.has('due')) due.value = parsed.due ?? '';
      error.value = null;
    },
    setWhoKind(kind: WhoKind): void {
      whoKind.value = kind;
      touch('who');
    },
    setOtherName(name: string): void {
      otherName.value = name;
      touch('who');
    },
    setWhat(text: string): void {
      what.value = text.slice(0, WHAT_MAX);
      touch('what');
      error.value = null;
    },
    setDue(value: string): void {
      due.value = value;
      touch('due');
    },
    /** Records the agreement; answers false (with `error` naming the field) when it is incomplete. */
    submit(): boolean {
      const whoValue = who.value;
      if (!whoValue) {
        error.value = 'name';
        return false;
      }
      if (!what.value.trim()) {
        error.value = 'what';
        return false;
      }
      const ok = deps.agreements.add({ who: whoValue, what: what.value, due: due.value || null });
      if (ok) reset();
      return ok;
    },
    reset,
  };
});

export type AgreementDraftModel = InstanceType<typeof AgreementDraft>;
