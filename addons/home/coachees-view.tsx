/** Coachees: add, edit, export and erase (with what erasure removes spelled out), each with their trajectories. */
import { useState } from 'preact/hooks';
import type { Coachee } from '../../shared/protocol';
import { InviteModeSelect, LocaleSelect, SubmitRow } from './form-rows';
import type { HomeJson, HomeModelInstance } from './home-model';
import type { HomeStrings } from './home-strings';
import { StartTrajectory, TrajectoryView } from './trajectory-view';

type Props = { home: HomeModelInstance; t: HomeStrings; json: HomeJson; download: (name: string, data: unknown) => void };

export function CoacheesView({ home, t, json, download }: Props) {
  const [adding, setAdding] = useState(home.coachees.value.length === 0);
  return (
    <div class="stack">
      <section aria-labelledby="ce-h">
        <div class="section-top">
          <h2 id="ce-h" class="section-h">{t.coacheesH}</h2>
          <button type="button" class="btn btn-primary" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {t.addCoachee}
          </button>
        </div>
        {adding && <CoacheeForm t={t} zone={home.me.value!.timeZone} onSave={async (body) => (await home.addCoachee(body, t.saved)) !== null && (setAdding(false), true)} />}
        {home.coachees.value.length === 0 && !adding && <p class="empty">{t.noCoachees}</p>}
      </section>
      {home.coachees.value.map((c) => (
        <CoacheeCard key={c.id} c={c} home={home} t={t} json={json} download={download} />
      ))}
    </div>
  );
}

function CoacheeCard({ c, home, t, json, download }: { c: Coachee } & Props) {
  const [editing, setEditing] = useState(false);
  const [starting, setStarting] = useState(false);
  const trajectories = home.engagements.value.filter((e) => e.coacheeId === c.id);
  const exportIt = async () => download(`coachee-${c.name.replace(/\W+/g, '-').toLowerCase()}.json`, await home.exportCoachee(c.id));
  return (
    <section class="card stack" aria-labelledby={`c-${c.id}`} data-testid="coachee-card">
      <div class="section-top">
        <h3 id={`c-${c.id}`} class="card-h">
          {c.name}
        </h3>
        <span class="hint">
          {[c.email, c.locale.toUpperCase(), c.timeZone].filter(Boolean).join(' · ')}
        </span>
      </div>
      <div class="row-actions">
        <button type="button" class="btn btn-small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {t.editCoachee}
        </button>
        <button type="button" class="btn btn-small" onClick={() => void exportIt()}>
          {t.export}
        </button>
        <button type="button" class="btn btn-small btn-danger" onClick={() => window.confirm(t.eraseConfirm(c.name)) && void home.eraseCoachee(c.id, t.erased(c.name))}>
          {t.erase}
        </button>
        <button type="button" class="btn btn-small btn-primary" aria-expanded={starting} onClick={() => setStarting(!starting)}>
          {t.startTrajectory}
        </button>
      </div>
      {editing && <CoacheeForm t={t} zone={c.timeZone} initial={c} onSave={async (body) => (await home.editCoachee(c.id, body, t.saved)) !== null && (setEditing(false), true)} />}
      {starting && <StartTrajectory coachee={c} home={home} t={t} onDone={() => setStarting(false)} />}
      {trajectories.map((e) => (
        <TrajectoryView key={e.id} engagement={e} home={home} t={t} json={json} />
      ))}
    </section>
  );
}

/** Name, e-mail, language, zone and invite privacy of a coachee; `onSave` answers whether it was saved. */
function CoacheeForm({ t, zone, initial, onSave }: { t: HomeStrings; zone: string; initial?: Coachee; onSave: (body: Record<string, unknown>) => Promise<boolean> }) {
  const [f, setF] = useState({ name: initial?.name ?? '', email: initial?.email ?? '', locale: initial?.locale ?? 'nl', timeZone: initial?.timeZone ?? zone, inviteMode: initial?.inviteMode ?? '' });
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const id = initial?.id ?? 'new';
  const submit = (e: Event) => {
    e.preventDefault();
    void onSave({ name: f.name, email: f.email.trim() || null, locale: f.locale, timeZone: f.timeZone, inviteMode: f.inviteMode || null });
  };
  return (
    <form class="grid-form" onSubmit={submit}>
      <div class="field">
        <label for={`cn-${id}`}>{t.name}</label>
        <input id={`cn-${id}`} class="input" required maxLength={120} value={f.name} onInput={set('name')} />
      </div>
      <div class="field">
        <label for={`cm-${id}`}>{t.email}</label>
        <input id={`cm-${id}`} class="input" type="email" value={f.email} onInput={set('email')} />
      </div>
      <div class="field">
        <label for={`cl-${id}`}>{t.locale}</label>
        <LocaleSelect id={`cl-${id}`} value={f.locale} onChange={set('locale')} />
      </div>
      <div class="field">
        <label for={`cz-${id}`}>{t.timeZone}</label>
        <input id={`cz-${id}`} class="input" required value={f.timeZone} onInput={set('timeZone')} />
      </div>
      <div class="field">
        <label for={`ci-${id}`}>{t.inviteMode}</label>
        <InviteModeSelect id={`ci-${id}`} value={f.inviteMode} onChange={set('inviteMode')} t={t} inherit />
      </div>
      <SubmitRow>{t.save}</SubmitRow>
    </form>
  );
}
