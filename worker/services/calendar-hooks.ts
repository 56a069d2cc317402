/** What runs after a session is stored: the calendar side (the outbox enqueue) registers here, so booking does not know about providers. */
import type { Env } from '../env';
import { logError } from '../http/log';

/** A step run after a session was created (planned or booked); it must be safe to run again for the same session. */
export type CalendarHook = (env: Env, sessionId: string, coachId: string) => Promise<void>;

/** Hooks run by `afterSessionBooked`, in order; the calendar sync registers its outbox enqueue here at module load. */
export const CALENDAR_HOOKS: CalendarHook[] = [];

/**
 * Runs every registered hook for a session that was just created and stored in D1 (by `POST /api/sessions`, `POST
 * /api/sessions/:id/next` or a coachee's `POST /api/c/:token/book`). A hook that throws is logged and does not fail the
 * request: the session is already stored, so the answer must say so; a hook records its own failure (e.g. `calendar_status`).
 * @see https://developers.cloudflare.com/queues/configuration/javascript-apis/#producer
 */
export async function afterSessionBooked(env: Env, sessionId: string, coachId: string): Promise<void> {
  for (const hook of CALENDAR_HOOKS) {
    try {
      await hook(env, sessionId, coachId);
    } catch (error) {
      logError('calendar hook failed', error, sessionId);
    }
  }
}
