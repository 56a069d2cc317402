/** Booking the next session (coach in the panel, coachee on their page): free slots by local day, a few days at a time, pick, confirm, one Idempotency-Key per attempt. */
import { computed, createModel, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import type { Session, Slot, SlotList } from '../../../shared/protocol';
import { dateInZone } from '../format';
import type { Clock, NewId, Problem } from '../ports';

/** The two calls booking needs; both reject with a `Problem` (no `status`: the Worker was not reached). */
export type BookingApi = {
  /** `GET …/slots?from=&to=` (ISO instants). */
  slots(from: string, to: string): Promise<SlotList>;
  /** `POST …/next` or `POST /api/c/:token/book` with `{startsAt}` and this `Idempotency-Key`. */
  book(startsAt: string, idempotencyKey: string): Promise<Session>;
};

export type BookingDeps = {
  api: BookingApi;
  clock: Clock;
  newId: NewId;
  /** Whether the browser has a network (`navigator.onLine`); booking is never queued, so offline it refuses at once and says so. */
  online: () => boolean;
  /** The zone to group in until the API names its own (the coach's, or the coachee's on their link). */
  timeZone: string;
  /** Called with the session a booking created (or a replayed key answered). */
  onBooked?: (session: Session) => void;
};

/** Free slots of one local day `YYYY-MM-DD`. */
export type SlotDay = { date: string; slots: Slot[] };

/** How the last booking attempt ended: booked, slot just taken (409), refused with a reason (422), no network, or another failure. */
export type BookingResult = { kind: 'booked'; session: Session } | { kind: 'taken' | 'offline' | 'failed' } | { kind: 'invalid'; detail: string };

const DAY_MS = 86_400_000;
/** Days asked for per slot request. */
export const WINDOW_DAYS = 7;
/** Days with free slots shown at a time ("more" shows this many more). */
export const DAYS_PER_PAGE = 3;
/** How far ahead "more" keeps looking (the API allows at most 90 days per request). */
export const HORIZON_DAYS = 84;

/** Groups sorted slots by their local date in `timeZone`, in order. */
export function groupByDay(slots: readonly Slot[], timeZone: string): SlotDay[] {
  const days: SlotDay[] = [];
  for (const slot of slots) {
    const date = dateInZone(Date.parse(slot.startsAt), timeZone);
    const last = days[days.length - 1];
    if (last?.date === date) last.slots.push(slot);
    else days.push({ date, slots: [slot] });
  }
  return days;
}

/**
 * The booking model. Slots come in windows of `WINDOW_DAYS` from now, asked for only as far as
 * the days shown need. A confirmed time gets a fresh Idempotency-Key that stays with that time
 * until the server gives a definite answer: a retry after a network failure or a 5xx sends the
 * same key, so the server answers the first booking instead of booking twice. A 409 (the slot was
 * just taken) or another refusal drops the key and refreshes the list.
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/
 */
export const Booking = createModel((deps: BookingDeps) => {
  const slots = signal<Slot[]>([]);
  const zone = signal(deps.timeZone);
  const shown = signal(DAYS_PER_PAGE);
  /** Free slots are known up to this instant (epoch ms). */
  const until = signal(0);
  const loading = signal(false);
  const loadFailed = signal(false);
  const chosen = signal<Slot | null>(null);
  const busy = signal(false);
  const result = signal<BookingResult | null>(null);
  /** A request whose outcome is unknown (network failure or 5xx): until it is answered, only the same time can be tried again. */
  const unresolved = signal(false);
  /** Counts definite outcomes (booked, taken, refused), so views can move focus to a stable place when the picker changes under it. */
  const settled = signal(0);
  const days = computed(() => groupByDay(slots.value, zone.value));
  let horizon = 0;
  let attempt: { startsAt: string; key: string } | null = null;
  let running: Promise<void> | null = null;

  /** Asks for windows until enough days are known or the horizon is reached. */
  async function load(): Promise<void> {
    loading.value = true;
    loadFailed.value = false;
    try {
      while (days.value.length < shown.value && until.value < horizon) {
        const to = Math.min(until.value + WINDOW_DAYS * DAY_MS, horizon);
        const list = await deps.api.slots(new Date(until.value).toISOString(), new Date(to).toISOString());
        zone.value = list.timeZone;
        slots.value = slots.value.concat(list.slots);
        until.value = to;
      }
    } catch {
      loadFailed.value = true;
    } finally {
      loading.value = false;
    }
  }

  /** One load at a time; a call during a load joins it (the load reads `shown` as it goes). */
  const fill = (): Promise<void> => (running ??= load().finally(() => (running = null)));

  /** Forgets the list and asks again from now. */
  async function reload(): Promise<void> {
    await running;
    slots.value = [];
    until.value = deps.clock.now();
    horizon = until.value + HORIZON_DAYS * DAY_MS;
    return fill();
  }

  return {
    /** The zone the times are shown in. */
    zone: zone as ReadonlySignal<string>,
    /** The days on screen, each with its free slots. */
    days: computed(() => days.value.slice(0, shown.value)),
    /** Whether "more" can show or find further days. */
    more: computed(() => days.value.length > shown.value || until.value < horizon),
    loading: loading as ReadonlySignal<boolean>,
    loadFailed: loadFailed as ReadonlySignal<boolean>,
    chosen: chosen as ReadonlySignal<Slot | null>,
    /** A booking request is on its way. */
    busy: busy as ReadonlySignal<boolean>,
    result: result as ReadonlySignal<BookingResult | null>,
    unresolved: unresolved as ReadonlySignal<boolean>,
    settled: settled as ReadonlySignal<number>,

    /** Loads the first days when none are known (again after a booking). */
    start(): void {
      if (!slots.value.length) void reload();
    },
    /** Shows the next few days, asking the API for more when needed; after a failed load, tries again. */
    showMore(): Promise<void> {
      if (!loadFailed.value) shown.value += DAYS_PER_PAGE;
      return fill();
    },
    /** Picks a time (or none); nothing is booked until `confirm`. */
    choose(slot: Slot | null): void {
      // Another time while the last request may have booked would risk a second session.
      if (unresolved.value && slot?.startsAt !== attempt?.startsAt) return;
      chosen.value = slot;
      result.value = null;
    },
    /** Books the chosen time. Offline it sends nothing and says so. */
    async confirm(): Promise<void> {
      const slot = chosen.value;
      if (!slot || busy.value) return;
      if (!deps.online()) {
        result.value = { kind: 'offline' };
        return;
      }
      const key = attempt?.startsAt === slot.startsAt ? attempt.key : deps.newId();
      attempt = { startsAt: slot.startsAt, key };
      busy.value = true;
      result.value = null;
      try {
        const session = await deps.api.book(slot.startsAt, key);
        attempt = null;
        unresolved.value = false;
        settled.value += 1;
        chosen.value = null;
        slots.value = [];
        result.value = { kind: 'booked', session };
        deps.onBooked?.(session);
      } catch (err) {
        const { status, detail } = err as Problem;
        if (!status || status >= 500) {
          // Maybe booked, maybe not: keep the key, so trying again answers whichever it was.
          result.value = { kind: status ? 'failed' : 'offline' };
          unresolved.value = true;
          return;
        }
        attempt = null;
        unresolved.value = false;
        settled.value += 1;
        chosen.value = null;
        result.value = status === 409 ? { kind: 'taken' } : status === 422 ? { kind: 'invalid', detail } : { kind: 'failed' };
        void reload();
      } finally {
        busy.value = false;
      }
    },
  };
});

export type BookingModel = InstanceType<typeof Booking>;
