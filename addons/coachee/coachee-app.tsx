/** The coachee page: session at a glance, the next session (or planning it), the agenda with a field to propose a topic, and the agreements with ticks for their own. */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Agreement } from '../../shared/protocol';
import { Loader } from '../common/components/loader';
import { BookingMessage, SlotPicker } from '../common/components/slot-picker';
import { StatusView } from '../common/components/status-view';
import { formatDue, formatTime, formatWhen } from '../common/format';
import type { CoacheePageModel } from './coachee-model';
import { coacheeStrings } from './i18n';
import type { CoacheeStrings } from './i18n';
import type { OnboardingFlowModel } from './onboarding-model';
import { onboardingStrings } from './onboarding-strings';
import { OnboardingSteps } from './onboarding-view';
import { PlannedSessions, SessionHistory } from './session-list';

/**
 * The whole coachee page; `inviteUrl` gives where a session's invite file is downloaded. Until the invitation's walk is done
 * (welcome, consent, intake) it shows that walk; a closed trajectory shows its history read-only; `between` draws the
 * between-session part.
 */
export function CoacheeApp({ page, flow, inviteUrl, cancel, between }: { page: CoacheePageModel; flow: OnboardingFlowModel; inviteUrl: (sessionId: string) => string; cancel: (id: string) => Promise<string | null>; between?: () => JSX.Element }) {
  const t = coacheeStrings(page.locale.value);
  const view = page.view.value;
  const status = page.status.value;
  if (!view) {
    return (
      <main class="coachee">
        <h1 class="sr-only">{t.title}</h1>
        {status === 'loading' ? <Loader label={t.loading} /> : <StatusView message={t.failed[status === 'ready' ? 'error' : status]} retryLabel={t.retry} onRetry={page.load} />}
      </main>
    );
  }
  const live = page.live.value;
  const sync = live?.syncState.value;
  const problem = live?.problem.value;
  const locale = page.locale.value;
  const o = onboardingStrings(locale);
  const walking = !view.closed && flow.step.value !== 'done';
  return (
    <main class="coachee">
      <header class="coachee-hdr hdr">
        <div class="hdr-top">
          <h1 class="hdr-name">{t.withCoach(view.coachName)}</h1>
          {sync && (
            <span class={`sync sync-${sync}`} role="status" aria-live="polite" data-sync={sync}>
              <span class="sync-dot" aria-hidden="true" />
              {sync === 'offline' ? t.sync.offline(live.queued.value) : t.sync[sync]}
            </span>
          )}
          <button type="button" class="btn-icon" lang={locale === 'nl' ? 'en' : 'nl'} aria-label={`${t.switchLocale} · ${t.switchLocaleLabel}`} onClick={() => page.setLocale(locale === 'nl' ? 'en' : 'nl')}>
            {t.switchLocale}
          </button>
        </div>
        {view.goal && (
          <p class="hdr-goal">
            <span class="label">{t.goal}:</span> {view.goal}
          </p>
        )}
        <p class="hdr-time">
          {view.session ? (
            <>
              {page.sessionOver.value ? t.lastSession : t.session}: <time dateTime={view.session.startsAt}>{formatWhen(view.session.startsAt, view.timeZone, locale)}</time>
              {view.session.meetingUrl && (
                <>
                  {' · '}
                  <a href={view.session.meetingUrl} target="_blank" rel="noopener noreferrer">
                    {t.join}
                  </a>
                </>
              )}
            </>
          ) : (
            t.noSession
          )}
        </p>
      </header>
      {/* What came between sessions, first: a form opened from a mail (the evaluation after closing too) must be there at once. */}
      {between?.()}
      {walking ? (
        <OnboardingSteps flow={flow} view={view} t={o} />
      ) : view.closed ? (
        <section aria-labelledby="c-closed-h">
          <h2 id="c-closed-h" class="section-h">{o.closedH}</h2>
          <p class="hint">{o.closed}</p>
        </section>
      ) : (
        <>
          {view.booking.openBookings >= view.booking.maxOpenBookings && !page.upcoming.value ? <p class="hint">{o.limitReached}</p> : <CoacheeNext page={page} t={t} inviteUrl={inviteUrl} first={!view.session && view.history.length === 0 ? o.firstSession : null} />}
          <PlannedSessions view={view} locale={locale} t={o} cancel={cancel} />
        </>
      )}
      {!walking && (view.session || view.closed) && (
        <>
          <CoacheeAgenda page={page} t={t} canPropose={live !== null && !view.closed} />
          <CoacheeAgreements page={page} t={t} />
        </>
      )}
      {view.closed && <SessionHistory view={view} locale={locale} t={o} />}
      {!walking && !view.closed && view.onboarding.intake.questions.length > 0 && (
        <p>
          <button type="button" class="btn-link" onClick={flow.reopen}>
            {o.editIntake}
          </button>
        </p>
      )}
      <p class="hint">{t.privacy}</p>
      {problem && live && (
        <div class="toast" role="alert" data-testid="problem">
          <p>
            <strong>{t.problem}:</strong> {problem.detail}
          </p>
          <button type="button" class="btn-icon" aria-label={t.dismiss} onClick={live.dismissProblem}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      )}
    </main>
  );
}

/** The next session with its invite file, or the free slots (in the coachee's own zone) to plan it. */
function CoacheeNext({ page, t, inviteUrl, first }: { page: CoacheePageModel; t: CoacheeStrings; inviteUrl: (sessionId: string) => string; first: string | null }) {
  const next = page.upcoming.value;
  const locale = page.locale.value;
  const zone = page.view.value?.timeZone ?? page.booking.zone.value;
  const heading = useRef<HTMLHeadingElement>(null);
  const settled = page.booking.settled.value;
  useEffect(() => {
    if (!next) page.booking.start();
  }, [next]);
  // After a definite outcome the picker changes under the focused control: keep the focus in this section.
  useEffect(() => {
    if (settled) heading.current?.focus();
  }, [settled]);
  return (
    <section aria-labelledby="c-next-h" class="next" data-testid="coachee-next">
      <h2 id="c-next-h" class="section-h" ref={heading} tabIndex={-1}>
        {next ? t.upcoming : (first ?? t.plan)}
      </h2>
      {next ? (
        <>
          <p class="next-when">
            <time dateTime={next.startsAt}>{formatWhen(next.startsAt, zone, locale)}</time>–{formatTime(next.endsAt, zone, locale)}
          </p>
          {page.inviteFor.value === next.id && (
            <a class="btn" href={inviteUrl(next.id)} download>
              {t.invite}
            </a>
          )}
        </>
      ) : (
        <>
          <p class="hint">{t.planIntro}</p>
          <SlotPicker booking={page.booking} t={t.booking} locale={locale} id="c-slot" dayLevel={3} />
        </>
      )}
      <BookingMessage booking={page.booking} t={t.booking} locale={locale} />
    </section>
  );
}

function CoacheeAgenda({ page, t, canPropose }: { page: CoacheePageModel; t: CoacheeStrings; canPropose: boolean }) {
  const [title, setTitle] = useState('');
  const items = page.agenda.value;
  const submit = (e: Event) => {
    e.preventDefault();
    if (page.propose(title)) setTitle('');
  };
  return (
    <section aria-labelledby="c-agenda-h">
      <h2 id="c-agenda-h" class="section-h">{t.agenda}</h2>
      {items.length === 0 ? (
        <p class="empty">{t.agendaEmpty}</p>
      ) : (
        <ul class="list" data-testid="agenda-list">
          {items.map((item) => (
            <li key={item.id} class={`row${item.done ? ' row-done' : ''}`} data-testid="agenda-item">
              <span class="row-text">
                {item.title}
                {item.proposedBy === 'coachee' && <span class="tag tag-coachee">{t.yours}</span>}
              </span>
              {item.proposedBy === 'coachee' && !item.done && (
                <button type="button" class="btn-icon" aria-label={t.removeProposal(item.title)} onClick={() => page.withdraw(item.id)}>
                  <span aria-hidden="true">✕</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canPropose && (
        <form class="add-row" onSubmit={submit}>
          <label class="sr-only" for="c-propose">
            {t.propose}
          </label>
          <input id="c-propose" class="input" value={title} maxLength={200} placeholder={t.propose} autoComplete="off" onInput={(e) => setTitle(e.currentTarget.value)} />
          <button type="submit" class="btn btn-primary">
            {t.proposeButton}
          </button>
        </form>
      )}
    </section>
  );
}

function CoacheeAgreements({ page, t }: { page: CoacheePageModel; t: CoacheeStrings }) {
  const view = page.view.value;
  const list = page.agreements.value;
  if (!view) return null;
  const who = (a: Agreement) => (a.who === 'coachee' ? t.you : a.who === 'coach' ? t.coach(view.coachName) : a.who.name);
  return (
    <section aria-labelledby="c-agr-h">
      <h2 id="c-agr-h" class="section-h">{t.agreements}</h2>
      {list.length === 0 ? (
        <p class="empty">{t.agreementsEmpty}</p>
      ) : (
        <ul class="list" data-testid="agreements">
          {list.map((a) => (
            <li key={a.id} class={`row agr agr-${a.status}`} data-testid="agreement">
              {a.who === 'coachee' && <input type="checkbox" class="check" id={`c-agr-${a.id}`} checked={a.status === 'done'} aria-label={t.doneLabel(a.what)} onChange={(e) => page.setDone(a.id, e.currentTarget.checked)} />}
              <div class="agr-main">
                <span class="agr-who">{who(a)}</span>
                <span class="agr-what">{a.what}</span>
                <span class="agr-due">
                  {a.due && t.due(formatDue(a.due, view.timeZone, page.locale.value))}
                  {a.status !== 'open' && <span class={`tag tag-${a.status}`}>{t.status[a.status]}</span>}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
