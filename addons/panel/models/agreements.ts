/** Agreements (WWW: who does what, by when) for one session: lists, status changes and edits, as live ops. */
import { computed, createModel } from '@preact/signals';
import type { Agreement, AgreementStatus, Who } from '../../../shared/protocol';
import type { NewId } from '../../common/ports';
import type { LiveSyncModel } from '../../common/models/live-sync';

/** A complete WWW agreement as the form produces it. */
export type AgreementInput = { who: Who; what: string; due: string | null };

/** A change to an agreement; only fields that differ are sent, so concurrent edits of other fields merge. */
export type AgreementChange = Partial<AgreementInput> & { status?: AgreementStatus };

const sameWho = (a: Who, b: Who) => (typeof a === 'string' || typeof b === 'string' ? a === b : a.name === b.name);

/**
 * The agreements model. Carried-over agreements (made in an earlier session, still open when this
 * one was planned) are listed apart: the agenda opens with them ("how did it go?").
 */
export const Agreements = createModel((live: LiveSyncModel, newId: NewId) => {
  const all = computed<Agreement[]>(() => live.view.value?.agreements ?? []);

  function change(id: string, patch: AgreementChange): boolean {
    const current = all.value.find((a) => a.id === id);
    if (!current) return false;
    const diff: AgreementChange = {};
    if (patch.who !== undefined && !sameWho(patch.who, current.who)) diff.who = patch.who;
    if (patch.what !== undefined && patch.what.trim() !== current.what) diff.what = patch.what.trim();
    if (patch.due !== undefined && patch.due !== current.due) diff.due = patch.due;
    if (patch.status !== undefined && patch.status !== current.status) diff.status = patch.status;
    if (Object.keys(diff).length === 0) return true;
    return live.submit({ opId: newId(), kind: 'agreement.update', id, patch: diff });
  }

  return {
    all,
    /** Earlier sessions' agreements, open ones first. */
    carriedOver: computed(() => all.value.filter((a) => a.carriedOver).sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open'))),
    /** The ones still open from earlier sessions: the top of the agenda. */
    carriedOverOpen: computed(() => all.value.filter((a) => a.carriedOver && a.status === 'open')),
    /** Agreements made in this session, in the order they were made. */
    thisSession: computed(() => all.value.filter((a) => !a.carriedOver)),

    add(input: AgreementInput): boolean {
      const what = input.what.trim();
      if (!what) return false;
      return live.submit({ opId: newId(), kind: 'agreement.add', id: newId(), who: input.who, what, due: input.due });
    },
    change,
    setStatus(id: string, status: AgreementStatus): boolean {
      return change(id, { status });
    },
    remove(id: string): boolean {
      return live.submit({ opId: newId(), kind: 'agreement.remove', id });
    },
  };
});

export type AgreementsModel = InstanceType<typeof Agreements>;
