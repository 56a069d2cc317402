/** The "who" of an agreement (WWW): the coachee, the coach, or someone named. */
import type { WhoKind } from '../models/agreement-draft';
import { useStrings } from '../i18n/strings';

export type WhoFieldsProps = {
  idPrefix: string;
  kind: WhoKind;
  name: string;
  coacheeName: string;
  nameInvalid?: boolean;
  onKind: (kind: WhoKind) => void;
  onName: (name: string) => void;
};

/** A select, plus a name field when someone else carries the agreement out. */
export function WhoFields({ idPrefix, kind, name, coacheeName, nameInvalid, onKind, onName }: WhoFieldsProps) {
  const t = useStrings();
  return (
    <div class="field field-who">
      <label for={`${idPrefix}-who`}>{t.agreements.who}</label>
      <div class="who-inputs">
        <select id={`${idPrefix}-who`} class="input" value={kind} onChange={(e) => onKind(e.currentTarget.value as WhoKind)}>
          <option value="coachee">{coacheeName}</option>
          <option value="coach">{t.agreements.whoCoach}</option>
          <option value="other">{t.agreements.whoOther}</option>
        </select>
        {kind === 'other' && (
          <input
            id={`${idPrefix}-name`}
            class="input"
            value={name}
            maxLength={120}
            aria-label={t.agreements.otherName}
            placeholder={t.agreements.otherName}
            aria-invalid={nameInvalid || undefined}
            onInput={(e) => onName(e.currentTarget.value)}
          />
        )}
      </div>
    </div>
  );
}
