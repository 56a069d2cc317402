/** The agenda tab: open agreements from earlier sessions first ("how did it go?"), then the items, then a field to add one. */
import { useState } from 'preact/hooks';
import type { Locale } from '../../../shared/protocol';
import type { SessionModel } from '../models/session';
import { useStrings } from '../i18n/strings';
import { AgendaRow } from './agenda-row';
import { AgreementRow } from './agreement-row';

/** Agenda with carried-over agreements on top. */
export function AgendaTab({ session, locale }: { session: SessionModel; locale: Locale }) {
  const t = useStrings();
  const [title, setTitle] = useState('');
  const carried = session.agreements.carriedOverOpen.value;
  const items = session.agenda.items.value;
  const data = session.data.value;
  const submit = (e: Event) => {
    e.preventDefault();
    if (session.agenda.add(title)) setTitle('');
  };
  return (
    <div class="stack">
      {carried.length > 0 && (
        <section aria-labelledby="carried-h" class="carried">
          <h3 id="carried-h">{t.agenda.carriedHeading}</h3>
          <p class="hint">{t.agenda.carriedHint}</p>
          <ul class="list">
            {carried.map((a) => (
              <AgreementRow key={a.id} agreement={a} agreements={session.agreements} coacheeName={data.coachee.name} timeZone={data.coach.timeZone} locale={locale} sessionId={data.session.id} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="agenda-h">
        <h3 id="agenda-h">{t.agenda.heading}</h3>
        {items.length === 0 ? (
          <p class="empty">{t.agenda.empty}</p>
        ) : (
          <ul class="list" data-testid="agenda-list">
            {items.map((item, i) => (
              <AgendaRow key={item.id} item={item} first={i === 0} last={i === items.length - 1} agenda={session.agenda} coacheeName={data.coachee.name} />
            ))}
          </ul>
        )}
        <form class="add-row" onSubmit={submit}>
          <label class="sr-only" for="agenda-new">
            {t.agenda.newLabel}
          </label>
          <input id="agenda-new" class="input" value={title} maxLength={200} placeholder={t.agenda.newLabel} onInput={(e) => setTitle(e.currentTarget.value)} autoComplete="off" />
          <button type="submit" class="btn">
            {t.agenda.add}
          </button>
        </form>
      </section>
    </div>
  );
}
