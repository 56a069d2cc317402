/** The trajectory's touchpoint settings for the coach: each kind on or off with its timing, micro-learning picks from the library, and the message a coachee gets after a low check-in. */
import { useState } from 'preact/hooks';
import type { Locale, TouchpointSettings, TouchpointSettingsPatch } from '../../../shared/protocol';
import { LEARNING_IDS, learningText } from '../../../shared/touchpoints/learning-library';
import { LOW_SCORE_MESSAGE } from '../../../shared/touchpoints/texts';
import type { LearningId } from '../../../shared/schemas/touchpoints';
import type { TrajectoryModel } from './trajectory-model';

const T = {
  nl: {
    title: 'Instellingen tussen de sessies',
    reflection: 'Reflectie na elke sessie, uren erna',
    checkin: 'Check-in, om de zoveel dagen',
    reminder: 'Herinnering voor een sessie, uren ervoor',
    agreement: 'Herinnering voor een afspraak van de gecoachte',
    evaluation: 'Terugblik bij afsluiten',
    followup: 'Follow-up, weken na afsluiten',
    learning: 'Micro-learning',
    now: 'direct',
    at: 'op',
    message: 'Bericht na een lage check-in ({name} en {coach} worden ingevuld)',
    save: 'Opslaan',
    saved: 'Opgeslagen; de tijdlijn is bijgewerkt.',
    failed: 'Opslaan lukte niet.',
  },
  en: {
    title: 'Between-session settings',
    reflection: 'Reflection after each session, hours after',
    checkin: 'Check-in, every so many days',
    reminder: 'Reminder before a session, hours before',
    agreement: "Reminder before a coachee's agreement",
    evaluation: 'Evaluation when closing',
    followup: 'Follow-up, weeks after closing',
    learning: 'Micro-learning',
    now: 'at once',
    at: 'at',
    message: 'Message after a low check-in ({name} and {coach} are filled in)',
    save: 'Save',
    saved: 'Saved; the timeline is updated.',
    failed: 'Saving did not work.',
  },
};

type Pick = { on: boolean; at: string };
const localInput = (iso: string | undefined) => (iso ? new Date(Date.parse(iso) - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '');

/** The form; `locale` is the coach's, `coacheeLocale` picks the library language shown. */
export function SettingsForm({ model, settings, locale, coacheeLocale }: { model: TrajectoryModel; settings: TouchpointSettings; locale: Locale; coacheeLocale: Locale }) {
  const t = T[locale];
  const [s, setS] = useState(settings);
  const [picks, setPicks] = useState<Record<string, Pick>>(() => Object.fromEntries(LEARNING_IDS.map((id) => { const p = settings.learning.items.find((i) => i.id === id); return [id, { on: !!p, at: localInput(p?.at) }]; })));
  const [message, setMessage] = useState(settings.lowScoreMessage ?? '');
  const num = (v: string, min: number, max: number) => Math.min(max, Math.max(min, Math.round(Number(v) || min)));
  const set = <K extends keyof TouchpointSettings>(k: K, v: Partial<TouchpointSettings[K]>) => setS({ ...s, [k]: { ...(s[k] as object), ...v } });
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const items = LEARNING_IDS.filter((id) => picks[id]!.on).map((id) => ({ id, ...(picks[id]!.at ? { at: new Date(picks[id]!.at).toISOString() } : {}) }));
    const patch: TouchpointSettingsPatch = {
      reflection: { enabled: s.reflection.enabled, delayHours: s.reflection.delayHours },
      checkin: s.checkin,
      'reminder.session': s['reminder.session'],
      'reminder.agreement': { enabled: s['reminder.agreement'].enabled },
      evaluation: s.evaluation,
      followup: s.followup,
      learning: { enabled: true, items },
      lowScoreMessage: message.trim() || null,
    };
    void model.saveSettings(patch);
  };
  const check = (label: string, on: boolean, toggle: (v: boolean) => void, extra?: preact.ComponentChildren) => (
    <div class="set-row">
      <label class="opt">
        <input type="checkbox" checked={on} onChange={(e) => toggle((e.target as HTMLInputElement).checked)} />
        {label}
      </label>
      {extra}
    </div>
  );
  const numberField = (label: string, value: number, min: number, max: number, onValue: (n: number) => void) => (
    <input class="input set-num" type="number" aria-label={label} min={min} max={max} value={value} onChange={(e) => onValue(num((e.target as HTMLInputElement).value, min, max))} />
  );
  return (
    <form class="settings" onSubmit={onSubmit} data-testid="touchpoint-settings">
      <h3 class="section-h">{t.title}</h3>
      {check(t.reflection, s.reflection.enabled, (v) => set('reflection', { enabled: v }), numberField(t.reflection, s.reflection.delayHours, 1, 336, (n) => set('reflection', { delayHours: n })))}
      {check(t.checkin, s.checkin.enabled, (v) => set('checkin', { enabled: v }), numberField(t.checkin, s.checkin.cadenceDays, 1, 42, (n) => set('checkin', { cadenceDays: n })))}
      {check(t.reminder, s['reminder.session'].enabled, (v) => set('reminder.session', { enabled: v }), numberField(t.reminder, s['reminder.session'].hoursBefore, 1, 168, (n) => set('reminder.session', { hoursBefore: n })))}
      {check(t.agreement, s['reminder.agreement'].enabled, (v) => set('reminder.agreement', { enabled: v }))}
      {check(t.evaluation, s.evaluation.enabled, (v) => set('evaluation', { enabled: v }))}
      {check(t.followup, s.followup.enabled, (v) => set('followup', { enabled: v }), numberField(t.followup, Math.round(s.followup.delayDays / 7), 1, 52, (n) => set('followup', { delayDays: n * 7 })))}
      <fieldset>
        <legend>{t.learning}</legend>
        {LEARNING_IDS.map((id: LearningId) => {
          const text = learningText(id, coacheeLocale);
          const p = picks[id]!;
          return (
            <div class="set-row">
              <label class="opt" title={text.summary}>
                <input type="checkbox" checked={p.on} onChange={(e) => setPicks({ ...picks, [id]: { ...p, on: (e.target as HTMLInputElement).checked } })} />
                {text.title}
              </label>
              {p.on && (
                <label class="hint">
                  {t.at}{' '}
                  <input class="input" type="datetime-local" value={p.at} onChange={(e) => setPicks({ ...picks, [id]: { ...p, at: (e.target as HTMLInputElement).value } })} /> {p.at ? '' : `(${t.now})`}
                </label>
              )}
            </div>
          );
        })}
      </fieldset>
      <label class="field">
        <span>{t.message}</span>
        <textarea class="input" rows={4} maxLength={1500} placeholder={LOW_SCORE_MESSAGE[coacheeLocale]} value={message} onInput={(e) => setMessage((e.target as HTMLTextAreaElement).value)} />
      </label>
      <p>
        <button type="submit" class="btn btn-primary" disabled={model.busy.value !== null}>
          {t.save}
        </button>
      </p>
      <p role="status" aria-live="polite">
        {model.saved.value === 'saved' ? t.saved : model.saved.value === 'error' ? t.failed : ''}
      </p>
    </form>
  );
}
