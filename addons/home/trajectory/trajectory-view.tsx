/** The coach's "between sessions" view of one trajectory, for /app: pause, the score chart and the timeline with the coachee's answers. */
import { useEffect } from 'preact/hooks';
import type { Locale } from '../../../shared/protocol';
import { ScoreChart } from './score-chart';
import { SettingsForm } from './settings-form';
import { TimelineList } from './timeline-list';
import type { TrajectoryModel } from './trajectory-model';
import { trajectoryStrings } from './trajectory-strings';

/** Loads on mount. */
export function TrajectoryView({ model, locale, zone, coacheeLocale = locale }: { model: TrajectoryModel; locale: Locale; zone: string; coacheeLocale?: Locale }) {
  const t = trajectoryStrings(locale);
  useEffect(() => void model.load(), [model]);
  const status = model.status.value;
  const paused = model.timeline.value?.paused ?? false;
  return (
    <section class="trajectory" aria-labelledby="trj-h" data-testid="trajectory">
      <div class="trj-head">
        <h2 id="trj-h" class="section-h">
          {t.title}
        </h2>
        {status === 'ready' && (
          <button type="button" class="btn btn-small" aria-pressed={paused} disabled={model.busy.value !== null} onClick={() => void model.setPaused(!paused)}>
            {paused ? t.resume : t.pause}
          </button>
        )}
      </div>
      {status === 'loading' && <p role="status">{t.loading}</p>}
      {status === 'failed' && (
        <p role="alert">
          {t.failed}{' '}
          <button type="button" class="btn btn-small" onClick={() => void model.load()}>
            {t.retry}
          </button>
        </p>
      )}
      {status === 'ready' && (
        <>
          {paused && <p class="note">{t.paused}</p>}
          <h3 class="section-h">{t.chart}</h3>
          {model.progress.value && <ScoreChart data={model.progress.value} t={t} locale={locale} zone={zone} />}
          <h3 class="section-h">{t.timeline}</h3>
          <TimelineList model={model} t={t} locale={locale} zone={zone} />
          {model.settings.value && (
            <details class="settings-box">
              <summary>{t.settings}</summary>
              <SettingsForm model={model} settings={model.settings.value} locale={locale} coacheeLocale={coacheeLocale} />
            </details>
          )}
        </>
      )}
    </section>
  );
}
