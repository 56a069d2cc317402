/** Microsoft Graph v1.0 calendar adapter: getSchedule free/busy, transactionId-deduplicated inserts, Teams links, etag-guarded patches. */
import { z } from 'zod';
import { chunkRange, DAY_MS, isEmptyRange, normalizeBusy } from './busy';
import { createVendorHttp, type VendorErrorDetail } from './http';
import { ProviderError, type BusyInterval, type CalendarEvent, type CalendarProvider, type EventTime, type RemoteDeps } from './types';

export const DRIVER_NAME = 'microsoft';

/** getSchedule windows must be shorter than 62 days (older docs: 42); stay well inside. */
const SCHEDULE_MAX_MS = 60 * DAY_MS;
/** scheduleItem statuses that block a slot; `free`, `workingElsewhere` and `unknown` do not. */
const BUSY_STATUSES = new Set(['busy', 'oof', 'tentative']);

/** @see https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone */
const GraphDateTime = z.object({ dateTime: z.string(), timeZone: z.string() });

/** Event fields we read. @see https://learn.microsoft.com/en-us/graph/api/resources/event */
const GraphEvent = z.object({
  id: z.string(),
  '@odata.etag': z.string().optional(),
  subject: z.string().nullish(),
  body: z.object({ contentType: z.string(), content: z.string() }).nullish(),
  start: GraphDateTime,
  end: GraphDateTime,
  isCancelled: z.boolean().nullish(),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
});
type GraphEvent = z.infer<typeof GraphEvent>;

/** @see https://learn.microsoft.com/en-us/graph/api/calendar-getschedule */
const ScheduleResponse = z.object({
  value: z.array(
    z.object({
      scheduleId: z.string(),
      scheduleItems: z.array(z.object({ status: z.string(), start: GraphDateTime, end: GraphDateTime })).nullish(),
      error: z.object({ message: z.string().nullish(), responseCode: z.string().nullish() }).nullish(),
    }),
  ),
});

/** @see https://learn.microsoft.com/en-us/graph/api/user-get */
const OnlineMeetings = z.object({ value: z.array(z.object({ chatInfo: z.object({ threadId: z.string() }).nullish() })) });
const Me = z.object({ mail: z.string().nullish(), userPrincipalName: z.string() });

/** @see https://learn.microsoft.com/en-us/graph/errors */
const GraphErrorBody = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }) });

function describeError(_status: number, body: unknown): VendorErrorDetail {
  const parsed = GraphErrorBody.safeParse(body);
  if (!parsed.success) return { message: 'unexpected error response' };
  const { code, message } = parsed.data.error;
  return { message: message || code || 'error', ...(code === undefined ? {} : { reason: code }) };
}

/** We always write and read UTC wall times (`Prefer: outlook.timezone="UTC"`); Graph wants no offset in `dateTime`. */
function toGraphDateTime(ms: number): z.infer<typeof GraphDateTime> {
  return { dateTime: new Date(ms).toISOString().slice(0, -1), timeZone: 'UTC' };
}

function fromGraphDateTime(value: z.infer<typeof GraphDateTime>): number {
  const hasOffset = /(?:Z|[+-]\d\d:\d\d)$/i.test(value.dateTime);
  if (!hasOffset && value.timeZone !== 'UTC') {
    throw new ProviderError(DRIVER_NAME, 'upstream', `expected UTC times, got ${value.timeZone}`);
  }
  const ms = Date.parse(hasOffset ? value.dateTime : `${value.dateTime.replace(/(\.\d{3})\d+$/, '$1')}Z`);
  if (Number.isNaN(ms)) throw new ProviderError(DRIVER_NAME, 'upstream', `unreadable date-time ${value.dateTime}`);
  return ms;
}

/** Graph returns HTML bodies wrapped in `<html><head>…</head><body>…</body></html>`; the description is what is inside. */
function bodyInner(html: string): string {
  const match = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return (match?.[1] ?? html).trim();
}

function toCalendarEvent(event: GraphEvent): CalendarEvent {
  const etag = event['@odata.etag'];
  const meetingUrl = event.onlineMeeting?.joinUrl ?? undefined;
  return {
    externalId: event.id,
    ...(etag === undefined ? {} : { etag }),
    title: event.subject ?? '',
    description: event.body ? bodyInner(event.body.content) : '',
    startMs: fromGraphDateTime(event.start),
    endMs: fromGraphDateTime(event.end),
    ...(meetingUrl === undefined ? {} : { meetingUrl }),
  };
}

function timesBody(time: EventTime) {
  return { start: toGraphDateTime(time.startMs), end: toGraphDateTime(time.endMs) };
}

export interface MicrosoftCalendarOptions {
  /** The coach's SMTP address for getSchedule; read once from `/me` when absent. */
  mailbox?: string;
}

/**
 * Microsoft Graph calendar over plain fetch, in UTC. Inserts carry `transactionId` = our event key, which Graph uses
 * to drop repeated POSTs; `conference: true` makes a Teams meeting (`isOnlineMeeting`, `teamsForBusiness`).
 * PATCH sends only the fields given and never the online-meeting fields, so the Teams meeting stays; Graph writes
 * the Teams join block into the body, which the caller keeps like any coach text when it merges its block.
 * Graph notifies attendees itself (`notify` is ignored). 429/503 carry `Retry-After` in `retryAfterMs`.
 * @see https://learn.microsoft.com/en-us/graph/outlook-calendar-online-meetings
 * @see https://learn.microsoft.com/en-us/graph/outlook-get-free-busy-schedule
 * @see https://learn.microsoft.com/en-us/graph/throttling
 */
export function createMicrosoftCalendar(deps: RemoteDeps, options: MicrosoftCalendarOptions = {}): CalendarProvider {
  const http = createVendorHttp(DRIVER_NAME, deps, {
    defaultBaseUrl: 'https://graph.microsoft.com',
    headers: { prefer: 'outlook.timezone="UTC", outlook.body-content-type="html"' },
    describeError,
  });
  const eventPath = (id: string) => `/v1.0/me/events/${encodeURIComponent(id)}`;
  let mailbox = options.mailbox;

  async function ownMailbox(): Promise<string> {
    if (mailbox !== undefined) return mailbox;
    const res = await http.send('GET', '/v1.0/me?$select=mail,userPrincipalName');
    if (!res.ok) throw await http.error(res);
    const me = await http.json(res, Me);
    mailbox = me.mail ?? me.userPrincipalName;
    return mailbox;
  }

  return {
    name: DRIVER_NAME,
    flags: { conference: 'teams', etags: true, descriptionFormat: 'html', notifiesAttendees: true },

    async freeBusy(range) {
      if (isEmptyRange(range)) return [];
      const schedule = await ownMailbox();
      const busy: BusyInterval[] = [];
      for (const chunk of chunkRange(range, SCHEDULE_MAX_MS)) {
        const res = await http.send('POST', '/v1.0/me/calendar/getSchedule', {
          body: { schedules: [schedule], startTime: toGraphDateTime(chunk.fromMs), endTime: toGraphDateTime(chunk.toMs), availabilityViewInterval: 30 },
        });
        if (!res.ok) throw await http.error(res);
        const entry = (await http.json(res, ScheduleResponse)).value.find((v) => v.scheduleId.toLowerCase() === schedule.toLowerCase());
        if (!entry) throw new ProviderError(DRIVER_NAME, 'upstream', 'getSchedule response lacks the mailbox');
        if (entry.error) {
          const reason = entry.error.responseCode ?? 'error';
          throw new ProviderError(DRIVER_NAME, 'upstream', `getSchedule failed: ${entry.error.message ?? reason}`, { reason });
        }
        for (const item of entry.scheduleItems ?? []) {
          if (BUSY_STATUSES.has(item.status)) busy.push({ startMs: fromGraphDateTime(item.start), endMs: fromGraphDateTime(item.end) });
        }
      }
      return normalizeBusy(busy, range);
    },

    async createEvent(event) {
      const body = {
        subject: event.title,
        body: { contentType: 'HTML', content: event.description },
        ...timesBody(event),
        attendees: event.attendees.map((a) => ({ emailAddress: { address: a.email, ...(a.name === undefined ? {} : { name: a.name }) }, type: 'required' })),
        ...(event.location === undefined ? {} : { location: { displayName: event.location } }),
        ...(event.conference ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
        transactionId: event.eventKey,
      };
      const res = await http.send('POST', '/v1.0/me/events', { body });
      if (!res.ok) throw await http.error(res);
      const { externalId, etag, meetingUrl } = toCalendarEvent(await http.json(res, GraphEvent));
      return { externalId, ...(etag === undefined ? {} : { etag }), ...(meetingUrl === undefined ? {} : { meetingUrl }) };
    },

    /**
     * `GET /me/onlineMeetings?$filter=JoinWebUrl eq '…'` (delegated `OnlineMeetings.Read`, asked for only when the coach meets
     * in Teams): the meeting's `chatInfo.threadId`, which the Teams panel knows. Any refusal (no consent: 403) answers null.
     * @see https://learn.microsoft.com/en-us/graph/api/onlinemeeting-get
     */
    async meetingThread(joinUrl) {
      const filter = `JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'`;
      const res = await http.send('GET', `/v1.0/me/onlineMeetings?$filter=${encodeURIComponent(filter)}`);
      if (!res.ok) {
        await res.body?.cancel();
        return null;
      }
      const thread = (await http.json(res, OnlineMeetings)).value[0]?.chatInfo?.threadId;
      return thread?.startsWith('19:') ? thread : null;
    },

    async getEvent(externalId) {
      const res = await http.send('GET', eventPath(externalId));
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok) throw await http.error(res);
      const event = await http.json(res, GraphEvent);
      return event.isCancelled ? null : toCalendarEvent(event);
    },

    async updateEvent(externalId, patch, options = {}) {
      const body = {
        ...(patch.title === undefined ? {} : { subject: patch.title }),
        ...(patch.description === undefined ? {} : { body: { contentType: 'HTML', content: patch.description } }),
        ...(patch.location === undefined ? {} : { location: { displayName: patch.location } }),
        ...(patch.time === undefined ? {} : timesBody(patch.time)),
      };
      const res = await http.send('PATCH', eventPath(externalId), {
        body,
        headers: options.etag === undefined ? {} : { 'if-match': options.etag },
      });
      if (!res.ok) throw await http.error(res);
      const etag = (await http.json(res, GraphEvent))['@odata.etag'];
      return etag === undefined ? {} : { etag };
    },

    async deleteEvent(externalId) {
      const res = await http.send('DELETE', eventPath(externalId));
      if (res.ok || res.status === 404) {
        await res.body?.cancel();
        return;
      }
      throw await http.error(res);
    },
  };
}
