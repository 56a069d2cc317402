/** The coachee's mail preferences: a pause, fewer check-ins, or no mail at all (everything stays on their page). */
import { useState } from 'preact/hooks';
import type { CoacheePrefs, Locale } from '../../../shared/protocol';
import { formatWhen } from '../../common/format';
import type { BetweenStrings } from './between-strings';

const WEEK = 7 * 24 * 3600_000;

/** The form; `save` gets only what changed. */
export function PreferencesForm({ prefs, t, locale, zone, save, state, now }: { prefs: CoacheePrefs; t: BetweenStrings; locale: Locale; zone: string; save: (p: Partial<CoacheePrefs>) => void; state: string; now: () => number }) {
  const [pause, setPause] = useState<'keep' | '0' | '2' | '4'>('keep');
  const [fewer, setFewer] = useState(prefs.fewerCheckins);
  const [mailOff, setMailOff] = useState(prefs.mailOff);
  const paused = prefs.pausedUntil && Date.parse(prefs.pausedUntil) > now() ? prefs.pausedUntil : null;
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const patch: Partial<CoacheePrefs> = { fewerCheckins: fewer, mailOff };
    if (pause !== 'keep') patch.pausedUntil = pause === '0' ? null : new Date(now() + Number(pause) * WEEK).toISOString();
    save(patch);
  };
  return (
    <form class="prefs" onSubmit={onSubmit} data-testid="prefs">
      <p class="hint">{t.prefsIntro}</p>
      {paused && <p>{t.pausedUntil(formatWhen(paused, zone, locale))}</p>}
      <fieldset>
        <legend>{t.pause}</legend>
        {(['0', '2', '4'] as const).map((v) => (
          <label class="opt">
            <input type="radio" name="pause" value={v} checked={pause === v || (pause === 'keep' && v === '0' && !paused)} onChange={() => setPause(v)} />
            {v === '0' ? t.pauseNone : t.pauseWeeks(Number(v))}
          </label>
        ))}
      </fieldset>
      <label class="opt">
        <input type="checkbox" checked={fewer} onChange={(e) => setFewer((e.target as HTMLInputElement).checked)} />
        {t.fewer}
      </label>
      <label class="opt">
        <input type="checkbox" checked={mailOff} onChange={(e) => setMailOff((e.target as HTMLInputElement).checked)} />
        {t.mailOff}
      </label>
      <p>
        <button type="submit" class="btn btn-primary" disabled={state === 'saving'}>
          {t.save}
        </button>
      </p>
      <p role="status" aria-live="polite">
        {state === 'saved' ? t.prefsSaved : state === 'error' ? t.failed : ''}
      </p>
    </form>
  );
}
