/** Connecting and disconnecting a calendar or Zoom: every connect is a new connection generation, upcoming sessions move to it, older generations are kept (retired) until nothing needs them. */
import type { Env } from '../env';
import type { CalendarProviderName, Credentials } from '../providers/types';
import {
  dropUnusedRetired,
  insertConnection,
  retireCalendars,
  retireZoom,
  setCalendarProvider,
  type ConnectionProvider,
} from '../storage/calendar-connections';
import { forgetEvents, madeThroughRetired, remoteEventsElsewhere, unendedSessions } from '../storage/calendar-events';
import type { CoachRow } from '../storage/coaches';
import { batch, type Query } from '../storage/sql';
import { sealCredentials } from './calendar-connection';
import { deleteJob, enqueueDeletes, requestCalendarSync } from './calendar-outbox';
import { coachDb } from '../storage/databases';
import { logError } from '../http/log';

/**
 * Stores a connection's credentials sealed, as a new generation: the one in use before (if any) is retired, never overwritten,
 * so what it made is still updated and deleted through its own account and calendar. Connecting another calendar also switches
 * the coach to it (see `switchCalendar`). Connecting Zoom or the calendar already in use again (fresh tokens, another account,
 * another calendarId) asks for the sync of each upcoming session whose event or meeting the old generation made: the sync
 * takes it over when the new generation reaches it (same account and calendar), else deletes it through the old one and
 * creates it anew.
 */
export async function connectAccount(env: Env, coach: CoachRow, provider: ConnectionProvider, credentials: Credentials, calendarId: string | null, nowMs: number): Promise<void> {
  const db = coachDb(env, coach.id);
  const insert = insertConnection(db, coach.id, provider, await sealCredentials(env, coach.id, provider, credentials), calendarId, nowMs);
  if (provider !== 'zoom' && provider !== coach.calendar_provider) {
    await switchCalendar(env, coach.id, provider, insert, nowMs);
    return;
  }
  await batch(db, [...insert, dropUnusedRetired(db, coach.id, nowMs)]);
  const sessions = (await unendedSessions(db, coach.id, nowMs)).map((s) => s.id);
  await requestSyncs(env, coach.id, (await madeThroughRetired(db, coach.id, sessions, provider)).map((r) => r.session_id), nowMs);
}

/**
 * Disconnects the calendar (the coach goes back to the embedded local calendar, see `switchCalendar`) or Zoom. Zoom is retired:
 * no new meetings, recorded ones stay as they are and can still be deleted (erasure, or the coach hosting elsewhere).
 */
export async function disconnectAccount(env: Env, coach: CoachRow, which: 'calendar' | 'zoom', nowMs: number): Promise<void> {
  const db = coachDb(env, coach.id);
  if (which === 'zoom') {
    await batch(db, [retireZoom(db, coach.id, nowMs), dropUnusedRetired(db, coach.id, nowMs)]);
    return;
  }
  await switchCalendar(env, coach.id, 'local', [], nowMs);
}

/**
 * Moves the coach to calendar `to`. Events of sessions that have not ended are deleted from the old remote calendar (delete jobs,
 * holding the generation that made them) and forgotten; every such session is then synced, which creates it in `to` (a local
 * event is removed by that sync). Events of past sessions stay where they are, and so does their generation, retired: erasing a
 * coachee still deletes them. A generation goes once no row, pending delete or running sync needs it.
 * Order: delete jobs first (they wait while a row still names their event), then one D1 batch, then the sync requests.
 */
async function switchCalendar(env: Env, coachId: string, to: CalendarProviderName, writes: Query[], nowMs: number): Promise<void> {
  const db = coachDb(env, coachId);
  const sessions = (await unendedSessions(db, coachId, nowMs)).map((s) => s.id);
  const moving = await remoteEventsElsewhere(db, coachId, sessions, to);
  await enqueueDeletes(env, moving.map((row) => deleteJob({ ...row, meeting_provider: null, meeting_id: null })), nowMs);
  await batch(db, [
    ...writes,
    retireCalendars(db, coachId, to === 'local' ? null : to, nowMs),
    setCalendarProvider(db, coachId, to),
    ...(moving.length > 0 ? [forgetEvents(db, moving, to)] : []),
    dropUnusedRetired(db, coachId, nowMs),
  ]);
  await requestSyncs(env, coachId, sessions, nowMs);
}

/** Asks for the syncs of sessions whose calendar or connection changed; a failed send is left to cron. */
async function requestSyncs(env: Env, coachId: string, sessionIds: string[], nowMs: number): Promise<void> {
  try {
    await requestCalendarSync(env, coachDb(env, coachId), sessionIds, 'calendar', nowMs);
  } catch (error) {
    // The change is stored and the sessions are marked pending: cron enqueues their syncs again (calendar-triggers.ts).
    logError('calendar switch: could not enqueue the syncs of the moved sessions', error);
  }
}
