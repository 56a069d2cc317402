/** Settings: profile, language and zone, working hours per weekday, booking rules, invite privacy, and the local calendar's feed URL. */
import { useState } from 'preact/hooks';
import type { BookingRules, Coach, WorkingHours } from '../../shared/protocol';
import { CalendarConnection } from './calendar-connection';
import { InviteModeSelect, LocaleSelect, SubmitRow } from './form-rows';
import type { HomeModelInstance } from './home-model';
import type { HomeStrings } from './home-strings';

const RULES = ['bufferBeforeMinutes', 'bufferAfterMinutes', 'minimumNoticeMinutes', 'maxSessionsPerDay', 'slotStepMinutes', 'bookingHorizonDays', 'cancellationNoticeHours', 'maxOpenBookings'] as const;

export function SettingsView({ home, t }: { home: HomeModelInstance; t: HomeStrings }) {
  const me = home.me.value!;
  return (
    <div class="stack">
      <Profile me={me} home={home} t={t} />
      <Hours me={me} home={home} t={t} />
      <Rules me={me} home={home} t={t} />
      <section class="card stack" aria-labelledby="cal-h">
        <h2 id="cal-h" class="section-h">{t.calendarH}</h2>
        {me.calendar.icsUrl ? (
          <div class="field">
            <label for="feed">{t.feedIntro}</label>
            <div class="add-row link-row">
              <input id="feed" class="input" readOnly value={me.calendar.icsUrl} data-testid="feed-url" />
              <button type="button" class="btn btn-small" onClick={() => window.confirm(t.replaceConfirm) && void home.replaceFeed(t.saved)}>
                {t.replaceFeed}
              </button>
            </div>
          </div>
        ) : (
          <p>{t.calendarProvider(me.calendar.provider)}</p>
        )}
        <CalendarConnection home={home} locale={me.locale} />
      </section>
    </div>
  );
}

function Profile({ me, home, t }: { me: Coach; home: HomeModelInstance; t: HomeStrings }) {
  const [f, setF] = useState({ name: me.name, locale: me.locale, timeZone: me.timeZone, inviteMode: me.inviteMode });
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  return (
    <form class="card grid-form" aria-labelledby="prof-h" onSubmit={(e) => (e.preventDefault(), void home.saveMe(f, t.saved))}>
      <h2 id="prof-h" class="section-h field-wide">{t.profileH}</h2>
      <div class="field">
        <label for="p-name">{t.name}</label>
        <input id="p-name" class="input" required maxLength={120} value={f.name} onInput={set('name')} />
      </div>
      <div class="field">
        <label for="p-locale">{t.locale}</label>
        <LocaleSelect id="p-locale" value={f.locale} onChange={set('locale')} />
      </div>
      <div class="field">
        <label for="p-zone">{t.timeZone}</label>
        <input id="p-zone" class="input" required value={f.timeZone} onInput={set('timeZone')} />
      </div>
      <div class="field">
        <label for="p-invite">{t.privacyH}</label>
        <InviteModeSelect id="p-invite" value={f.inviteMode} onChange={set('inviteMode')} t={t} />
      </div>
      <SubmitRow>{t.save}</SubmitRow>
    </form>
  );
}

function Hours({ me, home, t }: { me: Coach; home: HomeModelInstance; t: HomeStrings }) {
  const [hours, setHours] = useState<WorkingHours[]>(me.workingHours);
  const update = (i: number, patch: Partial<WorkingHours>) => setHours(hours.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <form class="card stack" aria-labelledby="hours-h" onSubmit={(e) => (e.preventDefault(), void home.saveMe({ workingHours: hours }, t.saved))}>
      <h2 id="hours-h" class="section-h">{t.hoursH}</h2>
      <p class="hint">{t.hoursIntro}</p>
      {t.days.map((dayName, d) => (
        <fieldset class="day" key={dayName}>
          <legend>{dayName}</legend>
          {hours.map((h, i) =>
            h.day === d + 1 ? (
              <div class="add-row" key={i}>
                <label>
                  {t.from} <input class="input" type="time" required value={h.start} onInput={(e) => update(i, { start: e.currentTarget.value })} />
                </label>
                <label>
                  {t.until} <input class="input" type="time" required value={h.end === '24:00' ? '00:00' : h.end} onInput={(e) => update(i, { end: e.currentTarget.value })} />
                </label>
                <button type="button" class="btn-icon" aria-label={`${t.removeBlock}: ${dayName} ${h.start}`} onClick={() => setHours(hours.filter((_, j) => j !== i))}>
                  <span aria-hidden="true">✕</span>
                </button>
              </div>
            ) : null,
          )}
          <button type="button" class="btn btn-small btn-quiet" onClick={() => setHours([...hours, { day: d + 1, start: '09:00', end: '17:00' }])}>
            {t.addBlock}
          </button>
        </fieldset>
      ))}
      <SubmitRow>{t.save}</SubmitRow>
    </form>
  );
}

function Rules({ me, home, t }: { me: Coach; home: HomeModelInstance; t: HomeStrings }) {
  const [rules, setRules] = useState<Record<string, string>>(() => Object.fromEntries(RULES.map((k) => [k, String(me.bookingRules[k] ?? '')])));
  const submit = (e: Event) => {
    e.preventDefault();
    const patch = Object.fromEntries(RULES.filter((k) => rules[k] !== '').map((k) => [k, Number(rules[k])])) as Partial<BookingRules>;
    void home.saveMe({ bookingRules: patch }, t.saved);
  };
  return (
    <form class="card grid-form" aria-labelledby="rules-h" onSubmit={submit}>
      <h2 id="rules-h" class="section-h field-wide">{t.rulesH}</h2>
      {RULES.map((k) => (
        <div class="field" key={k}>
          <label for={`r-${k}`}>{t.rules[k]}</label>
          <input id={`r-${k}`} class="input" type="number" min={0} value={rules[k]} onInput={(e) => setRules({ ...rules, [k]: e.currentTarget.value })} />
        </div>
      ))}
      <SubmitRow>{t.save}</SubmitRow>
    </form>
  );
}
