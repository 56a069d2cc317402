/** When calendar writes happen: after a session is planned or booked, at session end (cron), and on erasure; registers the calendar jobs. */
import './calendar-delete';
import './calendar-sync';
import { CALENDAR_HOOKS } from '../services/calendar-hooks';
import { deleteJob, enqueueAll, requestCalendarSync } from '../services/calendar-outbox';
import { ERASE_HOOKS, ERASE_PREPARE_HOOKS } from '../services/erase';
import { endedSinceSync, externalOfSessions } from '../storage/calendar-events';
import { CRON_TASKS } from './cron';
import { DEAD_LETTER_HANDLERS } from './outbox';

/** How far back the cron looks for sessions that ended; each is updated once after its end, so overlapping runs are harmless. */
export const ENDED_LOOKBACK_MS = 24 * 3600_000;

/** A planned or booked session goes into the coach's calendar through the outbox. */
CALENDAR_HOOKS.push((env, sessionId) => requestCalendarSync(env, [sessionId], 'booked'));

/**
 * At session end the invite gets its final state (new agreements), once, for sessions changed since their last sync. Coaches
 * publish during the session; this catches what was added after the last publish. Never on every keystroke.
 */
CRON_TASKS.push(async (env, nowMs) => {
  const ended = await endedSinceSync(env.DB, nowMs - ENDED_LOOKBACK_MS, nowMs);
  await requestCalendarSync(
    env,
    ended.map((s) => s.id),
    'end',
  );
});

/** A sync that ran out of retries: the session shows "could not be written" instead of staying "not yet in calendar". */
DEAD_LETTER_HANDLERS.set('calendar.sync', async (env, job) => {
  if (typeof job.sessionId !== 'string') return;
  // Only a session still waiting: a later job may already have written it.
  await env.DB.prepare("UPDATE sessions SET calendar_status = 'failed' WHERE id = ?1 AND calendar_status = 'pending'").bind(job.sessionId).run();
});

/** Erasure: events and meetings outside D1 are handed to the outbox (ids only) before the rows that name them go. */
ERASE_PREPARE_HOOKS.push(async (env, coachee, sessionIds) => {
  const rows = await externalOfSessions(env.DB, coachee.coach_id, sessionIds);
  await enqueueAll(env, rows.map(deleteJob));
});

/** Erasure: the local calendar's events of the coachee's sessions (cancelled ones too) and our records of what we created. */
ERASE_HOOKS.push((ofSessions) => [
  `DELETE FROM local_events WHERE coach_id = ?2 AND id IN (${ofSessions})`,
  `DELETE FROM calendar_events WHERE session_id IN (${ofSessions})`,
]);
