/** The rows the coach's home forms share: the language choice, the invitation's privacy and the submit row. */
import type { ComponentChildren } from 'preact';
import type { HomeStrings } from './home-strings';

type OnChange = (e: { currentTarget: { value: string } }) => void;

/** The languages the product speaks, each named in itself. */
export function LocaleSelect({ id, value, onChange }: { id: string; value: string; onChange: OnChange }) {
  return (
    <select id={id} class="input" value={value} onChange={onChange}>
      <option value="nl">Nederlands</option>
      <option value="en">English</option>
    </select>
  );
}

/** What a calendar invitation shows of the session; `inherit` offers "as in my settings" (value '') for one coachee. */
export function InviteModeSelect({ id, value, onChange, t, inherit }: { id: string; value: string; onChange: OnChange; t: HomeStrings; inherit?: boolean }) {
  return (
    <select id={id} class="input" value={value} onChange={onChange}>
      {inherit && <option value="">{t.inviteModes.default}</option>}
      <option value="full">{t.inviteModes.full}</option>
      <option value="link_only">{t.inviteModes.link_only}</option>
    </select>
  );
}

/** The form's submit button, at the end of the form. */
export function SubmitRow({ children }: { children: ComponentChildren }) {
  return (
    <div class="ob-actions">
      <button type="submit" class="btn btn-primary">
        {children}
      </button>
    </div>
  );
}
