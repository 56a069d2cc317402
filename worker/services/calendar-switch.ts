/** Connecting and disconnecting a calendar or Zoom: upcoming sessions move to the new calendar, the old connection is kept (retired) until nothing needs it. */
import type { Env } from '../env';
import type { CalendarProviderName, Credentials } from '../providers/types';
import {
  dropUnusedRetired,
  retireCalendars,
  retireZoom,
  setCalendarProvider,
  upsertConnection,
  type ConnectionProvider,
} from '../storage/calendar-connections';
import { forgetEvents, remoteEventsElsewhere, unendedSessions } from '../storage/calendar-events';
import type { CoachRow } from '../storage/coaches';
import { batch, run, type Query } from '../storage/sql';
import { sealCredentials } from './calendar-connection';
import { deleteJob, enqueueDeletes, requestCalendarSync } from './calendar-outbox';

/**
 * Stores a connection's credentials sealed. Connecting Zoom, or the calendar already in use (fresh tokens), only stores them;
 * connecting another calendar also switches the coach to it (see `switchCalendar`).
 */
export async function connectAccount(env: Env, coach: CoachRow, provider: ConnectionProvider, credentials: Credentials, calendarId: string | null, nowMs: number): Promise<void> {
  const upsert = upsertConnection(env.DB, coach.id, provider, await sealCredentials(env, coach.id, provider, credentials), calendarId, nowMs);
  if (provider === 'zoom' || provider === coach.calendar_provider) {
    await run(upsert);
    return;
  }
  await switchCalendar(env, coach.id, provider, [upsert], nowMs);
}

/**
 * Disconnects the calendar (the coach goes back to the embedded local calendar, see `switchCalendar`) or Zoom. Zoom is retired:
 * no new meetings, recorded ones stay as they are and can still be deleted (erasure, or the coach hosting elsewhere).
 */
export async function disconnectAccount(env: Env, coach: CoachRow, which: 'calendar' | 'zoom', nowMs: number): Promise<void> {
  if (which === 'zoom') {
    await batch(env.DB, [retireZoom(env.DB, coach.id, nowMs), dropUnusedRetired(env.DB, coach.id, nowMs)]);
    return;
  }
  await switchCalendar(env, coach.id, 'local', [], nowMs);
}

/**
 * Moves the coach to calendar `to`. Events of sessions that have not ended are deleted from the old remote calendar (delete jobs,
 * holding the old connection) and forgotten; every such session is then synced, which creates it in `to` (a local event is
 * removed by that sync). Events of past sessions stay where they are, and so does the old connection, retired: erasing a
 * coachee still deletes them. The old connection goes once no row, pending delete or running sync needs it.
 * Order: delete jobs first (they wait while a row still names their event), then one D1 batch, then the sync requests.
 */
async function switchCalendar(env: Env, coachId: string, to: CalendarProviderName, writes: Query[], nowMs: number): Promise<void> {
  const sessions = (await unendedSessions(env.DB, coachId, nowMs)).map((s) => s.id);
  const moving = await remoteEventsElsewhere(env.DB, coachId, sessions, to);
  await enqueueDeletes(env, moving.map((row) => deleteJob({ ...row, meeting_provider: null, meeting_id: null })), nowMs);
  await batch(env.DB, [
    ...writes,
    retireCalendars(env.DB, coachId, to === 'local' ? null : to, nowMs),
    setCalendarProvider(env.DB, coachId, to),
    ...(moving.length > 0 ? [forgetEvents(env.DB, moving, to)] : []),
    dropUnusedRetired(env.DB, coachId, nowMs),
  ]);
  try {
    await requestCalendarSync(env, sessions, 'calendar', nowMs);
  } catch (error) {
    // The switch is stored and the sessions are marked pending: cron enqueues their syncs again (calendar-triggers.ts).
    console.error('calendar switch: could not enqueue the syncs of the moved sessions', (error as Error).message);
  }
}
