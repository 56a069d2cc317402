/** The coach's private notes, marked as never shared. */
import type { SessionModel } from '../models/session';
import { useStrings } from '../i18n/strings';

/** A textarea saved after a typing pause and on leaving it. */
export function NotesTab({ session }: { session: SessionModel }) {
  const t = useStrings();
  const notes = session.notes;
  const editable = notes.editable.value;
  const name = session.data.value.coachee.name;
  return (
    <section class="notes" aria-labelledby="notes-h">
      <h3 id="notes-h">
        <svg class="icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
          <path fill="currentColor" d="M5 7V5a3 3 0 0 1 6 0v2h1a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zm1.5 0h3V5a1.5 1.5 0 0 0-3 0z" />
        </svg>{' '}
        {t.notes.heading} <span class="tag tag-private">{t.notes.badge}</span>
      </h3>
      <p class="hint" id="notes-explain">
        {t.notes.explain(name)}
      </p>
      {editable ? (
        <>
          <label class="sr-only" for="notes-text">
            {t.notes.label}
          </label>
          <textarea
            id="notes-text"
            class="input notes-text"
            rows={10}
            maxLength={20_000}
            aria-describedby="notes-explain"
            value={notes.text.value}
            onInput={(e) => notes.edit(e.currentTarget.value)}
            onBlur={notes.commit}
          />
          <p class="hint" aria-live="polite">
            {notes.unsaved.value ? t.notes.unsaved : t.notes.saved}
          </p>
        </>
      ) : (
        <p class="note">{t.notes.waiting}</p>
      )}
    </section>
  );
}
