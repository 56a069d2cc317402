/** The first run's offer in a meeting no session knows: start a session of a trajectory, or add a coachee (prefilled from the meeting's attendees). */
import { useState } from 'preact/hooks';
import type { BootStrings } from './boot-strings';
import type { FirstRunOffer, BootModel } from './host-boot';

/**
 * The trajectories as buttons and a small form for a new coachee. The form keeps what the coach typed when a write fails,
 * and shows the reason; attendee names the host gave fill the name field and are offered as choices.
 */
export function FirstRunView({ boot, offer, t }: { boot: BootModel; offer: FirstRunOffer; t: BootStrings }) {
  const [name, setName] = useState(offer.suggestions[0]?.name ?? '');
  const [email, setEmail] = useState(offer.suggestions[0]?.email ?? '');
  const submit = (e: Event) => {
    e.preventDefault();
    if (name.trim()) void boot.addCoachee({ name, email });
  };
  return (
    <>
      {offer.trajectories.length > 0 && <p class="hint">{t.startFor}</p>}
      {offer.trajectories.map((item) => (
        <button key={item.engagementId} type="button" class="btn" disabled={offer.busy} onClick={() => void boot.startFor(item)}>
          {item.name}
        </button>
      ))}
      <form class="first-run-form" onSubmit={submit} aria-busy={offer.busy}>
        <p class="hint">{t.newCoachee}</p>
        <label class="field">
          {t.name}
          <input class="input" name="name" required maxLength={200} autoComplete="off" list="first-run-attendees" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <datalist id="first-run-attendees">
          {offer.suggestions.map((a) => (
            <option key={a.name} value={a.name} />
          ))}
        </datalist>
        <label class="field">
          {t.email}
          <input class="input" name="email" type="email" maxLength={254} autoComplete="off" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        {offer.error !== null && (
          <p class="field-error" role="alert">
            {t.failedWrite} {offer.error}
          </p>
        )}
        <button type="submit" class="btn btn-primary" disabled={offer.busy}>
          {offer.busy ? t.saving : t.create}
        </button>
      </form>
    </>
  );
}
