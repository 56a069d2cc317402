/** Calendar jobs for the outbox: `calendar.sync` per session and `calendar.delete` per external event, ids only, never content. */
import type { Env } from '../env';
import { enqueue, type Job } from '../jobs/outbox';
import { markPending, type CalendarEventRow } from '../storage/calendar-events';

/** Job kind: write one session's invite into the coach's calendar (create, or merge our block into the event). */
export const SYNC_KIND = 'calendar.sync';
/** Job kind: delete an event (and Zoom meeting) we created, after the session it belonged to was erased. */
export const DELETE_KIND = 'calendar.delete';

/** Why a sync was asked for: the session's live sequence at a publish, or an event (`booked`, `end`). */
export type SyncReason = number | 'booked' | 'end';

/** The sync job of one session; its id is `<sessionId>:<seq or reason>` (the handler itself is idempotent). */
export const syncJob = (sessionId: string, reason: SyncReason): Job => ({ id: `${sessionId}:${reason}`, kind: SYNC_KIND, sessionId });

/** The delete job for what a calendar_events row points at outside D1: the coach, provider and external ids only. */
export const deleteJob = (row: Pick<CalendarEventRow, 'coach_id' | 'provider' | 'external_id' | 'meeting_provider' | 'meeting_id'>): Job => {
  const externalId = row.provider === 'local' ? null : row.external_id;
  return {
    id: `delete:${row.coach_id}:${row.provider}:${externalId ?? '-'}:${row.meeting_id ?? '-'}`,
    kind: DELETE_KIND,
    coachId: row.coach_id,
    provider: externalId === null ? null : row.provider,
    externalId,
    meetingProvider: row.meeting_id === null ? null : row.meeting_provider,
    meetingId: row.meeting_id,
  };
};

/** Queues send at most 100 messages per call. @see https://developers.cloudflare.com/queues/platform/limits/ */
const SEND_BATCH = 100;

/** Enqueues jobs in chunks the Queue accepts. */
export async function enqueueAll(env: Env, jobs: Job[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += SEND_BATCH) await enqueue(env, jobs.slice(i, i + SEND_BATCH));
}

/**
 * Marks the sessions `pending` ("not yet in calendar") and enqueues their sync jobs. D1 first, then the queue: when the
 * provider is down the session still exists and says it is waiting.
 */
export async function requestCalendarSync(env: Env, sessionIds: string[], reason: SyncReason): Promise<void> {
  if (sessionIds.length === 0) return;
  await markPending(env.DB, sessionIds);
  await enqueueAll(env, sessionIds.map((id) => syncJob(id, reason)));
}
