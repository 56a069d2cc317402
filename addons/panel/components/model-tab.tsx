/** The session's conversation model: switch it, read its phases and tips, and open the referral checklist. */
import type { SessionModel } from '../models/session';
import { useStrings } from '../i18n/strings';
import { formatClock } from '../../common/format';

/** Model picker, phases with budgets, tips, and the discreet referral entry. */
export function ModelTab({ session }: { session: SessionModel }) {
  const t = useStrings();
  const model = session.model.value;
  const models = session.data.value.models;
  const busy = session.busy.value === 'model';
  const budgets = session.timer.budgets.value;
  return (
    <div class="stack">
      <section aria-labelledby="model-h">
        <h3 id="model-h">{t.model.heading}</h3>
        <div class="field">
          <label for="model-pick">{t.model.choose}</label>
          <select id="model-pick" class="input" value={model.id} disabled={busy} aria-describedby="model-summary" onChange={(e) => void session.switchModel(e.currentTarget.value)}>
            {models.map((m) => (
              <option key={m.id} value={m.id} lang={m.locale}>
                {m.name} ({m.builtIn ? t.model.builtIn : t.model.own})
              </option>
            ))}
            {!models.some((m) => m.id === model.id) && <option value={model.id}>{model.name}</option>}
          </select>
          {busy && <span class="hint" role="status">{t.model.switching}</span>}
        </div>
        <p id="model-summary" class="hint" lang={model.locale}>
          {model.summary}
        </p>
        <ol class="phase-list" lang={model.locale}>
          {model.phases.map((p) => (
            <li key={p.key}>
              <strong>{p.title}</strong> <span class="hint">{formatClock(budgets[p.key] ?? 0)}</span>
              <br />
              <span class="hint">{p.purpose}</span>
            </li>
          ))}
        </ol>
      </section>
      {model.tips.length > 0 && (
        <section aria-labelledby="tips-h">
          <h3 id="tips-h">{t.model.tips}</h3>
          <ul class="tips" lang={model.locale}>
            {model.tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <button type="button" class="link-quiet" onClick={session.openReferral} aria-haspopup="dialog">
          {t.model.referral}
        </button>{' '}
        <span class="hint">{t.model.referralHint}</span>
      </p>
    </div>
  );
}
