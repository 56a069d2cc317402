/** The discreet referral checklist (when coaching is not enough) with the crisis line of the coachee's locale; nothing in it is saved. */
import { useEffect, useRef } from 'preact/hooks';
import type { Locale } from '../../../shared/protocol';
import type { SessionModel } from '../models/session';
import { useStrings } from '../i18n/strings';

/**
 * A modal `<dialog>`: the browser traps focus, Escape closes it, and focus returns to the button
 * that opened it. The ticks are plain unsaved checkboxes. Its texts come from the API when it opens.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTML/Element/dialog
 */
export function ReferralDialog({ session, locale }: { session: SessionModel; locale: Locale }) {
  const t = useStrings();
  const ref = useRef<HTMLDialogElement>(null);
  const view = session.referral.value;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => void session.loadReferral(locale), [locale]);
  const list = view && view !== 'unavailable' ? view.checklist : null;
  const crisis = view && view !== 'unavailable' ? view.crisisLine : null;
  return (
    <dialog ref={ref} class="referral" aria-labelledby="referral-h" aria-busy={view === null} onClose={session.closeReferral}>
      <div class="dialog-head">
        <h2 id="referral-h">{list?.title ?? t.model.referral}</h2>
        <button type="button" class="btn-icon" aria-label={t.referral.close} onClick={() => ref.current?.close()} autoFocus>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      {view === null && <p class="hint">…</p>}
      {view === 'unavailable' && <p role="alert">{t.referral.offline}</p>}
      {list && crisis && view && view !== 'unavailable' && (
        <>
          <p>{list.intro}</p>
          <h3>{t.referral.signals}</h3>
          <ul class="checks">
            {list.signals.map((signal, i) => (
              <li key={signal}>
                <input type="checkbox" id={`ref-sig-${i}`} />
                <label for={`ref-sig-${i}`}>{signal}</label>
              </li>
            ))}
          </ul>
          <h3>{t.referral.steps}</h3>
          <ul>
            {list.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
          <h3>{t.referral.crisis}</h3>
          <p class="crisis" lang={crisis.locale}>
            <strong>{crisis.name}</strong>
            <br />
            {crisis.phones.map((phone, i) => (
              <span key={phone}>
                {i > 0 && ' · '}
                <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
              </span>
            ))}
            {crisis.chat && (
              <>
                {' · '}
                <a href={`https://${crisis.chat}`} target="_blank" rel="noopener noreferrer">
                  {crisis.chat}
                </a>
              </>
            )}
            <br />
            <span class="hint">{crisis.text}</span>
          </p>
          <h3>{list.ownContactsHeading}</h3>
          <p class="contacts">{view.contacts.trim() || t.referral.noContacts}</p>
          <p class="hint">{list.privacyNote}</p>
        </>
      )}
      <form method="dialog">
        <button type="submit" class="btn btn-primary">
          {t.referral.close}
        </button>
      </form>
    </dialog>
  );
}
