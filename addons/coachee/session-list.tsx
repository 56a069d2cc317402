/** The coachee's planned sessions (with cancel, up to the coach's notice) and, for a closed trajectory, its history. */
import { useState } from 'preact/hooks';
import type { CoacheeView, Locale } from '../../shared/protocol';
import { formatWhen } from '../common/format';
import type { OnboardingStrings } from './onboarding-strings';

/** Planned sessions; `cancel` answers a problem type on failure, null when it worked. */
export function PlannedSessions({ view, locale, t, cancel }: { view: CoacheeView; locale: Locale; t: OnboardingStrings; cancel: (id: string) => Promise<string | null> }) {
  const [message, setMessage] = useState('');
  if (view.upcoming.length === 0 && !message) return null;
  const run = async (id: string, when: string) => {
    if (!window.confirm(t.cancelConfirm(when))) return;
    const failure = await cancel(id);
    setMessage(failure === null ? t.cancelled : failure === '/problems/cancellation-too-late' ? t.cancelTooLate(view.booking.cancellationNoticeHours) : t.cancelFailed);
  };
  return (
    <section aria-labelledby="c-planned-h" data-testid="planned">
      <h2 id="c-planned-h" class="section-h">{t.yourSessions}</h2>
      <ul class="list">
        {view.upcoming.map((s) => {
          const when = formatWhen(s.startsAt, view.timeZone, locale);
          return (
            <li class="row" key={s.id}>
              <span class="row-text">
                <time dateTime={s.startsAt}>{when}</time>
              </span>
              {s.cancellable && (
                <button type="button" class="btn" onClick={() => void run(s.id, when)}>
                  {t.cancel}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p class="hint" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}

/** What happened in the trajectory: held and cancelled sessions, latest first. */
export function SessionHistory({ view, locale, t }: { view: CoacheeView; locale: Locale; t: OnboardingStrings }) {
  if (view.history.length === 0) return null;
  return (
    <section aria-labelledby="c-hist-h">
      <h2 id="c-hist-h" class="section-h">{t.history}</h2>
      <ul class="list" data-testid="history">
        {view.history.map((s) => (
          <li class="row" key={s.id}>
            <span class="row-text">
              <time dateTime={s.startsAt}>{formatWhen(s.startsAt, view.timeZone, locale)}</time>
            </span>
            <span class={`tag tag-${s.status === 'held' ? 'done' : 'dropped'}`}>{s.status === 'held' ? t.held : t.wasCancelled}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
