/** Outbox job `calendar.sync`: writes one session's invite into the coach's calendar (and its Zoom meeting), idempotent by our ids. */
import { replaceBlock } from '../../shared/invite/block';
import { meetCodeOf, teamsThreadOf } from '../../shared/meetings/join-url';
import type { Env } from '../env';
import { hashParts } from '../http/hash';
import { configuredPublicUrl } from '../http/public-url';
import { ProviderError, type CalendarProvider, type EventPatch } from '../providers/types';
import { connectedCalendar } from '../services/calendar-connection';
import { renderEventContent, type EventContent } from '../services/calendar-content';
import { deleteJob, enqueueDeletes, SYNC_KIND } from '../services/calendar-outbox';
import { linkStatements } from '../services/session-meetings';
import { markReconnect, RECONNECT_RETRY_MS } from '../services/calendar-grants';
import {
  adoptEvent,
  claimCalendarEvent,
  forgetEvent,
  forgetMeeting,
  markCreateStarted,
  recordCreated,
  recordFailure,
  recordSynced,
  releaseLease,
  type CalendarEventRow,
} from '../storage/calendar-events';
import { loadSessionContext, type SessionContext } from '../storage/session-context';
import { getSessionById } from '../storage/sessions';
import { run, sql } from '../storage/sql';
import { errorSummary, isPermanent, JOB_HANDLERS } from './outbox';
import { purgeMeeting, syncZoomMeeting, type SyncedMeeting } from './zoom-meeting';
import { coachDb, directoryDb } from '../storage/databases';
import { logError } from '../http/log';

/** How often one job re-reads and merges after an etag mismatch (412) before leaving it to the outbox's retry. */
const PRECONDITION_ATTEMPTS = 3;
/** When another job holds the session, try again after this long. */
const BUSY_RETRY_MS = 15_000;
/** What `last_error` says when the Worker has no absolute PUBLIC_URL to put in the coachee link. */
export const NO_PUBLIC_URL = 'PUBLIC_URL is not configured: set it to the absolute URL of this Worker (e.g. https://coaching.example.com) so invites can link to the coachee page';
let warnedNoPublicUrl = false;

/**
 * Syncs one session: creates the event with `eventKey = sessionId` (providers make that idempotent) or, when we already made it,
 * reads it, puts our block in place of the old one (the coach's own text stays) and writes it back guarded by its etag; a 412
 * re-reads and merges again. Nothing is written when the content did not change since the last sync. Records ids, etag and
 * meeting link in `calendar_events` and marks the session `synced`. A retryable provider failure leaves it `pending` and
 * rethrows (the outbox retries, honouring Retry-After); auth, invalid, conflict and not-found leave it `failed` for good.
 * Without an absolute PUBLIC_URL nothing is written (the coachee link would be a bare path): the session is `failed` with that reason.
 * @see https://developers.google.com/workspace/calendar/api/guides/version-resources
 * @see https://learn.microsoft.com/en-us/graph/api/resources/event (transactionId)
 */
export async function syncSession(env: Env, sessionId: string, nowMs = Date.now()): Promise<void> {
  const session = await getSessionById(directoryDb(env), sessionId);
  if (!session) return; // erased (or never stored): nothing to write
  const db = coachDb(env, session.coach_id);
  const ctx = await loadSessionContext(db, env.NOTES_KEYS, session.coach_id, sessionId, false);
  if (!ctx) return;
  const claim = await claimCalendarEvent(db, sessionId, ctx.coach.calendar_provider, nowMs);
  if (claim === null) return;
  if (claim === 'busy') throw Object.assign(new Error(`calendar sync of ${sessionId} is running elsewhere`), { retryAfterMs: BUSY_RETRY_MS });
  try {
    const base = configuredPublicUrl(env);
    if (base === null) throw noPublicUrl();
    await write(env, base, ctx, claim, nowMs);
  } catch (error) {
    throw await failure(db, session.coach_id, sessionId, error);
  } finally {
    await releaseLease(db, sessionId, claim.lease_until ?? 0);
  }
}

/** The permanent failure for a Worker without PUBLIC_URL, logged once per isolate (every sync fails the same way until it is set). */
function noPublicUrl(): Error {
  if (!warnedNoPublicUrl) {
    warnedNoPublicUrl = true;
    console.error(`calendar sync: ${NO_PUBLIC_URL}`);
  }
  return Object.assign(new Error(NO_PUBLIC_URL), { permanent: true });
}

async function write(env: Env, base: string, ctx: SessionContext, claim: CalendarEventRow, nowMs: number): Promise<void> {
  const sessionId = ctx.session.id;
  const db = coachDb(env, ctx.coach.id);
  const { calendar, connectionId } = await connectedCalendar(env, ctx.coach.id, ctx.coach.calendar_provider);
  let rec = claim;
  if (rec.external_id !== null && (rec.provider !== calendar.name || rec.connection_id !== connectionId)) rec = await takeOverOrRetire(env, rec, calendar, connectionId);
  const host = ctx.coach.meeting_host;
  if (rec.meeting_provider === 'zoom' && host !== 'zoom') rec = await retireMeeting(env, rec);

  const content = await renderEventContent(env, base, ctx, nowMs);
  const meeting = host === 'zoom' ? await syncZoomMeeting(env, ctx, rec, content) : null;
  const location = meeting?.url;
  const conference = calendar.flags.conference !== null && calendar.flags.conference === host;
  const hash = await hashParts([calendar.name, content.block.text, content.block.html, content.startMs, content.endMs, content.timeZone, location ?? null, conference]);

  let externalId = rec.external_id;
  let etag = rec.etag;
  let meetingUrl = meeting?.url ?? (conference ? rec.meeting_url : null);
  if (externalId === null) {
    await markCreateStarted(db, sessionId, nowMs);
    const created = await calendar.createEvent({
      eventKey: sessionId,
      title: content.title,
      description: replaceBlock('', content.block, calendar.flags.descriptionFormat),
      startMs: content.startMs,
      endMs: content.endMs,
      timeZone: content.timeZone,
      attendees: content.attendees,
      conference,
      ...(location === undefined ? {} : { location }),
    });
    externalId = created.externalId;
    etag = created.etag ?? null;
    await recordCreated(db, sessionId, calendar.name, externalId, etag, hash, connectionId);
    if (rec.create_started_at !== null) {
      // An earlier attempt may have made the event with older content (its answer lost): the create returned that one, so merge.
      const merged = await mergeBlock(calendar, externalId, content, location);
      etag = merged.etag ?? etag;
      if (conference) meetingUrl = created.meetingUrl ?? merged.meetingUrl ?? null;
    } else if (conference) {
      // Meet links are built asynchronously: when the insert answer has none yet, the event read back may.
      meetingUrl = created.meetingUrl ?? (await calendar.getEvent(externalId))?.meetingUrl ?? null;
    }
  } else if (rec.content_hash !== hash || (conference && meetingUrl === null)) {
    const merged = await mergeBlock(calendar, externalId, content, location);
    etag = merged.etag ?? etag;
    if (conference) meetingUrl = merged.meetingUrl ?? meetingUrl;
  }

  const meetingHost = meeting ? 'zoom' : conference && meetingUrl ? (calendar.flags.conference as 'meet' | 'teams') : null;
  const kept = await recordSynced(
    db,
    sessionId,
    {
      provider: calendar.name,
      connection_id: connectionId,
      external_id: externalId,
      etag,
      meeting_provider: meeting ? 'zoom' : null,
      meeting_connection_id: meeting?.connectionId ?? null,
      meeting_id: meeting?.id ?? null,
      meeting_url: meetingUrl,
      content_hash: hash,
      meeting_hash: meeting?.hash ?? null,
      syncedSeq: ctx.session.seq,
      meetingHost,
      hostMeetingId: meetingHost === null || meetingUrl === null ? null : (hostMeetingId(meetingHost, meetingUrl, meeting) ?? (await threadOfShortLink(calendar, meetingHost, meetingUrl))),
    },
    Date.now(),
    // The join link itself too: Teams' short links carry no chat thread, so the link is what a panel can match them by.
    meetingHost && meetingUrl ? linkStatements(db, ctx.coach.id, sessionId, { host: meetingHost, joinUrl: meetingUrl }, Date.now()) : [],
  );
  if (!kept) await purgeAfterErasure(env, ctx.coach.id, calendar, externalId, meeting);
}

/**
 * Reads the event, replaces our block in its description (text around it stays byte for byte) and writes it back with the
 * etag it was read with. A 412 means someone edited the event in between: read, merge and write again, a few times.
 */
async function mergeBlock(calendar: CalendarProvider, externalId: string, content: EventContent, location: string | undefined) {
  for (let attempt = 1; ; attempt++) {
    const current = await calendar.getEvent(externalId);
    if (!current) throw new ProviderError(calendar.name, 'not_found', `event ${externalId} was deleted from the calendar`);
    const description = replaceBlock(current.description, content.block, calendar.flags.descriptionFormat);
    const moved = current.startMs !== content.startMs || current.endMs !== content.endMs;
    const patch: EventPatch = {
      ...(description === current.description ? {} : { description }),
      ...(moved ? { time: { startMs: content.startMs, endMs: content.endMs, timeZone: content.timeZone } } : {}),
      ...(location === undefined ? {} : { location }),
    };
    if (Object.keys(patch).length === 0) return { etag: current.etag, meetingUrl: current.meetingUrl };
    try {
      const written = await calendar.updateEvent(externalId, patch, current.etag === undefined ? {} : { etag: current.etag });
      return { etag: written.etag ?? current.etag, meetingUrl: current.meetingUrl };
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'precondition' && attempt < PRECONDITION_ATTEMPTS) continue;
      throw error;
    }
  }
}

/**
 * The event was made through another calendar or another generation of this one (the coach connected it again). When the
 * generation in use reaches the event (same account and calendar: fresh tokens), it takes the event over; otherwise the event
 * is retired and made anew in the calendar now in use.
 */
async function takeOverOrRetire(env: Env, rec: CalendarEventRow, calendar: CalendarProvider, connectionId: number | null): Promise<CalendarEventRow> {
  if (rec.provider === calendar.name && connectionId !== null && rec.external_id !== null) {
    const reached = await calendar.getEvent(rec.external_id);
    if (reached) {
      await adoptEvent(coachDb(env, rec.coach_id), rec.session_id, rec.connection_id, connectionId, reached.etag ?? null);
      return { ...rec, connection_id: connectionId, etag: reached.etag ?? rec.etag };
    }
  }
  return retireEvent(env, rec, calendar.name);
}

/**
 * The coach moved to another calendar or connection: the old local event leaves the feed (removed outright, so moving back can
 * create it again under the same key), a remote one is handed to the outbox for deletion through the generation that made it.
 */
async function retireEvent(env: Env, rec: CalendarEventRow, provider: string): Promise<CalendarEventRow> {
  if (rec.provider === 'local' && rec.external_id !== null) {
    await removeLocalEvent(env, rec.coach_id, rec.external_id);
  } else {
    await enqueueDeletes(env, [deleteJob({ ...rec, meeting_provider: null, meeting_id: null })]);
  }
  await forgetEvent(coachDb(env, rec.coach_id), rec.session_id, provider);
  return { ...rec, provider, connection_id: null, external_id: null, etag: null, content_hash: null };
}

/** The coach stopped hosting on Zoom: the meeting we made is handed to the outbox for deletion. */
async function retireMeeting(env: Env, rec: CalendarEventRow): Promise<CalendarEventRow> {
  if (rec.meeting_id !== null) await enqueueDeletes(env, [deleteJob({ ...rec, provider: 'local', external_id: null })]);
  await forgetMeeting(coachDb(env, rec.coach_id), rec.session_id);
  return { ...rec, meeting_provider: null, meeting_id: null, meeting_url: null, meeting_hash: null };
}

/** The session was erased while this job wrote: remove what it just created (best effort; the erasure already ran). */
async function purgeAfterErasure(env: Env, coachId: string, calendar: CalendarProvider, externalId: string, meeting: SyncedMeeting | null): Promise<void> {
  try {
    if (calendar.name === 'local') await removeLocalEvent(env, coachId, externalId);
    else await calendar.deleteEvent(externalId);
    if (meeting) await purgeMeeting(env, coachId, meeting);
  } catch (error) {
    console.error('calendar sync: could not remove the event of an erased session', errorSummary(error));
  }
}

/** Removes a local event row outright (not just cancelled): nothing of it stays in D1 or the feed. */
const removeLocalEvent = (env: Env, coachId: string, id: string) => run(sql(coachDb(env, coachId))`DELETE FROM local_events WHERE coach_id = ${coachId} AND id = ${id}`);

/** A Teams join link without its chat thread (the short `/meet/<id>` format) asks Graph for it; best effort, never failing the sync. */
async function threadOfShortLink(calendar: CalendarProvider, host: 'meet' | 'teams' | 'zoom', url: string): Promise<string | null> {
  if (host !== 'teams' || !calendar.meetingThread) return null;
  return calendar.meetingThread(url).catch(() => null);
}

/** The id a host uses for the meeting, for `GET /api/sessions/by-meeting`: Zoom's meeting number, Meet's code, Teams' thread id. */
function hostMeetingId(host: 'meet' | 'teams' | 'zoom', url: string, meeting: SyncedMeeting | null): string | null {
  if (host === 'zoom') return meeting?.id ?? null;
  return host === 'meet' ? meetCodeOf(url) : teamsThreadOf(url);
}

/**
 * The provider refused the coach's grant (revoked, expired, consent withdrawn): no retry can fix that, only the coach. The
 * connection is marked for reconnecting (shown in `GET /api/me`, the panel and /app) and the session stays `pending`, not
 * failed: cron asks for it again after RECONNECT_RETRY_MS, and reconnecting asks for every pending session at once.
 */
async function awaitReconnect(db: D1Database, coachId: string, sessionId: string, error: ProviderError): Promise<Error> {
  try {
    await markReconnect(db, coachId, error.provider, Date.now());
    await recordFailure(db, sessionId, 'pending', error.message, Date.now() + RECONNECT_RETRY_MS);
  } catch (recordError) {
    logError('calendar sync: could not record the refused grant', recordError);
  }
  return Object.assign(new Error(error.message, { cause: error }), { permanent: true });
}

/**
 * Records a failed attempt and returns what the consumer should see: retryable failures (rate limits, outages, etag races,
 * D1 hiccups) keep the session `pending` and are retried; the rest (and errors marked `permanent`) mark it `failed` and are acked.
 */
async function failure(db: D1Database, coachId: string, sessionId: string, error: unknown): Promise<Error> {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ProviderError && error.kind === 'auth') return awaitReconnect(db, coachId, sessionId, error);
  const retry = !isPermanent(error) && (!(error instanceof ProviderError) || error.retryable || error.kind === 'precondition');
  const retryAfterMs = (error as { retryAfterMs?: number } | null)?.retryAfterMs ?? 0;
  try {
    await recordFailure(db, sessionId, retry ? 'pending' : 'failed', message, retry ? Date.now() + retryAfterMs : null);
  } catch (recordError) {
    logError('calendar sync: could not record the failure', recordError);
  }
  if (retry) return error instanceof Error ? error : new Error(message);
  return Object.assign(new Error(message, { cause: error }), { permanent: true });
}

JOB_HANDLERS.set(SYNC_KIND, async (env, job) => {
  if (typeof job.sessionId !== 'string') throw Object.assign(new Error(`${SYNC_KIND} job ${job.id} has no sessionId`), { permanent: true });
  await syncSession(env, job.sessionId);
});
