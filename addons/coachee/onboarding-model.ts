/** The invitation's walk for the coachee: welcome → privacy and consent → intake (saved as typed) → booking; resumable from where they left. */
import { computed, createModel, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import type { Onboarding } from '../../shared/protocol';
import type { Clock, KeyValueStore } from '../common/ports';

/** The calls the walk makes on the coachee's link (`POST …/consent`, `PUT …/intake`); they reject on failure. */
export type OnboardingApi = {
  consent(): Promise<Onboarding>;
  saveIntake(answers: { questionId: string; text: string }[]): Promise<Onboarding>;
};

export type OnboardingStep = 'welcome' | 'privacy' | 'intake' | 'done';
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** Answers are sent this long after the last keystroke. */
export const SAVE_AFTER_MS = 700;

/** One walk per link; `storeKey` keeps the step and unsent answers on this device, so a closed tab resumes where it was. */
export const OnboardingFlow = createModel((deps: { api: OnboardingApi; clock: Clock; store: KeyValueStore; storeKey: string }) => {
  const step = signal<OnboardingStep>('welcome');
  const data = signal<Onboarding | null>(null);
  const answers = signal<Record<string, string>>({});
  const saveState = signal<SaveState>('idle');
  const problem = signal(false);
  let unsent: Record<string, string> = {};
  let cancelTimer: (() => void) | null = null;

  const remember = () => deps.store.set(deps.storeKey, JSON.stringify({ step: step.value, unsent }));

  async function flush(): Promise<boolean> {
    cancelTimer?.();
    cancelTimer = null;
    const batch = Object.entries(unsent).map(([questionId, text]) => ({ questionId, text }));
    if (batch.length === 0) return true;
    saveState.value = 'saving';
    try {
      data.value = await deps.api.saveIntake(batch);
      for (const a of batch) if (unsent[a.questionId] === a.text) delete unsent[a.questionId];
      remember();
      saveState.value = Object.keys(unsent).length ? 'saving' : 'saved';
      return true;
    } catch {
      saveState.value = 'failed';
      return false;
    }
  }

  return {
    step: step as ReadonlySignal<OnboardingStep>,
    data: data as ReadonlySignal<Onboarding | null>,
    answers: answers as ReadonlySignal<Record<string, string>>,
    saveState: saveState as ReadonlySignal<SaveState>,
    problem: problem as ReadonlySignal<boolean>,
    /** 1-based number of the step, for "step n of 4". */
    stepNumber: computed(() => ({ welcome: 1, privacy: 2, intake: 3, done: 4 })[step.value]),

    /**
     * Starts (or resumes) the walk from the server's onboarding and what this device kept. The intake step comes up by itself
     * only before the first session has taken place (`beforeFirstSession`); later it stays one click away.
     */
    start(onboarding: Onboarding, beforeFirstSession = true): void {
      data.value = onboarding;
      let kept: { step?: OnboardingStep; unsent?: Record<string, string> } = {};
      try {
        kept = JSON.parse(deps.store.get(deps.storeKey) ?? '{}');
      } catch {
        kept = {};
      }
      unsent = kept.unsent ?? {};
      answers.value = { ...Object.fromEntries(onboarding.intake.answers.map((a) => [a.questionId, a.text])), ...unsent };
      const noQuestions = onboarding.intake.questions.length === 0;
      if (!onboarding.consentGiven) step.value = kept.step === 'privacy' ? 'privacy' : 'welcome';
      else step.value = kept.step === 'done' || noQuestions || !beforeFirstSession ? 'done' : 'intake';
      if (Object.keys(unsent).length) void flush();
    },
    next(): void {
      if (step.value === 'welcome') step.value = 'privacy';
      remember();
    },
    back(): void {
      if (step.value === 'privacy') step.value = 'welcome';
      else if (step.value === 'intake') step.value = 'privacy';
      remember();
    },
    /** The coachee agrees to the privacy statement; then the intake (or, without questions, booking). */
    async agree(): Promise<void> {
      problem.value = false;
      try {
        data.value = await deps.api.consent();
        step.value = data.value.intake.questions.length ? 'intake' : 'done';
        remember();
      } catch {
        problem.value = true;
      }
    },
    /** An answer as typed: kept on this device at once, sent shortly after the typing stops. */
    type(questionId: string, text: string): void {
      answers.value = { ...answers.value, [questionId]: text };
      unsent[questionId] = text;
      remember();
      saveState.value = 'saving';
      cancelTimer?.();
      cancelTimer = deps.clock.schedule(() => void flush(), SAVE_AFTER_MS);
    },
    /** Sends what is left and moves on to booking; stays when the answers could not be saved. */
    async finish(): Promise<void> {
      if (!(await flush())) return;
      step.value = 'done';
      remember();
    },
    /** Back to the intake from the booking step, to change an answer. */
    reopen(): void {
      step.value = 'intake';
      remember();
    },
    flush,
  };
});

export type OnboardingFlowModel = InstanceType<typeof OnboardingFlow>;
