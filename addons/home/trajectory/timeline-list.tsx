/** The trajectory's timeline: what was sent, answered and is planned, with skip on planned rows and the coachee's answers under answered ones. */
import type { Locale, TimelineItem } from '../../../shared/protocol';
import type { TrajectoryModel } from './trajectory-model';
import type { TrajectoryStrings } from './trajectory-strings';

const when = (iso: string, zone: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(Date.parse(iso));

function Row({ item, model, t, locale, zone }: { item: TimelineItem; model: TrajectoryModel; t: TrajectoryStrings; locale: Locale; zone: string }) {
  const what = t.kinds[item.kind] ?? item.kind;
  const at = when(item.dueAt, zone, locale);
  return (
    <li class={`tl-row tl-${item.status}`} data-status={item.status} data-kind={item.kind}>
      <div class="tl-head">
        <time dateTime={item.dueAt}>{at}</time>
        <span class="tl-kind">{what}</span>
        <span class={`tag tag-${item.status}`}>{t.status[item.status]}</span>
        {item.score !== undefined && <span class={item.score <= 2 ? 'tl-score tl-score-low' : 'tl-score'}>{item.score}/5</span>}
        {item.status === 'planned' && (
          <button type="button" class="btn btn-small" aria-label={t.skipLabel(what, at)} disabled={model.busy.value !== null} onClick={() => void model.skip(item.id)}>
            {t.skip}
          </button>
        )}
      </div>
      {item.answers?.map((a) => (
        <p class="tl-answer">
          <span class="hint">{a.question}</span> {a.text}
        </p>
      ))}
      {item.comment && <p class="tl-answer">“{item.comment}”</p>}
    </li>
  );
}

/** The list, oldest first, so what is planned reads as what comes next. */
export function TimelineList({ model, t, locale, zone }: { model: TrajectoryModel; t: TrajectoryStrings; locale: Locale; zone: string }) {
  const items = model.timeline.value?.items ?? [];
  if (items.length === 0) return <p class="hint">{t.empty}</p>;
  return (
    <ol class="tl" data-testid="timeline">
      {items.map((item) => (
        <Row item={item} model={model} t={t} locale={locale} zone={zone} />
      ))}
    </ol>
  );
}
