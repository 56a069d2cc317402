/** The session at a glance: coachee, trajectory goal, time left, sync state, language and theme switches. */
import type { PanelModel } from '../models/panel';
import type { SessionModel } from '../models/session';
import { useStrings } from '../i18n/strings';
import { formatWhen, minutesUp } from '../../common/format';
import { SyncBadge } from './sync-badge';

/** The panel's header. */
export function SessionHeader({ panel, session }: { panel: PanelModel; session: SessionModel }) {
  const t = useStrings();
  const data = session.data.value;
  const locale = panel.locale.value;
  const dark = panel.theme.value === 'dark';
  const left = session.timer.sessionLeftMs.value;
  const startsAt = Date.parse(data.session.startsAt);
  const endsAt = Date.parse(data.session.endsAt);
  const fullLength = left >= endsAt - startsAt;
  const time = left <= 0 ? t.header.over : fullLength ? t.header.planned(minutesUp(left)) : t.header.left(minutesUp(left));
  return (
    <header class="hdr">
      <div class="hdr-top">
        <h1 class="hdr-name">{data.coachee.name}</h1>
        <SyncBadge state={session.live.syncState.value} queued={session.live.queued.value} />
        <button type="button" class="btn-icon" lang={locale === 'nl' ? 'en' : 'nl'} aria-label={`${t.header.switchLocale} · ${t.header.switchLocaleLabel}`} onClick={() => panel.setLocale(locale === 'nl' ? 'en' : 'nl')}>
          {t.header.switchLocale}
        </button>
        <button type="button" class="btn-icon" aria-label={dark ? t.header.toLight : t.header.toDark} aria-pressed={dark} onClick={panel.toggleTheme}>
          <span aria-hidden="true">{dark ? '☀' : '☾'}</span>
        </button>
      </div>
      <p class="hdr-goal">
        <span class="label">{t.header.goal}</span> {data.engagement.goal || <em>{t.header.noGoal}</em>}
      </p>
      <p class="hdr-time">
        <span class="sr-only">{t.header.sessionTime}: </span>
        <time dateTime={data.session.startsAt}>{formatWhen(data.session.startsAt, data.coach.timeZone, locale)}</time>
        {' · '}
        <strong class={left <= 0 ? 'over' : undefined} data-testid="session-left">
          {time}
        </strong>
      </p>
    </header>
  );
}
