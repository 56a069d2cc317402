/** The Zoom side of a calendar sync: create the session's meeting once (recorded at once, found again after a lost answer: Zoom has no idempotency key) or update its agenda. */
import type { Env } from '../env';
import { hashParts, sha256Hex } from '../http/hash';
import { ProviderError } from '../providers/types';
import { withAgendaRef } from '../providers/zoom';
import { connectedZoom, zoomProviderOf } from '../services/calendar-connection';
import type { EventContent } from '../services/calendar-content';
import { deleteJob, enqueueDeletes } from '../services/calendar-outbox';
import { adoptMeeting, forgetMeeting, markMeetingCreateStarted, recordMeeting, type CalendarEventRow } from '../storage/calendar-events';
import type { SessionContext } from '../storage/session-context';
import { coachDb } from '../storage/databases';

/** The session's meeting after a sync: its id, join URL, the hash of what it says and the Zoom connection generation that made it. */
export type SyncedMeeting = { id: string; url: string; hash: string | null; connectionId: number | null };

/** The reference line of a session's meeting agenda: derived from the session id without revealing it. */
export const meetingRef = async (sessionId: string): Promise<string> => `ref cc-${(await sha256Hex(`zoom-meeting:${sessionId}`)).slice(0, 16)}`;

/**
 * Makes sure the session has a Zoom meeting that says what the invite says: topic, agenda (plain text, ≤ 2000 characters,
 * ending in the session's `meetingRef`), start and duration. A new meeting's id is written to D1 before anything else happens,
 * and handed back to the adapter through `findExisting` on a retry, so a job that fails later does not create a second meeting.
 * Before a create the attempt is marked in D1; when a marked attempt never recorded its meeting (the answer was lost: timeout,
 * dropped connection), the next one first looks for a meeting carrying the reference among the host's upcoming ones and adopts
 * it instead of creating another. Updates only when the content changed;
 * a meeting deleted in Zoom is created again. Without a Zoom connection the recorded meeting (if any) stays as it is. A meeting
 * made through an older generation (the coach connected Zoom again) is taken over when the new one reaches it (same Zoom user),
 * else deleted through the generation that made it and created anew.
 * @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/POST/users/{userId}/meetings
 * @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/PATCH/meetings/{meetingId}
 * @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/users/{userId}/meetings
 */
export async function syncZoomMeeting(env: Env, ctx: SessionContext, rec: CalendarEventRow, content: EventContent): Promise<SyncedMeeting | null> {
  const sessionId = ctx.session.id;
  const db = coachDb(env, ctx.coach.id);
  let recorded = rec.meeting_provider === 'zoom' && rec.meeting_id !== null && rec.meeting_url !== null ? { id: rec.meeting_id, url: rec.meeting_url } : null;
  const connected = await connectedZoom(env, ctx.coach.id, { findExisting: async () => recorded?.id ?? null });
  if (!connected) return recorded ? { ...recorded, hash: rec.meeting_hash, connectionId: rec.meeting_connection_id } : null;
  const { zoom, connectionId } = connected;

  if (recorded && rec.meeting_connection_id !== connectionId) {
    if (await zoom.getMeeting(recorded.id)) {
      await adoptMeeting(db, sessionId, rec.meeting_connection_id, connectionId);
    } else {
      await enqueueDeletes(env, [deleteJob({ ...rec, provider: 'local', external_id: null })]);
      await forgetMeeting(db, sessionId);
      recorded = null;
    }
  }
  const ref = await meetingRef(sessionId);
  const fields = { topic: content.title, agenda: withAgendaRef(content.zoomAgenda, ref), startMs: content.startMs, durationMinutes: content.durationMinutes, timeZone: content.timeZone };
  const hash = await hashParts(['zoom', fields.topic, fields.agenda, fields.startMs, fields.durationMinutes, fields.timeZone]);
  if (recorded) {
    if (rec.meeting_hash === hash) return { ...recorded, hash, connectionId };
    try {
      await zoom.updateMeeting(recorded.id, fields);
      return { ...recorded, hash, connectionId };
    } catch (error) {
      if (!(error instanceof ProviderError && error.kind === 'not_found')) throw error;
      await forgetMeeting(db, sessionId);
      recorded = null;
    }
  }
  if (rec.meeting_create_started_at !== null) {
    const found = await zoom.findMeeting({ agendaRef: ref, startMs: fields.startMs });
    if (found) {
      // Made by an attempt whose answer was lost, perhaps with older content: record it first, then make it say what the invite says.
      await recordMeeting(db, sessionId, 'zoom', connectionId, found.meetingId, found.joinUrl, null);
      await zoom.updateMeeting(found.meetingId, fields);
      await recordMeeting(db, sessionId, 'zoom', connectionId, found.meetingId, found.joinUrl, hash);
      return { id: found.meetingId, url: found.joinUrl, hash, connectionId };
    }
  }
  await markMeetingCreateStarted(db, sessionId, Date.now());
  const created = await zoom.createMeeting({ meetingKey: sessionId, ...fields });
  await recordMeeting(db, sessionId, 'zoom', connectionId, created.meetingId, created.joinUrl, hash);
  return { id: created.meetingId, url: created.joinUrl, hash, connectionId };
}

/** Deletes a meeting right away (used when its session was erased while a sync ran) through the generation that made it, retired or not. */
export async function purgeMeeting(env: Env, coachId: string, meeting: SyncedMeeting): Promise<void> {
  if (meeting.connectionId === null) return;
  const zoom = await zoomProviderOf(env, coachId, {}, meeting.connectionId);
  if (zoom) await zoom.deleteMeeting(meeting.id);
}
