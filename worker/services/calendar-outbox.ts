/** Calendar jobs for the outbox: `calendar.sync` per session and `calendar.delete` per external event, ids only, never content. */
import type { Env } from '../env';
import { sha256Hex } from '../http/hash';
import { enqueue, type Job } from '../jobs/outbox';
import { addDeleteHolds, type ConnectionProvider, type DeleteHold } from '../storage/calendar-connections';
import { markPending, type CalendarEventRow } from '../storage/calendar-events';
import { coachDb } from '../storage/databases';

/** Job kind: write one session's invite into the coach's calendar (create, or merge our block into the event). */
export const SYNC_KIND = 'calendar.sync';
/** Job kind: delete an event (and Zoom meeting) we created, after its session was erased or moved to another calendar. */
export const DELETE_KIND = 'calendar.delete';

/**
 * Why a sync was asked for: the session's live sequence at a publish, or an event (`booked`, `moved`, `end`, `calendar` = the coach
 * switched calendars, `retry` = cron found the session still pending long after its last request).
 */
export type SyncReason = number | 'booked' | 'moved' | 'end' | 'calendar' | 'retry';

/**
 * The sync job of one session; its id is `<sessionId>:<seq or reason>`. Queues do not deduplicate by id: a repeated delivery
 * or a second job for the same session is harmless because the handler takes a lease and skips writes that change nothing.
 */
export const syncJob = (sessionId: string, reason: SyncReason): Job => ({ id: `${sessionId}:${reason}`, kind: SYNC_KIND, sessionId });

/** What a delete job is built from: a calendar_events row, or the part of it that names the event or the meeting. */
export type DeleteTarget = Pick<CalendarEventRow, 'coach_id' | 'provider' | 'connection_id' | 'external_id' | 'meeting_provider' | 'meeting_connection_id' | 'meeting_id'>;

/**
 * The delete job for what a calendar_events row points at outside D1: the coach, provider, external ids and the connection
 * generation that made each (it is deleted through that one). The generations are part of the id: Google event ids derive from
 * the session, so the same id made through two generations is two events and two jobs.
 */
export const deleteJob = (row: DeleteTarget): Job => {
  const externalId = row.provider === 'local' ? null : row.external_id;
  const connectionId = externalId === null ? null : row.connection_id;
  const meetingConnectionId = row.meeting_id === null ? null : row.meeting_connection_id;
  return {
    id: `delete:${row.coach_id}:${row.provider}:${connectionId ?? '-'}:${externalId ?? '-'}:${meetingConnectionId ?? '-'}:${row.meeting_id ?? '-'}`,
    kind: DELETE_KIND,
    coachId: row.coach_id,
    provider: externalId === null ? null : row.provider,
    connectionId,
    externalId,
    meetingProvider: row.meeting_id === null ? null : row.meeting_provider,
    meetingConnectionId,
    meetingId: row.meeting_id,
  };
};

/** The connection generations a delete job needs: its calendar's (when it names an event) and its meeting host's (when it names a meeting). */
function connectionsOf(job: Job): { provider: ConnectionProvider; connectionId: number }[] {
  const needs: { provider: ConnectionProvider; connectionId: number }[] = [];
  if ((job.provider === 'google' || job.provider === 'microsoft') && typeof job.connectionId === 'number') needs.push({ provider: job.provider, connectionId: job.connectionId });
  if (job.meetingProvider === 'zoom' && typeof job.meetingConnectionId === 'number') needs.push({ provider: 'zoom', connectionId: job.meetingConnectionId });
  return needs;
}

/** The key a delete job's holds are stored under: the SHA-256 of its id, so no external id is kept. */
export const holdKey = (job: Job): Promise<string> => sha256Hex(job.id);

/** Queues send at most 100 messages per call. @see https://developers.cloudflare.com/queues/platform/limits/ */
const SEND_BATCH = 100;

/** Enqueues jobs in chunks the Queue accepts. */
export async function enqueueAll(env: Env, jobs: Job[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += SEND_BATCH) await enqueue(env, jobs.slice(i, i + SEND_BATCH));
}

/**
 * Enqueues delete jobs after recording a hold per connection generation they need, so a retired one (the coach switched,
 * disconnected or connected again) keeps its credentials until the jobs have run. Holds first: a failed send leaves a hold (the
 * generation stays a little longer, swept after the Queue's retention), never a job without its credentials.
 */
export async function enqueueDeletes(env: Env, jobs: Job[], nowMs = Date.now()): Promise<void> {
  if (jobs.length === 0) return;
  const holds: DeleteHold[] = [];
  for (const job of jobs) {
    const jobKey = await holdKey(job);
    for (const need of connectionsOf(job)) holds.push({ coachId: String(job.coachId), ...need, jobKey });
  }
  for (const coachId of new Set(holds.map((h) => h.coachId))) {
    await addDeleteHolds(
      coachDb(env, coachId),
      holds.filter((h) => h.coachId === coachId),
      nowMs,
    );
  }
  await enqueueAll(env, jobs);
}

/**
 * Marks the sessions `pending` ("not yet in calendar"), notes when, and enqueues their sync jobs. D1 first, then the queue: when
 * the provider is down the session still exists and says it is waiting; when the send fails, cron enqueues it again later.
 * `db` is the database holding the sessions (`coachDb` of their coach, or the one a cron scan read them from).
 */
export async function requestCalendarSync(env: Env, db: D1Database, sessionIds: string[], reason: SyncReason, nowMs = Date.now()): Promise<void> {
  if (sessionIds.length === 0) return;
  await markPending(db, sessionIds, nowMs);
  await enqueueAll(env, sessionIds.map((id) => syncJob(id, reason)));
}
