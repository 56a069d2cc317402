/** The invitation's steps on the coachee page: the coach's welcome, the privacy statement with consent, and the intake questionnaire. */
import { useEffect, useRef } from 'preact/hooks';
import type { CoacheeView } from '../../shared/protocol';
import type { OnboardingFlowModel } from './onboarding-model';
import type { OnboardingStrings } from './onboarding-strings';

/** One step of the walk at a time; the heading takes the focus when the step changes, so screen readers announce it. */
export function OnboardingSteps({ flow, view, t }: { flow: OnboardingFlowModel; view: CoacheeView; t: OnboardingStrings }) {
  const step = flow.step.value;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step]);
  const onboarding = flow.data.value ?? view.onboarding;
  return (
    <section class="onboarding" aria-labelledby="ob-h" data-testid={`onboarding-${step}`}>
      <p class="hint">{t.stepOf(flow.stepNumber.value)}</p>
      {step === 'welcome' && (
        <>
          <h2 id="ob-h" class="section-h" ref={heading} tabIndex={-1}>
            {t.welcomeH(view.coachName)}
          </h2>
          {(onboarding.welcome || t.welcomeDefault).split(/\n{2,}/).map((p) => (
            <p class="ob-text">{p}</p>
          ))}
          <div class="ob-actions">
            <button type="button" class="btn btn-primary" onClick={flow.next}>
              {t.start}
            </button>
          </div>
        </>
      )}
      {step === 'privacy' && (
        <>
          <h2 id="ob-h" class="section-h" ref={heading} tabIndex={-1}>
            {t.privacyH}
          </h2>
          <ul class="ob-list">
            {t.privacy.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
          {flow.problem.value && (
            <p class="ob-error" role="alert">
              {t.consentFailed}
            </p>
          )}
          <div class="ob-actions">
            <button type="button" class="btn" onClick={flow.back}>
              {t.back}
            </button>
            <button type="button" class="btn btn-primary" onClick={() => void flow.agree()}>
              {t.agree}
            </button>
          </div>
        </>
      )}
      {step === 'intake' && (
        <>
          <h2 id="ob-h" class="section-h" ref={heading} tabIndex={-1}>
            {t.intakeH}
          </h2>
          <p class="hint">{t.intakeIntro}</p>
          {onboarding.intake.questions.map((q) => (
            <div class="field" key={q.id}>
              <label for={`iq-${q.id}`}>{q.text}</label>
              <textarea id={`iq-${q.id}`} class="input" rows={3} maxLength={4000} value={flow.answers.value[q.id] ?? ''} onInput={(e) => flow.type(q.id, e.currentTarget.value)} />
            </div>
          ))}
          <p class={`ob-save ob-save-${flow.saveState.value}`} role="status" aria-live="polite" data-testid="intake-save">
            {flow.saveState.value === 'saving' ? t.saving : flow.saveState.value === 'saved' ? t.saved : flow.saveState.value === 'failed' ? t.saveFailed : ''}
          </p>
          <div class="ob-actions">
            <button type="button" class="btn" onClick={flow.back}>
              {t.back}
            </button>
            <button type="button" class="btn btn-primary" onClick={() => void flow.finish()}>
              {t.toBooking}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
