/** Outbox job `calendar.delete`: removes an event (and Zoom meeting) we created, after its session was erased or moved to another calendar. */
import { CalendarProviderName } from '../../shared/protocol';
import type { Env } from '../env';
import { ProviderError } from '../providers/types';
import { calendarProviderOf, zoomProviderOf } from '../services/calendar-connection';
import { DELETE_KIND, holdKey } from '../services/calendar-outbox';
import { dropUnusedRetired, heldConnection, releaseDeleteHolds, type ConnectionProvider, type ConnectionRef } from '../storage/calendar-connections';
import { stillReferenced } from '../storage/calendar-events';
import { batch } from '../storage/sql';
import { revokeUnused } from '../services/calendar-grants';
import { JOB_HANDLERS, type Job } from './outbox';
import { coachDb } from '../storage/databases';

/** While the erasure that enqueued the job has not committed, wait this long and look again. */
const UNCOMMITTED_RETRY_MS = 30_000;

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * The connection generation a job field names: its id; `undefined` for a job queued before generations were recorded; null
 * when the generation that made the event is unknown (nothing can reach it).
 */
const generation = (value: unknown): number | null | undefined => (typeof value === 'number' ? value : value === undefined ? undefined : null);

/**
 * The connection to delete through: the generation the job names; for a job queued before generations were recorded, the one
 * its hold was given when they were introduced (else the newest, as such jobs were run before).
 */
async function refOf(env: Env, coachId: string, job: Job, provider: ConnectionProvider, id: number | null | undefined): Promise<ConnectionRef> {
  if (id === null) throw new ProviderError(provider, 'auth', 'made through a connection that is gone: it cannot be deleted');
  if (id !== undefined) return id;
  return (await heldConnection(coachDb(env, coachId), coachId, provider, await holdKey(job))) ?? 'latest';
}

/**
 * Deletes the external event and meeting named in the job (coach, provider and external ids; no content). Deleting what is
 * already gone succeeds, so a repeated delivery is harmless. The job is enqueued before the D1 batch that forgets these ids
 * (an erasure, or the coach switching calendars), so it waits while a `calendar_events` row still points at them (the same ids
 * and generations): a batch that failed never deletes the calendar event. It goes through the connection generation the event
 * (and the meeting) was made with, even when the coach has retired it or connected the provider again (another account or
 * calendar: a delete through that one would miss the event and get 404), and once done (or failed for good) releases its hold
 * on that generation, which is dropped when nothing needs it any more.
 * The provider notifies attendees of the cancellation (Google `sendUpdates=all`, Graph by itself).
 * @see https://developers.google.com/workspace/calendar/api/v3/reference/events/delete
 * @see https://learn.microsoft.com/en-us/graph/api/event-delete
 * @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/DELETE/meetings/{meetingId}
 */
export async function deleteExternal(env: Env, job: Job): Promise<void> {
  const coachId = text(job.coachId);
  const provider = CalendarProviderName.safeParse(job.provider);
  const externalId = text(job.externalId);
  const meetingId = text(job.meetingId);
  const connectionId = generation(job.connectionId);
  const meetingConnectionId = generation(job.meetingConnectionId);
  if (!coachId) throw Object.assign(new Error(`${DELETE_KIND} job names no coach`), { permanent: true });
  if (await stillReferenced(coachDb(env, coachId), coachId, { externalId, connectionId, meetingId, meetingConnectionId })) {
    throw Object.assign(new Error(`${DELETE_KIND}: the erasure or switch has not committed (yet)`), { retryAfterMs: UNCOMMITTED_RETRY_MS });
  }
  try {
    if (externalId && provider.success && provider.data !== 'local') {
      await (await calendarProviderOf(env, coachId, provider.data, await refOf(env, coachId, job, provider.data, connectionId))).deleteEvent(externalId);
    }
    if (meetingId && job.meetingProvider === 'zoom') {
      const zoom = await zoomProviderOf(env, coachId, {}, await refOf(env, coachId, job, 'zoom', meetingConnectionId));
      if (!zoom) throw new ProviderError('zoom', 'auth', 'not connected: the meeting cannot be deleted');
      await zoom.deleteMeeting(meetingId);
    }
  } catch (error) {
    if (error instanceof ProviderError && !error.retryable) {
      await releaseHolds(env, coachId, job);
      throw Object.assign(new Error(error.message, { cause: error }), { permanent: true });
    }
    throw error;
  }
  await releaseHolds(env, coachId, job);
}

/**
 * The job no longer needs its connections: release its holds and drop retired connections nothing else needs; a disconnected
 * one is revoked at its provider first (see `revokeUnused`).
 */
export async function releaseHolds(env: Env, coachId: string, job: Job): Promise<void> {
  const db = coachDb(env, coachId);
  await batch(db, [releaseDeleteHolds(db, coachId, await holdKey(job)), dropUnusedRetired(db, coachId, Date.now())]);
  await revokeUnused(env, db, coachId, Date.now());
}

JOB_HANDLERS.set(DELETE_KIND, deleteExternal);
