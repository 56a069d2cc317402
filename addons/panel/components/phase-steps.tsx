/** The model's phases as a compact stepper: current, visited, over budget; each one a button to jump to it. */
import type { PhaseTimerModel } from '../models/phase-timer';
import { useStrings } from '../i18n/strings';
import { formatClock } from '../../common/format';

/** Numbered step buttons with the phase title and budget in their accessible name. */
export function PhaseSteps({ timer }: { timer: PhaseTimerModel }) {
  const t = useStrings();
  const index = timer.index.value;
  const budgets = timer.budgets.value;
  return (
    <ol class="steps" aria-label={t.phase.steps}>
      {timer.phases.value.map((phase, i) => {
        const budget = budgets[phase.key] ?? 0;
        return (
          <li key={phase.key}>
            <button
              type="button"
              class={`step${i === index ? ' step-current' : i < index ? ' step-past' : ''}`}
              aria-current={i === index ? 'step' : undefined}
              aria-label={`${i + 1}. ${phase.title} (${formatClock(budget)})`}
              title={t.phase.goTo(phase.title)}
              onClick={() => timer.goTo(phase.key)}
            >
              {i + 1}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
