/** When calendar writes happen: after a session is planned or booked, at session end and for stuck syncs (cron), and on erasure; registers the calendar jobs. */
import { releaseHolds } from './calendar-delete';
import './calendar-sync';
import { CALENDAR_HOOKS } from '../services/calendar-hooks';
import { DELETE_KIND, deleteJob, enqueueAll, enqueueDeletes, requestCalendarSync, SYNC_KIND, syncJob } from '../services/calendar-outbox';
import { ERASE_HOOKS, ERASE_PREPARE_HOOKS } from '../services/erase';
import { dropUnusedRetired, sweepDeleteHolds } from '../storage/calendar-connections';
import { endedSinceSync, externalOfSessions, stalePending } from '../storage/calendar-events';
import { allCoachDbs, coachDb, directoryDb } from '../storage/databases';
import { getSessionById } from '../storage/sessions';
import { run } from '../storage/sql';
import { CRON_TASKS } from './cron';
import { DEAD_LETTER_HANDLERS } from './outbox';

/** How far back the cron looks for sessions that ended; each is updated once after its end, so overlapping runs are harmless. */
export const ENDED_LOOKBACK_MS = 24 * 3600_000;
/** A session still `pending` this long after its last sync request has lost its job (a failed send, a lost message). */
export const STALE_PENDING_MS = 10 * 60_000;
/** Queues keep a message at most 14 days: a delete hold older than that has no job left. @see https://developers.cloudflare.com/queues/platform/limits/ */
export const HOLD_MAX_AGE_MS = 14 * 24 * 3600_000;

/**
 * A planned or booked session goes into the coach's calendar through the outbox. It was inserted `pending` (CoachBooking), and
 * cron's check for lost jobs counts from its `created_at` while no request time is set, so only the job is sent: no D1 write.
 */
CALENDAR_HOOKS.push((env, sessionId) => enqueueAll(env, [syncJob(sessionId, 'booked')]));

/**
 * At session end the invite gets its final state (new agreements), once, for sessions changed since their last sync. Coaches
 * publish during the session; this catches what was added after the last publish. Never on every keystroke.
 */
CRON_TASKS.push(async (env, nowMs) => {
  for (const db of allCoachDbs(env)) {
    const ended = await endedSinceSync(db, nowMs - ENDED_LOOKBACK_MS, nowMs);
    await requestCalendarSync(
      env,
      db,
      ended.map((s) => s.id),
      'end',
    );
  }
});

/**
 * A session's sync request can get lost: `afterSessionBooked` only logs a failed send, and a message can vanish. Every run
 * re-enqueues the sync of sessions still `pending` more than 10 minutes after their last request (or due retry), unless they
 * ended more than 24 hours ago; marking them again restarts the clock, so one is asked for again at most every 10 minutes. A
 * duplicate of a job that did arrive is harmless: the sync takes a lease and writes nothing that did not change.
 */
CRON_TASKS.push(async (env, nowMs) => {
  for (const db of allCoachDbs(env)) {
    const stuck = await stalePending(db, nowMs - STALE_PENDING_MS, nowMs - ENDED_LOOKBACK_MS);
    await requestCalendarSync(
      env,
      db,
      stuck.map((s) => s.id),
      'retry',
      nowMs,
    );
  }
});

/** Retired connections go once nothing needs them (most go right after their last delete job); holds of lost jobs expire. */
CRON_TASKS.push(async (env, nowMs) => {
  for (const db of allCoachDbs(env)) {
    await sweepDeleteHolds(db, nowMs - HOLD_MAX_AGE_MS);
    await run(dropUnusedRetired(db, null, nowMs));
  }
});

/** A sync that ran out of retries: the session shows "could not be written" instead of staying "not yet in calendar". */
DEAD_LETTER_HANDLERS.set(SYNC_KIND, async (env, job) => {
  if (typeof job.sessionId !== 'string') return;
  // Only a session still waiting: a later job may already have written it.
  const session = await getSessionById(directoryDb(env), job.sessionId);
  if (!session) return;
  await coachDb(env, session.coach_id).prepare("UPDATE sessions SET calendar_status = 'failed' WHERE id = ?1 AND calendar_status = 'pending'").bind(job.sessionId).run();
});

/** A delete that ran out of retries gives up its hold on the connection (which may then be dropped). */
DEAD_LETTER_HANDLERS.set(DELETE_KIND, async (env, job) => {
  if (typeof job.coachId === 'string') await releaseHolds(env, job.coachId, job);
});

/**
 * Erasure: events and meetings outside D1 are handed to the outbox (ids only, with the connection generation that made each)
 * before the rows that name them go, also those in a calendar or Zoom account the coach has since retired or connected again
 * (that generation is kept for exactly this).
 */
ERASE_PREPARE_HOOKS.push(async (env, coachee, sessionIds) => {
  const rows = await externalOfSessions(coachDb(env, coachee.coach_id), coachee.coach_id, sessionIds);
  await enqueueDeletes(env, rows.map(deleteJob));
});

/** Erasure: the local calendar's events of the coachee's sessions (cancelled ones too) and our records of what we created. */
ERASE_HOOKS.push((ofSessions) => [
  `DELETE FROM local_events WHERE coach_id = ?2 AND id IN (${ofSessions})`,
  `DELETE FROM calendar_events WHERE session_id IN (${ofSessions})`,
]);
