/** One agenda item: tick, title (with who proposed it), move up/down, and an inline editor. */
import { useState } from 'preact/hooks';
import type { AgendaItem } from '../../../shared/protocol';
import type { AgendaModel } from '../models/agenda';
import { useStrings } from '../i18n/strings';

export type AgendaRowProps = { item: AgendaItem; first: boolean; last: boolean; agenda: AgendaModel; coacheeName: string };

/** An agenda row. Alt+↑ / Alt+↓ on the row move it, like the buttons. */
export function AgendaRow({ item, first, last, agenda, coacheeName }: AgendaRowProps) {
  const t = useStrings();
  const [editing, setEditing] = useState<string | null>(null);
  const id = `agenda-${item.id}`;
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    if (e.key === 'ArrowUp') agenda.moveUp(item.id);
    else agenda.moveDown(item.id);
  };
  if (editing !== null) {
    const save = (e: Event) => {
      e.preventDefault();
      if (agenda.rename(item.id, editing)) setEditing(null);
    };
    return (
      <li class="row row-edit">
        <form class="edit-form" onSubmit={save}>
          <label class="sr-only" for={`${id}-title`}>
            {t.agenda.titleLabel}
          </label>
          <input id={`${id}-title`} class="input" value={editing} maxLength={200} onInput={(e) => setEditing(e.currentTarget.value)} autoFocus />
          <div class="row-actions">
            <button type="submit" class="btn btn-primary">
              {t.common.save}
            </button>
            <button type="button" class="btn btn-quiet" onClick={() => setEditing(null)}>
              {t.common.cancel}
            </button>
            <button type="button" class="btn btn-danger" onClick={() => agenda.remove(item.id)}>
              {t.common.remove}
            </button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li class={`row${item.done ? ' row-done' : ''}`} onKeyDown={onKeyDown} data-testid="agenda-item">
      <input type="checkbox" id={id} class="check" checked={item.done} onChange={(e) => agenda.setDone(item.id, e.currentTarget.checked)} />
      <label for={id} class="row-text">
        {item.title}
        {item.proposedBy === 'coachee' && (
          <span class="tag tag-coachee" title={t.agenda.fromCoacheeLong(coacheeName)}>
            {t.agenda.fromCoachee(coacheeName.split(' ')[0] ?? coacheeName)}
          </span>
        )}
      </label>
      <div class="row-actions">
        <button type="button" class="btn-icon" disabled={first} aria-label={t.agenda.moveUp(item.title)} aria-keyshortcuts="Alt+ArrowUp" onClick={() => agenda.moveUp(item.id)}>
          <span aria-hidden="true">↑</span>
        </button>
        <button type="button" class="btn-icon" disabled={last} aria-label={t.agenda.moveDown(item.title)} aria-keyshortcuts="Alt+ArrowDown" onClick={() => agenda.moveDown(item.id)}>
          <span aria-hidden="true">↓</span>
        </button>
        <button type="button" class="btn-icon" aria-label={t.agenda.edit(item.title)} onClick={() => setEditing(item.title)}>
          <span aria-hidden="true">✎</span>
        </button>
      </div>
    </li>
  );
}
