/** One agreement (WWW): who, what, by when and its status, with done/drop/reopen and an inline editor. */
import { useState } from 'preact/hooks';
import type { Agreement, Locale, Who } from '../../../shared/protocol';
import type { AgreementsModel } from '../models/agreements';
import type { WhoKind } from '../models/agreement-draft';
import { useStrings } from '../i18n/strings';
import type { PanelStrings } from '../i18n/strings';
import { formatDue } from '../../common/format';
import { WhoFields } from './who-fields';

export type AgreementRowProps = {
  agreement: Agreement;
  agreements: AgreementsModel;
  coacheeName: string;
  timeZone: string;
  locale: Locale;
  sessionId: string;
};

type Draft = { kind: WhoKind; name: string; what: string; due: string };

/** How a `who` reads in the list. */
export function whoLabel(who: Who, coacheeName: string, t: PanelStrings): string {
  return who === 'coachee' ? coacheeName : who === 'coach' ? t.agreements.coach : who.name;
}

const toDraft = (a: Agreement): Draft => ({
  kind: typeof a.who === 'string' ? a.who : 'other',
  name: typeof a.who === 'string' ? '' : a.who.name,
  what: a.what,
  due: a.due ?? '',
});

/** An agreement row. */
export function AgreementRow({ agreement: a, agreements, coacheeName, timeZone, locale }: AgreementRowProps) {
  const t = useStrings();
  const [draft, setDraft] = useState<Draft | null>(null);
  const id = `agr-${a.id}`;
  if (draft) {
    const patch = (next: Partial<Draft>) => setDraft({ ...draft, ...next });
    const save = (e: Event) => {
      e.preventDefault();
      const who: Who | null = draft.kind === 'other' ? (draft.name.trim() ? { name: draft.name.trim() } : null) : draft.kind;
      if (!who || !draft.what.trim()) return;
      // Only a changed date is sent; an untouched date-time keeps its time.
      const due = draft.due === (a.due ?? '') ? undefined : draft.due || null;
      if (agreements.change(a.id, { who, what: draft.what, due })) setDraft(null);
    };
    return (
      <li class="row row-edit">
        <form class="edit-form" onSubmit={save}>
          <WhoFields idPrefix={id} kind={draft.kind} name={draft.name} coacheeName={coacheeName} onKind={(kind) => patch({ kind })} onName={(name) => patch({ name })} />
          <div class="field">
            <label for={`${id}-what`}>{t.agreements.what}</label>
            <input id={`${id}-what`} class="input" value={draft.what} maxLength={500} required onInput={(e) => patch({ what: e.currentTarget.value })} />
          </div>
          <div class="field">
            <label for={`${id}-due`}>{t.agreements.when}</label>
            <input id={`${id}-due`} class="input" type="date" value={draft.due.slice(0, 10)} onInput={(e) => patch({ due: e.currentTarget.value })} />
          </div>
          <div class="row-actions">
            <button type="submit" class="btn btn-primary">
              {t.common.save}
            </button>
            <button type="button" class="btn btn-quiet" onClick={() => setDraft(null)}>
              {t.common.cancel}
            </button>
            {!a.carriedOver && (
              <button type="button" class="btn btn-danger" onClick={() => agreements.remove(a.id)}>
                {t.common.remove}
              </button>
            )}
          </div>
        </form>
      </li>
    );
  }
  return (
    <li class={`row agr agr-${a.status}`} data-testid="agreement">
      <div class="agr-main">
        <span class="agr-who">{whoLabel(a.who, coacheeName, t)}</span>
        <span class="agr-what">{a.what}</span>
        <span class="agr-due">
          {a.due ? t.agreements.due(formatDue(a.due, timeZone, locale)) : t.agreements.noDue}
          {a.status !== 'open' && <span class={`tag tag-${a.status}`}>{t.agreements.status[a.status]}</span>}
        </span>
      </div>
      <div class="row-actions" role="group" aria-label={t.agreements.actionsFor(a.what)}>
        {a.status === 'open' ? (
          <>
            <button type="button" class="btn btn-small" onClick={() => agreements.setStatus(a.id, 'done')}>
              <span aria-hidden="true">✓ </span>
              {t.agreements.markDone}
            </button>
            <button type="button" class="btn btn-small btn-quiet" onClick={() => agreements.setStatus(a.id, 'dropped')}>
              {t.agreements.drop}
            </button>
          </>
        ) : (
          <button type="button" class="btn btn-small btn-quiet" onClick={() => agreements.setStatus(a.id, 'open')}>
            {t.agreements.reopen}
          </button>
        )}
        <button type="button" class="btn-icon" aria-label={`${t.common.edit}: ${a.what}`} onClick={() => setDraft(toDraft(a))}>
          <span aria-hidden="true">✎</span>
        </button>
      </div>
    </li>
  );
}
