/** One between-session form on the coachee page: check-in (score preselected from the mail, confirmed here), reflection, evaluation, agreement "done", micro-learning or a message. */
import { useEffect, useRef } from 'preact/hooks';
import type { Locale } from '../../../shared/protocol';
import { formatDue } from '../../common/format';
import type { BetweenModel } from './between-model';
import type { BetweenStrings } from './between-strings';

/** Score 1–5 as a radio group with labels. */
function ScoreChoice({ model, legend, labels }: { model: BetweenModel; legend: string; labels: string[] }) {
  return (
    <fieldset class="score-choice">
      <legend>{legend}</legend>
      <div class="score-row">
        {[1, 2, 3, 4, 5].map((n) => (
          <label class={`score-opt${model.score.value === n ? ' score-on' : ''}`}>
            <input type="radio" name="score" value={n} checked={model.score.value === n} onChange={() => model.pick(n)} />
            <span class="score-n">{n}</span>
            <span class="score-l">{labels[n - 1]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The opened touchpoint; the heading takes focus so a coachee arriving from a mail lands on it. */
export function TouchpointForm({ model, t, locale, zone }: { model: BetweenModel; t: BetweenStrings; locale: Locale; zone: string }) {
  const f = model.form.value;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [f?.id]);
  if (!f) return null;
  const state = model.state.value;
  const answerable = f.kind === 'checkin' || f.kind === 'reflection' || f.kind === 'evaluation';
  const onSubmit = (e: Event) => {
    e.preventDefault();
    void model.submit();
  };
  return (
    <section class="tp-form" aria-labelledby="tp-h" data-testid="touchpoint-form" data-kind={f.kind}>
      <h2 id="tp-h" class="section-h" tabIndex={-1} ref={heading}>
        {f.title}
      </h2>
      <p>{f.intro}</p>
      {f.body.map((p) => (
        <p>{p}</p>
      ))}
      {f.agreement && (
        <div class="tp-agreement">
          <p>
            {t.youAgreed} <strong>{f.agreement.what}</strong>
            {f.agreement.due && ` — ${t.by} ${formatDue(f.agreement.due, zone, locale)}`}
          </p>
          {f.agreement.status === 'done' ? (
            <p role="status">{t.agreementIsDone}</p>
          ) : (
            <button type="button" class={model.doneFromMail ? 'btn btn-primary' : 'btn'} onClick={() => void model.markDone()} disabled={state === 'saving'}>
              {t.markDone}
            </button>
          )}
        </div>
      )}
      {answerable && (
        <form onSubmit={onSubmit} noValidate>
          {f.asksScore && <ScoreChoice model={model} legend={f.kind === 'evaluation' ? t.goalsLegend : t.scoreLegend} labels={f.scoreLabels} />}
          {model.preselected.value && <p class="hint">{t.preselected}</p>}
          {f.questions.map((q, i) => (
            <label class="field">
              <span>{q}</span>
              <textarea class="input" rows={3} maxLength={2000} value={model.answers.value[i]} onInput={(e) => model.setAnswer(i, (e.target as HTMLTextAreaElement).value)} />
            </label>
          ))}
          {f.kind === 'checkin' && (
            <label class="field">
              <span>{t.comment}</span>
              <textarea class="input" rows={2} maxLength={1000} value={model.comment.value} onInput={(e) => (model.comment.value = (e.target as HTMLTextAreaElement).value)} />
            </label>
          )}
          <p>
            <button type="submit" class="btn btn-primary" disabled={state === 'saving'}>
              {state === 'saving' ? t.saving : f.kind === 'checkin' ? t.confirm : f.status === 'answered' ? t.update : t.send}
            </button>
          </p>
        </form>
      )}
      <div role="status" aria-live="polite" data-testid="tp-status">
        {state === 'saved' && !f.message && <p>{t.saved}</p>}
        {f.message && (
          <div class="tp-message">
            <p>{t.savedLow}</p>
            <blockquote>{f.message}</blockquote>
          </div>
        )}
        {state === 'invalid' && <p class="field-error">{f.kind === 'checkin' ? t.needScore : t.needAnswer}</p>}
        {state === 'error' && <p class="field-error">{t.failed}</p>}
      </div>
      <button type="button" class="btn btn-quiet btn-small" onClick={model.close}>
        {t.close}
      </button>
    </section>
  );
}
