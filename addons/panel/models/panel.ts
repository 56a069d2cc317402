/** The panel's root model: loading (with an offline fallback), language, theme, the open tab and the open session. */
import { createModel, effect, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import type { Locale, PanelData } from '../../../shared/protocol';
import type { Clock, KeyValueStore, LoadFailure, NewId } from '../../common/ports';
import type { PanelApi } from '../ports';
import { Session } from './session';
import type { SessionModel } from './session';

/** The panel's tabs, in order. */
export const TABS = ['agenda', 'agreements', 'notes', 'share', 'model'] as const;
export type TabId = (typeof TABS)[number];
export type Theme = 'light' | 'dark';
export type PanelStatus = 'loading' | 'ready' | LoadFailure;

export type PanelDeps = {
  api: PanelApi;
  clock: Clock;
  store: KeyValueStore;
  newId: NewId;
  /** What the host asks for; the coach's choice in the panel wins, then this, then the coach's profile. */
  hostLocale: Locale | null;
  hostTheme: Theme;
  /** Aligns the clock with the server's: `serverTime` of a response that has just arrived. */
  syncClock(serverTimeMs: number): void;
  /** Whether the browser has a network (booking refuses to start without one); online when not given. */
  online?: () => boolean;
};

const PREFS_KEY = 'prefs';
const cacheKey = (sessionId: string) => `panel:${sessionId}`;
type Prefs = { locale?: Locale; theme?: Theme };

function readJson<T>(store: KeyValueStore, key: string): T | null {
  try {
    const raw = store.get(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/**
 * The root model. Loading tries the API first; when the network (or the Worker) is away it opens
 * the last copy of this session from the store, so a reload never loses the view or the queued
 * edits. The cached copy never holds the private notes.
 */
export const Panel = createModel((deps: PanelDeps) => {
  const prefs = readJson<Prefs>(deps.store, PREFS_KEY) ?? {};
  const status = signal<PanelStatus>('loading');
  const session = signal<SessionModel | null>(null);
  const locale = signal<Locale>(prefs.locale ?? deps.hostLocale ?? 'nl');
  const theme = signal<Theme>(prefs.theme ?? deps.hostTheme);
  const tab = signal<TabId>('agenda');
  const online = deps.online ?? (() => true);
  let lastSessionId: string | null = null;

  const savePrefs = (next: Prefs) => {
    Object.assign(prefs, next);
    deps.store.set(PREFS_KEY, JSON.stringify({ ...readJson<Prefs>(deps.store, PREFS_KEY), ...next }));
  };

  function open(data: PanelData, fromCache: boolean): void {
    if (!prefs.locale && !deps.hostLocale) locale.value = data.coach.locale;
    session.value = new Session(data, fromCache, { api: deps.api, clock: deps.clock, store: deps.store, newId: deps.newId, locale, online });
    status.value = 'ready';
  }

  /** Loads the session; falls back on the cached copy when offline. */
  async function load(sessionId: string): Promise<void> {
    lastSessionId = sessionId;
    status.value = 'loading';
    try {
      const data = await deps.api.loadPanel(sessionId);
      deps.syncClock(Date.parse(data.serverTime));
      deps.store.set(cacheKey(sessionId), JSON.stringify({ ...data, state: { ...data.state, notes: null } }));
      open(data, false);
    } catch (err) {
      const failure: LoadFailure = err === 'unauthorized' || err === 'not-found' || err === 'offline' ? err : 'error';
      const cached = failure === 'offline' || failure === 'error' ? readJson<PanelData>(deps.store, cacheKey(sessionId)) : null;
      if (cached) open(cached, true);
      else status.value = failure;
    }
  }

  // A session opened from the saved copy is loaded again once the room has it in sync: fresh model, invite and notes.
  let refreshing = false;
  effect(() => {
    const current = session.value;
    if (!current || !current.fromCache.value || current.live.syncState.value !== 'live' || refreshing || !lastSessionId) return;
    refreshing = true;
    const id = lastSessionId;
    deps.api.loadPanel(id).then(
      (data) => {
        deps.syncClock(Date.parse(data.serverTime));
        deps.store.set(cacheKey(id), JSON.stringify({ ...data, state: { ...data.state, notes: null } }));
        if (session.peek() === current) open(data, false);
        refreshing = false;
      },
      () => (refreshing = false),
    );
  });

  return {
    status: status as ReadonlySignal<PanelStatus>,
    session: session as ReadonlySignal<SessionModel | null>,
    locale: locale as ReadonlySignal<Locale>,
    theme: theme as ReadonlySignal<Theme>,
    tab: tab as ReadonlySignal<TabId>,

    load,

    /** Loads the last session again (after a failure). */
    async retry(): Promise<void> {
      if (lastSessionId) await load(lastSessionId);
    },
    /** No session to open (no id and no meeting match). */
    fail(failure: LoadFailure): void {
      status.value = failure;
    },
    setLocale(next: Locale): void {
      locale.value = next;
      savePrefs({ locale: next });
    },
    toggleTheme(): void {
      theme.value = theme.value === 'dark' ? 'light' : 'dark';
      savePrefs({ theme: theme.value });
    },
    /** Follows the host's theme (e.g. a Teams meeting switching to dark) unless the coach chose one. */
    hostThemeChanged(next: Theme): void {
      if (!prefs.theme) theme.value = next;
    },
    setTab(next: TabId): void {
      tab.value = next;
    },
  };
});

export type PanelModel = InstanceType<typeof Panel>;
