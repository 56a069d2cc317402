/** The coachee's between-session state: what reached them, the form they opened (a score from a mail is preselected, never saved until confirmed) and their mail preferences. */
import { signal } from '@preact/signals';
import type { CoacheePrefs, CoacheeTouchpoint, CoacheeTouchpointList, TouchpointAnswer } from '../../../shared/protocol';

/** What the model asks of the Worker (the coachee's capability link, or the preferences link). */
export type BetweenApi = {
  list(): Promise<CoacheeTouchpointList>;
  get(id: string): Promise<CoacheeTouchpoint>;
  answer(id: string, body: TouchpointAnswer): Promise<CoacheeTouchpoint>;
  markDone(agreementId: string): Promise<unknown>;
  savePrefs(patch: Partial<CoacheePrefs>): Promise<CoacheePrefs>;
};

/** Where the page was opened from: `?tp=<id>&score=<n>` (a check-in mail), `&done=1` (an agreement reminder). */
export type OpenedFrom = { tp: string | null; score: number | null; done: boolean };

/** Reads `tp`, `score` and `done` from the page URL. */
export function openedFrom(search: string): OpenedFrom {
  const q = new URLSearchParams(search);
  const score = Number(q.get('score'));
  return { tp: q.get('tp'), score: Number.isInteger(score) && score >= 1 && score <= 5 ? score : null, done: q.get('done') === '1' };
}

/** The model; every write is a POST/PATCH after the coachee's click. */
export function createBetween(api: BetweenApi, from: OpenedFrom) {
  const list = signal<CoacheeTouchpointList | null>(null);
  const form = signal<CoacheeTouchpoint | null>(null);
  const score = signal<number | null>(null);
  const preselected = signal(false);
  const answers = signal<string[]>([]);
  const comment = signal('');
  const state = signal<'idle' | 'saving' | 'saved' | 'error' | 'invalid'>('idle');
  const prefsState = signal<'idle' | 'saving' | 'saved' | 'error'>('idle');

  const fill = (t: CoacheeTouchpoint, scoreFromMail: number | null) => {
    form.value = t;
    score.value = scoreFromMail ?? t.score;
    preselected.value = scoreFromMail !== null && scoreFromMail !== t.score;
    answers.value = t.questions.map((_, i) => t.answers?.[i] ?? '');
    comment.value = t.comment ?? '';
    state.value = 'idle';
  };

  return {
    list,
    form,
    score,
    preselected,
    answers,
    comment,
    state,
    prefsState,
    /** Whether the agreement reminder was opened from its "done" link (the button is offered first; nothing is ticked yet). */
    doneFromMail: from.done,
    async load(): Promise<void> {
      const [l, t] = await Promise.all([api.list().catch(() => null), from.tp ? api.get(from.tp).catch(() => null) : Promise.resolve(null)]);
      list.value = l;
      if (t) fill(t, t.kind === 'checkin' || t.kind === 'evaluation' ? from.score : null);
    },
    async open(id: string): Promise<void> {
      fill(await api.get(id), null);
    },
    close(): void {
      form.value = null;
    },
    pick(n: number): void {
      score.value = n;
      preselected.value = false;
    },
    setAnswer(i: number, text: string): void {
      answers.value = answers.value.map((a, j) => (j === i ? text : a));
    },
    async submit(): Promise<void> {
      const t = form.value;
      if (!t) return;
      const needsScore = t.kind === 'checkin';
      if ((needsScore && score.value === null) || (!needsScore && !answers.value.some((a) => a.trim()))) {
        state.value = 'invalid';
        return;
      }
      state.value = 'saving';
      try {
        const body: TouchpointAnswer = needsScore
          ? { score: score.value!, ...(comment.value.trim() ? { comment: comment.value.trim() } : {}) }
          : { answers: answers.value.map((a) => a.trim()), ...(score.value !== null ? { score: score.value } : {}) };
        const saved = await api.answer(t.id, body);
        fill(saved, null);
        state.value = 'saved';
        list.value = await api.list().catch(() => list.value);
      } catch {
        state.value = 'error';
      }
    },
    async markDone(): Promise<void> {
      const a = form.value?.agreement;
      if (!a) return;
      state.value = 'saving';
      try {
        await api.markDone(a.id);
        form.value = { ...form.value!, agreement: { ...a, status: 'done' } };
        state.value = 'saved';
      } catch {
        state.value = 'error';
      }
    },
    async savePrefs(patch: Partial<CoacheePrefs>): Promise<void> {
      prefsState.value = 'saving';
      try {
        const prefs = await api.savePrefs(patch);
        list.value = list.value ? { ...list.value, prefs } : { items: [], prefs };
        prefsState.value = 'saved';
      } catch {
        prefsState.value = 'error';
      }
    },
  };
}

/** The between-session model. */
export type BetweenModel = ReturnType<typeof createBetween>;
