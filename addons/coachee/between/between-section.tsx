/** The coachee page's "between sessions" part: the form opened from a mail, what else arrived (open forms first) and the mail preferences. */
import type { Locale } from '../../../shared/protocol';
import { formatWhen } from '../../common/format';
import type { BetweenModel } from './between-model';
import { betweenStrings } from './between-strings';
import { PreferencesForm } from './preferences-form';
import { TouchpointForm } from './touchpoint-form';

/** Rendered inside the coachee page, after its header. */
export function BetweenSection({ model, locale, zone, now }: { model: BetweenModel; locale: Locale; zone: string; now: () => number }) {
  const t = betweenStrings(locale);
  const list = model.list.value;
  const opened = model.form.value?.id;
  // Until something arrives between sessions there is nothing to show (a new coachee walks the invitation undisturbed).
  if ((!list || list.items.length === 0) && !opened) return null;
  return (
    <>
      <TouchpointForm model={model} t={t} locale={locale} zone={zone} />
      <section aria-labelledby="between-h" class="between" data-testid="between">
        <h2 id="between-h" class="section-h">
          {t.between}
        </h2>
        {!list || list.items.length === 0 ? null : (
          <ul class="between-list">
            {list.items.map((i) => (
              <li>
                <span>
                  {i.title} · <time dateTime={i.dueAt}>{formatWhen(i.dueAt, zone, locale)}</time>
                  {['checkin', 'reflection', 'evaluation'].includes(i.kind) && <span class={`tag${i.status === 'answered' ? ' tag-done' : ''}`}>{i.status === 'answered' ? t.answered : t.toAnswer}</span>}
                </span>
                {i.id !== opened && (
                  <button type="button" class="btn btn-small" onClick={() => void model.open(i.id)}>
                    {t.open}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {list && (
          <details class="prefs-box">
            <summary>{t.prefs}</summary>
            <PreferencesForm prefs={list.prefs} t={t} locale={locale} zone={zone} save={(p) => void model.savePrefs(p)} state={model.prefsState.value} now={now} />
          </details>
        )}
      </section>
    </>
  );
}
