/** In the panel: a low check-in alert as soon as it arrives (polled while open), and what the coachee answered since the previous session. */
import { useEffect } from 'preact/hooks';
import type { Locale } from '../../../shared/protocol';
import { formatWhen } from '../../common/format';
import { betweenPanelStrings } from '../i18n/between';
import type { BetweenWatch } from '../models/between';

/** The card; mounting it starts the poll, unmounting stops it. */
export function BetweenCard({ watch, locale, zone }: { watch: BetweenWatch; locale: Locale; zone: string }) {
  useEffect(() => watch.start(), [watch]);
  const t = betweenPanelStrings(locale);
  const items = watch.data.value?.items ?? [];
  const low = watch.alerts.value.filter((a) => a.kind === 'low_score');
  return (
    <section class="between-card" aria-label={t.since(items.length)} data-testid="between-card">
      <div role="alert" data-testid="between-alerts">
        {low.map((a) => (
          <div class="alert-low" data-alert={a.id}>
            <p>
              <strong>
                {a.coacheeName}: {t.low(a.score ?? 0, a.previousScore)}
              </strong>
              {a.comment && <> — “{a.comment}”</>}
            </p>
            <button type="button" class="btn btn-small" onClick={() => void watch.read(a.id)}>
              {t.read}
            </button>
          </div>
        ))}
      </div>
      {watch.data.value && (
        <details>
          <summary>{t.since(items.length)}</summary>
          {items.length === 0 ? (
            <p class="hint">{t.nothing}</p>
          ) : (
            <ul class="between-items">
              {items.map((i) => (
                <li>
                  <p>
                    <strong>{t.kinds[i.kind] ?? i.kind}</strong> · <time dateTime={i.answeredAt}>{formatWhen(i.answeredAt ?? i.dueAt, zone, locale)}</time>
                    {i.score !== undefined && <> · {t.score(i.score)}</>}
                  </p>
                  {i.answers?.map((a) => (
                    <p class="between-qa">
                      <span class="hint">{a.question}</span> {a.text}
                    </p>
                  ))}
                  {i.comment && <p class="between-qa">“{i.comment}”</p>}
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
    </section>
  );
}
