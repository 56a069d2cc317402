/** The coachee page's model: load through the capability link (with an offline copy), propose topics, tick own agreements, plan the next session. */
import { computed, createModel, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import type { CoacheeView, Locale } from '../../shared/protocol';
import { Booking } from '../common/models/booking';
import type { BookingApi } from '../common/models/booking';
import { LiveSync, liveStoreKey } from '../common/models/live-sync';
import type { LiveSyncModel } from '../common/models/live-sync';
import type { Clock, KeyValueStore, LoadFailure, NewId } from '../common/ports';

/** The coachee's API on their link: `GET /api/c/:token` (rejects with a `LoadFailure`), slots and booking. */
export type CoacheeApi = BookingApi & {
  load(): Promise<CoacheeView>;
};

export type CoacheeDeps = {
  api: CoacheeApi;
  clock: Clock;
  store: KeyValueStore;
  newId: NewId;
  cacheKey: string;
  /** Whether the browser has a network (`navigator.onLine`). */
  online: () => boolean;
};

/** A session the coachee has coming up, as the page shows it. */
export type Upcoming = { id: string; startsAt: string; endsAt: string };

const TITLE_MAX = 200;

/**
 * The coachee model. The coachee's live state has no notes (the room never sends them) and no
 * prompts; the same `applyOp` as everywhere decides what the coachee may do: propose agenda items,
 * change or withdraw their own proposals, and set the status of agreements that are theirs.
 */
export const CoacheePage = createModel((deps: CoacheeDeps) => {
  const status = signal<'loading' | 'ready' | LoadFailure>('loading');
  const view = signal<CoacheeView | null>(null);
  const live = signal<LiveSyncModel | null>(null);
  const locale = signal<Locale>('nl');
  const chosenLocale = signal(false);
  const booked = signal<Upcoming | null>(null);
  /**
   * The next session: one just booked here, the one after the current session, or the current
   * session itself while it has not started yet.
   */
  const upcoming = computed<Upcoming | null>(() => {
    const v = view.value;
    const current = v?.session;
    return booked.value ?? v?.nextSession ?? (current && Date.parse(current.startsAt) > deps.clock.now() ? current : null);
  });

  function open(data: CoacheeView): void {
    view.value = data;
    if (!chosenLocale.value) locale.value = data.locale;
    if (data.session && !data.closed && live.value === null) {
      live.value = new LiveSync({
        sessionId: data.session.id,
        actor: 'coachee',
        clock: deps.clock,
        store: deps.store,
        storeKey: liveStoreKey('coachee', data.session.id),
        initial: { seq: data.seq, state: { agenda: data.agenda, agreements: data.agreements, progress: { phase: null, phaseStartedAt: null, spentMs: {} }, notes: null } },
      });
    }
    status.value = 'ready';
  }

  const state = computed(() => live.value?.view.value ?? null);

  return {
    status: status as ReadonlySignal<'loading' | 'ready' | LoadFailure>,
    view: view as ReadonlySignal<CoacheeView | null>,
    live: live as ReadonlySignal<LiveSyncModel | null>,
    locale: locale as ReadonlySignal<Locale>,
    agenda: computed(() => state.value?.agenda ?? view.value?.agenda ?? []),
    agreements: computed(() => (state.value?.agreements ?? view.value?.agreements ?? []).filter((a) => a.status !== 'dropped')),
    upcoming,
    /** The session on the page is over (the page then shows it as the last one, with its agreements). */
    sessionOver: computed(() => {
      const current = view.value?.session;
      return !!current && Date.parse(current.endsAt) <= deps.clock.now();
    }),
    /** The id of the upcoming session when its invite file can be downloaded. */
    /** The upcoming session whose invite file can be downloaded (`/api/c/:token/sessions/:id/invite.ics`), when the coach's calendar is the local one. */
    inviteFor: computed(() => (view.value?.inviteFiles ? (upcoming.value?.id ?? null) : null)) as ReadonlySignal<string | null>,
    /** Booking the next session in the coachee's own time zone (the API answers in it). */
    booking: new Booking({
      api: deps.api,
      clock: deps.clock,
      newId: deps.newId,
      online: deps.online,
      timeZone: 'Europe/Amsterdam',
      onBooked(session) {
        booked.value = session;
      },
    }),

    async load(): Promise<void> {
      status.value = 'loading';
      try {
        const data = await deps.api.load();
        deps.store.set(deps.cacheKey, JSON.stringify(data));
        open(data);
      } catch (err) {
        const failure: LoadFailure = err === 'unauthorized' || err === 'not-found' || err === 'offline' ? err : 'error';
        const raw = failure === 'offline' || failure === 'error' ? deps.store.get(deps.cacheKey) : null;
        if (raw) open(JSON.parse(raw) as CoacheeView);
        else status.value = failure;
      }
    },
    /** No usable link in the address. */
    fail(failure: LoadFailure): void {
      status.value = failure;
    },
    /** Proposes a topic; answers false for an empty title or when there is no session. */
    propose(title: string): boolean {
      const clean = title.trim().slice(0, TITLE_MAX);
      if (!clean || !live.value) return false;
      return live.value.submit({ opId: deps.newId(), kind: 'agenda.add', id: deps.newId(), title: clean });
    },
    withdraw(id: string): void {
      live.value?.submit({ opId: deps.newId(), kind: 'agenda.remove', id });
    },
    setDone(id: string, done: boolean): void {
      live.value?.submit({ opId: deps.newId(), kind: 'agreement.update', id, patch: { status: done ? 'done' : 'open' } });
    },
    /** A session was cancelled here: forget it as the one just booked, and load the page again. */
    async cancelled(sessionId: string): Promise<void> {
      if (booked.value?.id === sessionId) booked.value = null;
      await this.load();
    },
    setLocale(next: Locale): void {
      chosenLocale.value = true;
      locale.value = next;
    },
  };
});

export type CoacheePageModel = InstanceType<typeof CoacheePage>;
