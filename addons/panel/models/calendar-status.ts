/** Whether one session's invite is in the coach's calendar: publish it, then check with backoff until it is no longer pending. */
import { createModel, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import type { Session } from '../../../shared/protocol';
import type { Clock, Problem } from '../../common/ports';

/** The calls the calendar status needs; both reject with a `Problem`. */
export type CalendarApi = {
  /** `POST /api/sessions/:id/publish`: 202 with the session, `calendarStatus: 'pending'`. */
  publish(sessionId: string): Promise<Session>;
  /** `GET /api/sessions/:id`. */
  session(sessionId: string): Promise<Session>;
};

export type CalendarStatusDeps = { api: CalendarApi; clock: Clock; sessionId: string; known: Session | null; onProblem: (problem: Problem) => void };

/** Waits before each check while the invite is pending: 1 s doubling to 8 s, about half a minute in all. */
export const CHECK_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 8_000, 8_000];

/**
 * The calendar status of one session. The outbox writes the invite some time after a booking or
 * a publish; until then the session is `pending`. `watch()` checks again after each of
 * `CHECK_DELAYS_MS` until the status changes; `stop()` (the coach left the tab) ends it, also
 * when a check is on its way.
 * @see worker/services/calendar-outbox.ts (statuses: pending, synced, failed, none)
 */
export const CalendarStatus = createModel((deps: CalendarStatusDeps) => {
  const session = signal<Session | null>(deps.known);
  const publishing = signal(false);
  let run = 0;
  let cancel: (() => void) | null = null;

  function stop(): void {
    run++;
    cancel?.();
    cancel = null;
  }

  /** Checks after the next delay while pending (the first check at once when the status is not known yet). */
  function watch(attempt = 0): void {
    stop();
    const mine = run;
    const known = session.value;
    if (known ? known.calendarStatus !== 'pending' : attempt > 0) return;
    const delay = known ? CHECK_DELAYS_MS[attempt] : 0;
    if (delay === undefined) return;
    cancel = deps.clock.schedule(async () => {
      cancel = null;
      try {
        const next = await deps.api.session(deps.sessionId);
        if (mine === run) session.value = next;
      } catch {
        // Offline or a hiccup: the next check may do better.
      }
      if (mine === run) watch(attempt + 1);
    }, delay);
  }

  return {
    /** The session as last seen (`null` until checked); its `calendarStatus` and `meetingUrl` are what the view shows. */
    session: session as ReadonlySignal<Session | null>,
    publishing: publishing as ReadonlySignal<boolean>,
    watch: () => watch(),
    stop,
    /** Writes the invite to the calendar (through the outbox) and watches until it is written or has failed; a refusal goes to `onProblem`. */
    async publish(): Promise<void> {
      if (publishing.value) return;
      publishing.value = true;
      try {
        session.value = await deps.api.publish(deps.sessionId);
        watch();
      } catch (err) {
        deps.onProblem(err as Problem);
      } finally {
        publishing.value = false;
      }
    },
  };
});

export type CalendarStatusModel = InstanceType<typeof CalendarStatus>;
