/** The panel's root model (load, offline copy, language and theme) and the private-notes model. */
import { describe, expect, it } from 'vitest';
import { LiveSync, liveStoreKey } from '../../addons/common/models/live-sync';
import { Notes, NOTES_SAVE_AFTER_MS } from '../../addons/panel/models/notes';
import { Panel } from '../../addons/panel/models/panel';
import type { LoadFailure } from '../../addons/common/ports';
import type { PanelApi } from '../../addons/panel/ports';
import { findBuiltInModel } from '../../shared/models/builtin';
import { referralChecklist } from '../../shared/models/referral';
import type { PanelData } from '../../shared/protocol';
import { SESSION_ID, T0, applied, idSource, liveState, manualClock, memoryStore, panelData, recordingLink } from './support';

/** A `PanelApi` answering from a payload, or failing like the network or the API would. */
function api(answer: () => PanelData | LoadFailure): PanelApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async loadPanel(id) {
      calls.push(`load ${id}`);
      const a = answer();
      if (typeof a === 'string') throw a;
      return structuredClone(a);
    },
    async switchModel(_s, modelId, locale) {
      calls.push(`switch ${modelId} ${locale}`);
      return findBuiltInModel(modelId, locale)!;
    },
    async modelsIn(locale) {
      calls.push(`models ${locale}`);
      return [findBuiltInModel('builtin-coaching', locale)!, findBuiltInModel('builtin-grow', locale)!];
    },
    async invitePreview() {
      return panelData().invite;
    },
    async referral(_sessionId, locale) {
      const { crisisLine: line, ...checklist } = referralChecklist(locale);
      calls.push(`referral:${locale}`);
      return { checklist, crisisLine: { locale: 'nl' as const, ...line }, contacts: 'Huisarts' };
    },
    // Booking and the calendar have their own tests (booking.test.ts); here they are out of reach.
    slots: () => Promise.reject({ title: 'offline', detail: '' }),
    bookNext: () => Promise.reject({ title: 'offline', detail: '' }),
    publish: () => Promise.reject({ title: 'offline', detail: '' }),
    session: () => Promise.reject({ title: 'offline', detail: '' }),
  };
}

function panel(store = memoryStore(), answer: () => PanelData | LoadFailure = () => panelData(), hostLocale: 'nl' | 'en' | null = null) {
  const synced: number[] = [];
  const client = api(answer);
  const p = new Panel({ api: client, clock: manualClock(T0), store, newId: idSource('p'), hostLocale, hostTheme: 'light', syncClock: (ms) => synced.push(ms) });
  return { p, client, synced, store };
}

describe('Panel', () => {
  it('loads the session, aligns the clock and keeps a copy without the notes', async () => {
    const { p, synced, store } = panel();
    expect(p.status.value).toBe('loading');
    await p.load(SESSION_ID);
    expect(p.status.value).toBe('ready');
    expect(p.session.value?.data.value.coachee.name).toBe('Sanne de Vries');
    expect(p.session.value?.live.view.value?.notes).toBe('Geheime notitie');
    expect(synced).toEqual([Date.parse('2027-03-28T09:05:00+02:00')]);
    const copy = store.get(`panel:${SESSION_ID}`)!;
    expect(JSON.parse(copy).state.notes).toBeNull();
    expect(copy).not.toContain('Geheime notitie');
  });

  it('opens the saved copy when the Worker cannot be reached, with queued edits intact', async () => {
    const store = memoryStore();
    const first = panel(store).p;
    await first.load(SESSION_ID);
    first.session.value!.agenda.add('Getypt vlak voor de storing');

    const { p } = panel(store, () => 'offline');
    await p.load(SESSION_ID);
    expect(p.status.value).toBe('ready');
    const session = p.session.value!;
    expect(session.fromCache.value).toBe(true);
    expect(session.agenda.items.value.map((i) => i.title)).toContain('Getypt vlak voor de storing');
    expect(session.live.queued.value).toBe(1);
    expect(session.notes.editable.value).toBe(false);

    // Once the room has it in sync, the panel loads itself again from the API.
    let online = false;
    const back = panel(store, () => (online ? panelData({ seq: 6 }) : 'offline'));
    await back.p.load(SESSION_ID);
    const cached = back.p.session.value!;
    const link = recordingLink();
    cached.live.opened(link);
    online = true;
    cached.live.received({ type: 'snapshot', seq: 6, state: liveState() });
    expect(cached.live.syncState.value).toBe('saving');
    expect(back.client.calls.filter((c) => c.startsWith('load'))).toHaveLength(1);
    link.sent.forEach((op, i) => cached.live.received(applied(7 + i, op, 'coach', T0)));
    await expect.poll(() => back.p.session.value?.fromCache.value).toBe(false);
    expect(back.p.session.value).not.toBe(cached);
    expect(back.client.calls.filter((c) => c.startsWith('load'))).toHaveLength(2);
  });

  it('shows why when there is nothing to show', async () => {
    const { p } = panel(memoryStore(), () => 'unauthorized');
    await p.load(SESSION_ID);
    expect(p.status.value).toBe('unauthorized');
    const offline = panel(memoryStore(), () => 'offline').p;
    await offline.load(SESSION_ID);
    expect(offline.status.value).toBe('offline');
  });

  it("speaks the coach's language unless the host or the coach chose another, and remembers the choice", async () => {
    const { p, client, store } = panel(memoryStore(), () => panelData({ coach: { ...panelData().coach, locale: 'en' } }));
    await p.load(SESSION_ID);
    expect(p.locale.value).toBe('en');
    // A built-in model follows the panel's language.
    await Promise.resolve();
    expect(client.calls).toContain('models en');
    await new Promise((r) => setTimeout(r, 0));
    expect(p.session.value?.model.value.locale).toBe('en');

    p.setLocale('nl');
    p.toggleTheme();
    const again = panel(store, () => panelData({ coach: { ...panelData().coach, locale: 'en' } }), 'en').p;
    await again.load(SESSION_ID);
    expect(again.locale.value).toBe('nl');
    expect(again.theme.value).toBe('dark');

    const hosted = panel(memoryStore(), () => panelData(), 'en').p;
    await hosted.load(SESSION_ID);
    expect(hosted.locale.value).toBe('en');
  });

  it('switches the conversation model through the API', async () => {
    const { p, client } = panel();
    await p.load(SESSION_ID);
    await p.session.value!.switchModel('builtin-grow');
    expect(client.calls).toContain('switch builtin-grow nl');
    expect(p.session.value!.model.value.id).toBe('builtin-grow');
    expect(p.session.value!.timer.phases.value.map((x) => x.key)).toEqual(findBuiltInModel('builtin-grow', 'nl')!.phases.map((x) => x.key));
  });
});

describe('Notes', () => {
  function setup(initialNotes: string | null) {
    const clock = manualClock(T0);
    const live = new LiveSync({ sessionId: SESSION_ID, actor: 'coach', clock, store: memoryStore(), storeKey: liveStoreKey('coach', SESSION_ID), initial: { seq: 1, state: liveState({ notes: initialNotes }) } });
    const link = recordingLink();
    live.opened(link);
    return { clock, live, link, notes: new Notes(live, clock, idSource('n')) };
  }

  it('saves after a pause in typing, as one op', () => {
    const { clock, live, link, notes } = setup('Begin');
    live.received({ type: 'snapshot', seq: 1, state: liveState({ notes: 'Begin' }) });
    notes.edit('Begin, en');
    clock.advance(NOTES_SAVE_AFTER_MS / 2);
    notes.edit('Begin, en meer');
    expect(notes.unsaved.value).toBe(true);
    clock.advance(NOTES_SAVE_AFTER_MS);
    expect(link.sent.filter((op) => op.kind === 'notes.set')).toEqual([{ opId: expect.any(String), kind: 'notes.set', text: 'Begin, en meer' }]);
    expect(notes.unsaved.value).toBe(false);
    expect(notes.text.value).toBe('Begin, en meer');
  });

  it('saves on leaving the field, and not at all when nothing changed', () => {
    const { link, notes, live } = setup('Zelfde');
    live.received({ type: 'snapshot', seq: 1, state: liveState({ notes: 'Zelfde' }) });
    notes.edit('Zelfde');
    notes.commit();
    expect(link.sent).toEqual([]);
    notes.edit('Anders');
    notes.commit();
    expect(link.sent.map((op) => op.kind)).toEqual(['notes.set']);
  });

  it('is not editable until the room has sent the notes', () => {
    const { notes, live } = setup(null);
    expect(notes.editable.value).toBe(false);
    live.received({ type: 'snapshot', seq: 1, state: liveState({ notes: '' }) });
    expect(notes.editable.value).toBe(true);
  });
});
