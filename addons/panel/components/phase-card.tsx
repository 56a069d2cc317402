/** The current phase of the conversation model: purpose, prompt questions, its timer, and the step to the next phase. */
import type { ConversationModel } from '../../../shared/protocol';
import type { PhaseTimerModel } from '../models/phase-timer';
import { useStrings } from '../i18n/strings';
import { formatClock } from '../../common/format';
import { PhaseSteps } from './phase-steps';

export type PhaseCardProps = { timer: PhaseTimerModel; model: ConversationModel; onReferral: (() => void) | null; onPlan: () => void };

/** The phase of the default model in which the next session is booked, before parting. */
export const PLAN_PHASE = 'next-appointment';

/** The phase card; "next" is one click here or the N key (handled by the shell). In the phase "next appointment" it leads to booking. */
export function PhaseCard({ timer, model, onReferral, onPlan }: PhaseCardProps) {
  const t = useStrings();
  const phase = timer.current.value;
  const phases = timer.phases.value;
  const index = timer.index.value;
  const elapsed = timer.elapsedMs.value;
  const budget = timer.budgetMs.value;
  const over = phase !== null && elapsed > budget;
  const last = index === phases.length - 1;
  return (
    <section class="phase" aria-labelledby="phase-title">
      <div class="phase-head">
        <span class="phase-of">{phase ? t.phase.of(index + 1, phases.length) : model.name}</span>
        {onReferral && (
          <button type="button" class="link-quiet" onClick={onReferral}>
            {t.model.referral}
          </button>
        )}
      </div>
      <h2 id="phase-title" class="phase-title">
        {phase ? phase.title : timer.started.value ? t.phase.finished : t.phase.notStarted}
      </h2>
      {phase && <p class="phase-purpose">{phase.purpose}</p>}
      {phase && (
        <div class={`timer${over ? ' timer-over' : ''}`}>
          <div
            class="timer-bar"
            role="progressbar"
            aria-label={t.phase.heading}
            aria-valuemin={0}
            aria-valuemax={Math.round(budget / 1000)}
            aria-valuenow={Math.min(Math.round(elapsed / 1000), Math.round(budget / 1000))}
            aria-valuetext={t.phase.timerLabel(formatClock(elapsed), formatClock(budget)) + (over ? `, ${t.phase.overBy(formatClock(elapsed - budget))}` : '')}
          >
            <span class="timer-fill" style={{ width: `${budget > 0 ? Math.min(100, (elapsed / budget) * 100) : 100}%` }} />
          </div>
          <span class="timer-text" aria-hidden="true" data-testid="phase-timer">
            {formatClock(elapsed)} / {formatClock(budget)}
            {over && <span class="timer-overby"> +{formatClock(elapsed - budget)}</span>}
          </span>
        </div>
      )}
      {phase && phase.prompts.length > 0 && (
        <details class="prompts" open>
          <summary>{t.phase.prompts}</summary>
          <ul>
            {phase.prompts.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
        </details>
      )}
      {phase?.key === PLAN_PHASE && (
        <button type="button" class="btn btn-plan" onClick={onPlan}>
          {t.phase.planNext}
        </button>
      )}
      <div class="phase-actions">
        {index > 0 && (
          <button type="button" class="btn btn-quiet" onClick={timer.previous} aria-label={t.phase.previous}>
            <span aria-hidden="true">←</span>
          </button>
        )}
        <button type="button" class="btn btn-primary" onClick={timer.next} aria-keyshortcuts="N" data-testid="next-phase">
          {index < 0 ? t.phase.start : last ? t.phase.finish : t.phase.next}
          <kbd class="key-hint" aria-hidden="true">N</kbd>
        </button>
      </div>
      <PhaseSteps timer={timer} />
    </section>
  );
}
