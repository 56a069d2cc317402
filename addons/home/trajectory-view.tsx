/** One trajectory: its invitation link to copy, the coachee's consent and intake answers, completing it, and the slot for extras; and starting one. */
import { useEffect, useState } from 'preact/hooks';
import type { Coachee, Engagement } from '../../shared/protocol';
import { formatWhen } from '../common/format';
import { SubmitRow } from './form-rows';
import type { HomeJson, HomeModelInstance } from './home-model';
import type { HomeStrings } from './home-strings';
import { TRAJECTORY_EXTRAS } from './trajectory/slot';

type Intake = Awaited<ReturnType<HomeModelInstance['intake']>>;

export function TrajectoryView({ engagement: e, home, t, json }: { engagement: Engagement; home: HomeModelInstance; t: HomeStrings; json: HomeJson }) {
  const [link, setLink] = useState<string | null>(null);
  const [intake, setIntake] = useState<Intake | null>(null);
  const [copied, setCopied] = useState(false);
  const locale = home.locale.value;
  const zone = home.me.value!.timeZone;
  const closed = e.status === 'closed';
  useEffect(() => {
    if (!closed) home.link(e.id).then((l) => setLink(l.url), () => setLink(null));
    home.intake(e.id).then(setIntake, () => setIntake(null));
  }, [e.id, closed, e.consentAt, home.sessions.value.length]);
  const copy = async () => {
    if (!link) return;
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setCopied(true);
  };
  const renew = async () => setLink((await home.link(e.id, true)).url);
  const answers = new Map(intake?.intake.answers.map((a) => [a.questionId, a.text]) ?? []);
  return (
    <article class="trajectory" aria-label={`${t.trajectory}: ${e.goal || e.id}`} data-testid="trajectory">
      <h4 class="traj-h">
        {e.goal || t.trajectory} <span class={`tag tag-${closed ? 'dropped' : 'done'}`}>{t.status[e.status]}</span>
      </h4>
      {link && (
        <div class="field">
          <label for={`link-${e.id}`}>{t.invitation}</label>
          <div class="add-row link-row">
            <input id={`link-${e.id}`} class="input" readOnly value={link} data-testid="invitation-link" onFocus={(ev) => ev.currentTarget.select()} />
            <button type="button" class="btn btn-small" onClick={() => void copy()}>
              {t.copy}
            </button>
            <button type="button" class="btn btn-small btn-quiet" onClick={() => void renew()}>
              {t.newLink}
            </button>
          </div>
          <span class="hint" role="status" aria-live="polite">
            {copied ? t.copied : ''}
          </span>
        </div>
      )}
      <details class="intake" open={answers.size > 0}>
        <summary>
          {t.intakeH} ({answers.size}/{intake?.intake.questions.length ?? 0})
        </summary>
        <p class="hint">{intake?.consentAt ? t.consentAt(formatWhen(intake.consentAt, zone, locale)) : t.noConsent}</p>
        {answers.size === 0 ? (
          <p class="empty">{t.noIntake}</p>
        ) : (
          <dl class="intake-list" data-testid="intake-answers">
            {intake!.intake.questions
              .filter((q) => answers.has(q.id))
              .map((q) => (
                <div key={q.id}>
                  <dt>{q.text}</dt>
                  <dd>{answers.get(q.id)}</dd>
                </div>
              ))}
          </dl>
        )}
      </details>
      {TRAJECTORY_EXTRAS.map((Extra, i) => (
        <Extra key={i} engagement={e} json={json} locale={locale} />
      ))}
      {!closed && (
        <button type="button" class="btn btn-small btn-quiet" onClick={() => window.confirm(t.closeConfirm) && void home.patchTrajectory(e.id, { status: 'closed' }, t.saved)}>
          {t.closeTrajectory}
        </button>
      )}
    </article>
  );
}

const TOUCHPOINT_KINDS = ['reflection', 'checkin', 'reminder.session'] as const;

/** Starts a trajectory: goal, model, session length, welcome, intake questions and touchpoint defaults (stored as given). */
export function StartTrajectory({ coachee, home, t, onDone }: { coachee: Coachee; home: HomeModelInstance; t: HomeStrings; onDone: () => void }) {
  const models = home.models.value;
  const [f, setF] = useState({ goal: '', modelId: models[0]?.id ?? 'builtin-coaching', sessionMinutes: '60', welcome: '', questions: '' });
  const [kinds, setKinds] = useState<Record<string, boolean>>({ reflection: true, checkin: true, 'reminder.session': true });
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const id = coachee.id;
  const submit = async (e: Event) => {
    e.preventDefault();
    const lines = f.questions.split('\n').map((l) => l.trim()).filter(Boolean);
    const body = {
      coacheeId: coachee.id,
      goal: f.goal,
      modelId: f.modelId,
      sessionMinutes: Number(f.sessionMinutes),
      welcome: f.welcome,
      intakeQuestions: lines.length ? lines.map((text, i) => ({ id: `q${i + 1}`, text })) : null,
      touchpoints: Object.fromEntries(TOUCHPOINT_KINDS.map((k) => [k, { on: !!kinds[k] }])),
    };
    if ((await home.startTrajectory(body, t.saved)) !== null) onDone();
  };
  return (
    <form class="grid-form" onSubmit={submit} aria-label={t.startTrajectory}>
      <div class="field field-wide">
        <label for={`tg-${id}`}>{t.goal}</label>
        <input id={`tg-${id}`} class="input" maxLength={1000} value={f.goal} onInput={set('goal')} />
      </div>
      <div class="field">
        <label for={`tm-${id}`}>{t.model}</label>
        <select id={`tm-${id}`} class="input" value={f.modelId} onChange={set('modelId')}>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`tl-${id}`}>{t.sessionMinutes}</label>
        <input id={`tl-${id}`} class="input" type="number" min={15} max={480} step={5} value={f.sessionMinutes} onInput={set('sessionMinutes')} />
      </div>
      <div class="field field-wide">
        <label for={`tw-${id}`}>{t.welcome}</label>
        <textarea id={`tw-${id}`} class="input" rows={3} maxLength={2000} value={f.welcome} onInput={set('welcome')} />
      </div>
      <div class="field field-wide">
        <label for={`tq-${id}`}>{t.intakeQuestions}</label>
        <textarea id={`tq-${id}`} class="input" rows={3} value={f.questions} onInput={set('questions')} />
      </div>
      <fieldset class="field field-wide">
        <legend>{t.touchpoints}</legend>
        {TOUCHPOINT_KINDS.map((k) => (
          <label key={k} class="check-row">
            <input type="checkbox" checked={!!kinds[k]} onChange={(e) => setKinds({ ...kinds, [k]: e.currentTarget.checked })} /> {t.touchpointKinds[k]}
          </label>
        ))}
      </fieldset>
      <SubmitRow>{t.startTrajectory}</SubmitRow>
    </form>
  );
}
