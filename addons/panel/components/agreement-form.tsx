/** The new-agreement form: a quick shorthand field that fills who, what and when, which stay visible and editable. */
import type { AgreementDraftModel } from '../models/agreement-draft';
import { useStrings } from '../i18n/strings';
import { WhoFields } from './who-fields';

/** The WWW form. Enter in the quick field records the agreement. */
export function AgreementForm({ draft, coacheeName }: { draft: AgreementDraftModel; coacheeName: string }) {
  const t = useStrings();
  const error = draft.error.value;
  const submit = (e: Event) => {
    e.preventDefault();
    draft.submit();
  };
  return (
    <form class="agr-form" onSubmit={submit} aria-labelledby="agr-form-h" noValidate>
      <h3 id="agr-form-h">
        {t.agreements.formHeading} <span class="hint">{t.agreements.formHint}</span>
      </h3>
      <div class="field">
        <label for="agr-quick">{t.agreements.quickLabel}</label>
        <input id="agr-quick" class="input" value={draft.quick.value} placeholder={t.agreements.quickHint} aria-describedby="agr-quick-hint" autoComplete="off" onInput={(e) => draft.setQuick(e.currentTarget.value)} />
        <span id="agr-quick-hint" class="sr-only">
          {t.agreements.quickHint}
        </span>
      </div>
      <div class="www">
        <WhoFields
          idPrefix="agr-new"
          kind={draft.whoKind.value}
          name={draft.otherName.value}
          coacheeName={coacheeName}
          nameInvalid={error === 'name'}
          onKind={draft.setWhoKind}
          onName={draft.setOtherName}
        />
        <div class="field">
          <label for="agr-new-what">{t.agreements.what}</label>
          <input
            id="agr-new-what"
            class="input"
            value={draft.what.value}
            maxLength={500}
            aria-invalid={error === 'what' || undefined}
            aria-describedby={error === 'what' ? 'agr-error' : undefined}
            onInput={(e) => draft.setWhat(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="agr-new-due">{t.agreements.when}</label>
          <input id="agr-new-due" class="input" type="date" value={draft.due.value.slice(0, 10)} onInput={(e) => draft.setDue(e.currentTarget.value)} />
        </div>
      </div>
      {error && (
        <p id="agr-error" class="field-error" role="alert">
          {error === 'what' ? t.agreements.whatMissing : t.agreements.nameMissing}
        </p>
      )}
      <button type="submit" class="btn btn-primary">
        {t.agreements.add}
      </button>
    </form>
  );
}
