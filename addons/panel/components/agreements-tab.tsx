/** The agreements tab: the WWW form, this session's agreements, then those carried over from earlier sessions. */
import type { Locale } from '../../../shared/protocol';
import type { SessionModel } from '../models/session';
import { useStrings } from '../i18n/strings';
import { AgreementForm } from './agreement-form';
import { AgreementRow } from './agreement-row';

/** Agreements of this session and earlier ones. */
export function AgreementsTab({ session, locale }: { session: SessionModel; locale: Locale }) {
  const t = useStrings();
  const data = session.data.value;
  const current = session.agreements.thisSession.value;
  const earlier = session.agreements.carriedOver.value;
  const row = (a: (typeof current)[number]) => (
    <AgreementRow key={a.id} agreement={a} agreements={session.agreements} coacheeName={data.coachee.name} timeZone={data.coach.timeZone} locale={locale} sessionId={data.session.id} />
  );
  return (
    <div class="stack">
      <AgreementForm draft={session.draft} coacheeName={data.coachee.name} />
      <section aria-labelledby="agr-this-h">
        <h3 id="agr-this-h">{t.agreements.thisSession}</h3>
        {current.length === 0 ? <p class="empty">{t.agreements.empty}</p> : <ul class="list" data-testid="agreements-this">{current.map(row)}</ul>}
      </section>
      {earlier.length > 0 && (
        <section aria-labelledby="agr-earlier-h">
          <h3 id="agr-earlier-h">{t.agreements.earlier}</h3>
          <ul class="list">{earlier.map(row)}</ul>
        </section>
      )}
    </div>
  );
}
