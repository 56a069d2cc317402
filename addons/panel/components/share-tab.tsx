/** The Share tab: the next session, this session's calendar status with "publish", its meeting link, and exactly what the invite will show. */
import { useEffect } from 'preact/hooks';
import type { Locale } from '../../../shared/protocol';
import type { SessionModel } from '../models/session';
import { useStrings } from '../i18n/strings';
import { CalendarBadge } from './calendar-badge';
import { NextSession } from './next-session';

/** The invite preview (plain text as written to the calendar), refreshed whenever the tab opens; the calendar status is checked while the tab is open. */
export function ShareTab({ session, locale }: { session: SessionModel; locale: Locale }) {
  const t = useStrings();
  const invite = session.invite.value;
  const busy = session.busy.value === 'invite';
  const name = session.data.value.coachee.name;
  const calendar = session.calendar;
  const current = calendar.session.value ?? session.data.value.session;
  const publishing = calendar.publishing.value;
  useEffect(() => {
    void session.refreshInvite();
    calendar.watch();
    return calendar.stop;
  }, [session]);
  return (
    <div class="stack">
      <NextSession session={session} locale={locale} />
      <section class="share" aria-labelledby="share-h" aria-busy={busy}>
        <h3 id="share-h">{t.share.heading(name)}</h3>
        <p class="hint">{t.share.intro}</p>
        <div class="cal-row">
          <CalendarBadge status={current.calendarStatus} />
          <button type="button" class="btn btn-small" onClick={calendar.publish} disabled={publishing}>
            {publishing ? t.cal.publishing : t.cal.publish}
          </button>
        </div>
        {current.calendarStatus === 'pending' && session.data.value.reconnect?.length ? (
          <p class="note" role="alert" data-reconnect={session.data.value.reconnect.join(' ')}>
            {t.cal.reconnect}{' '}
            <a href="/app" target="_blank" rel="noopener noreferrer">
              {t.cal.reconnectLink}
            </a>
          </p>
        ) : null}
        {current.meetingUrl && (
          <p class="meeting">
            {t.cal.meeting}:{' '}
            <a href={current.meetingUrl} target="_blank" rel="noopener noreferrer">
              {current.meetingUrl}
            </a>
          </p>
        )}
        {invite.mode === 'link_only' && <p class="note">{t.share.linkOnly}</p>}
        {session.inviteStale.value && !busy && <p class="note">{t.share.stale}</p>}
        <pre class="invite" tabIndex={0} aria-label={t.share.previewLabel} lang={invite.locale} data-testid="invite-preview">
          {invite.text}
        </pre>
        <button type="button" class="btn" onClick={session.refreshInvite} disabled={busy}>
          {busy ? t.share.refreshing : t.share.refresh}
        </button>
      </section>
    </div>
  );
}
