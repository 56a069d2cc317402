/** The coach's private notes: a local draft while typing, saved as one `notes.set` op after a pause or on leaving the field. */
import { computed, createModel, signal } from '@preact/signals';
import type { Clock, NewId } from '../../common/ports';
import type { LiveSyncModel } from '../../common/models/live-sync';

/** Notes are capped like the wire schema (`LIMITS.notes`, shared/schemas/common.ts). */
export const NOTES_MAX = 20_000;
/** Typing pause after which the draft is saved. */
export const NOTES_SAVE_AFTER_MS = 700;

/**
 * The notes model. Notes never leave the coach's side: the room does not send them to the
 * coachee, they are not in the invite, and they are not kept in local storage except inside an
 * unsent op. Editing is only offered once the room's notes are known in this page's life, so an
 * offline reload can never overwrite notes it has not seen.
 */
export const Notes = createModel((live: LiveSyncModel, clock: Clock, newId: NewId) => {
  const draft = signal<string | null>(null);
  let cancel: (() => void) | null = null;

  function commit(): void {
    cancel?.();
    cancel = null;
    const text = draft.value;
    if (text === null) return;
    if (text !== (live.view.value?.notes ?? '')) live.submit({ opId: newId(), kind: 'notes.set', text });
    draft.value = null;
  }

  return {
    text: computed(() => draft.value ?? live.view.value?.notes ?? ''),
    editable: live.notesKnown,
    /** Typed but not yet handed to the live queue. */
    unsaved: computed(() => draft.value !== null),

    edit(text: string): void {
      draft.value = text.slice(0, NOTES_MAX);
      cancel?.();
      cancel = clock.schedule(commit, NOTES_SAVE_AFTER_MS);
    },
    commit,
  };
});

export type NotesModel = InstanceType<typeof Notes>;
