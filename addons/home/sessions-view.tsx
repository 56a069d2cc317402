/** Upcoming sessions of every trajectory (open the panel, cancel, move, calendar state), cancelled ones, and planning a session by hand. */
import { useState } from 'preact/hooks';
import type { Session } from '../../shared/protocol';
import { formatTime, formatWhen } from '../common/format';
import type { HomeJson, HomeModelInstance } from './home-model';
import type { HomeStrings } from './home-strings';
import { SESSIONS_EXTRAS } from './trajectory/slot';
import { isoToWall, wallToIso } from './wall-time';

type Props = { home: HomeModelInstance; t: HomeStrings; panelUrl: (sessionId: string) => string; json: HomeJson };

export function SessionsView({ home, t, panelUrl, json }: Props) {
  const me = home.me.value!;
  const zone = me.timeZone;
  const locale = home.locale.value;
  const upcoming = home.upcoming.value;
  const cancelled = home.cancelled.value;
  const nameOf = (coacheeId: string) => home.coacheeOf(coacheeId)?.name ?? '…';
  return (
    <div class="stack">
      {SESSIONS_EXTRAS.map((Extra, i) => (
        <Extra key={i} json={json} locale={locale} zone={zone} />
      ))}
      <section aria-labelledby="up-h">
        <h2 id="up-h" class="section-h">{t.upcomingH}</h2>
        {upcoming.length === 0 ? (
          <p class="empty">{t.noUpcoming}</p>
        ) : (
          <ul class="list" data-testid="upcoming">
            {upcoming.map((s) => (
              <SessionRow key={s.id} s={s} who={nameOf(s.coacheeId)} home={home} t={t} zone={zone} locale={locale} panelUrl={panelUrl} />
            ))}
          </ul>
        )}
      </section>
      {cancelled.length > 0 && (
        <section aria-labelledby="cx-h">
          <h2 id="cx-h" class="section-h">{t.cancelledH}</h2>
          <ul class="list" data-testid="cancelled">
            {cancelled.map((c) => {
              const e = home.engagements.value.find((x) => x.id === c.engagementId);
              return (
                <li key={c.id} class="row row-done">
                  <span class="row-text">
                    {e ? nameOf(e.coacheeId) : ''} · <time dateTime={c.startsAt}>{formatWhen(c.startsAt, zone, locale)}</time>
                  </span>
                  <span class="tag tag-dropped">{t.cancelledBy[c.cancelledBy]}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <PlanForm home={home} t={t} />
    </div>
  );
}

function SessionRow({ s, who, home, t, zone, locale, panelUrl }: { s: Session; who: string; home: HomeModelInstance; t: HomeStrings; zone: string; locale: 'nl' | 'en'; panelUrl: (id: string) => string }) {
  const [moving, setMoving] = useState(false);
  const [wall, setWall] = useState(() => isoToWall(s.startsAt, zone));
  const when = formatWhen(s.startsAt, zone, locale);
  const started = Date.parse(s.startsAt) <= Date.now();
  const submit = async (e: Event) => {
    e.preventDefault();
    const iso = wallToIso(wall.date, wall.time, zone);
    if (iso && (await home.move(s.id, iso, t.saved)) !== null) setMoving(false);
  };
  return (
    <li class="row home-session" data-testid="session-row">
      <div class="row-text">
        <strong>{who}</strong>
        <span>
          <time dateTime={s.startsAt}>{when}</time>–{formatTime(s.endsAt, zone, locale)}
        </span>
        <span class={`cal cal-${s.calendarStatus}`} data-calendar={s.calendarStatus}>{t.sync[s.calendarStatus]}</span>
      </div>
      <div class="row-actions">
        <a class="btn btn-small" href={panelUrl(s.id)} target="_blank" rel="noopener">
          {t.openPanel}
        </a>
        {!started && (
          <>
            <button type="button" class="btn btn-small" aria-expanded={moving} onClick={() => setMoving(!moving)}>
              {t.move}
            </button>
            <button type="button" class="btn btn-small btn-danger" onClick={() => window.confirm(t.cancelConfirm(who, when)) && void home.cancel(s.id, t.saved)}>
              {t.cancel}
            </button>
          </>
        )}
      </div>
      {moving && (
        <form class="inline-form" onSubmit={submit} aria-label={`${t.move}: ${who}`}>
          <label>
            {t.date} <input class="input" type="date" required value={wall.date} onInput={(e) => setWall({ ...wall, date: e.currentTarget.value })} />
          </label>
          <label>
            {t.time} <input class="input" type="time" required step={300} value={wall.time} onInput={(e) => setWall({ ...wall, time: e.currentTarget.value })} />
          </label>
          <button type="submit" class="btn btn-primary btn-small">
            {t.save}
          </button>
        </form>
      )}
    </li>
  );
}

function PlanForm({ home, t }: { home: HomeModelInstance; t: HomeStrings }) {
  const active = home.engagements.value.filter((e) => e.status !== 'closed');
  const [engagementId, setEngagementId] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  if (active.length === 0) return null;
  const chosen = active.find((e) => e.id === engagementId) ?? active[0]!;
  const submit = async (e: Event) => {
    e.preventDefault();
    const start = wallToIso(date, time, home.me.value!.timeZone);
    if (!start) return;
    const end = new Date(Date.parse(start) + chosen.sessionMinutes * 60_000).toISOString();
    await home.plan(chosen.id, start, end, t.saved);
  };
  return (
    <section aria-labelledby="plan-h">
      <h2 id="plan-h" class="section-h">{t.planH}</h2>
      <form class="inline-form" onSubmit={submit}>
        <label>
          {t.trajectory}{' '}
          <select class="input" value={chosen.id} onChange={(e) => setEngagementId(e.currentTarget.value)}>
            {active.map((e) => (
              <option value={e.id} key={e.id}>
                {home.coacheeOf(e.coacheeId)?.name ?? ''}
                {e.goal ? ` · ${e.goal.slice(0, 40)}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.date} <input class="input" type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <label>
          {t.time} <input class="input" type="time" required step={300} value={time} onInput={(e) => setTime(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn btn-primary">
          {t.plan}
        </button>
      </form>
    </section>
  );
}
