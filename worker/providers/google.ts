/** Google Calendar API v3 adapter: fetch + zod, our own event ids for idempotent inserts, Meet links, etag-guarded patches. */
import type { calendar_v3 } from '@googleapis/calendar';
import { z } from 'zod';
import { chunkRange, DAY_MS, isEmptyRange, normalizeBusy } from './busy';
import { createVendorHttp, type VendorErrorDetail } from './http';
import {
  ProviderError,
  type BusyInterval,
  type CalendarEvent,
  type CalendarProvider,
  type CreatedEvent,
  type EventTime,
  type RemoteDeps,
} from './types';

export const DRIVER_NAME = 'google';

/** Google rejects free/busy windows longer than about 90 days ("The requested time range is too long"; seen by cal.com). */
const FREEBUSY_MAX_MS = 90 * DAY_MS;
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);

/** Compile-time check that what zod gives us is a valid slice of the official googleapis type. */
type Conforms<T extends U, U> = T;

/** Event fields we read. @see https://developers.google.com/workspace/calendar/api/v3/reference/events#resource */
const GoogleEvent = z.object({
  id: z.string(),
  etag: z.string().optional(),
  status: z.string().optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  start: z.object({ dateTime: z.string().optional(), date: z.string().optional() }),
  end: z.object({ dateTime: z.string().optional(), date: z.string().optional() }),
  hangoutLink: z.string().optional(),
  conferenceData: z
    .object({ entryPoints: z.array(z.object({ entryPointType: z.string().optional(), uri: z.string().optional() })).optional() })
    .optional(),
});
type GoogleEvent = Conforms<z.infer<typeof GoogleEvent>, calendar_v3.Schema$Event>;

/** @see https://developers.google.com/workspace/calendar/api/v3/reference/freebusy/query#response */
const FreeBusyResponse = z.object({
  calendars: z.record(
    z.string(),
    z.object({
      busy: z.array(z.object({ start: z.string(), end: z.string() })).optional(),
      errors: z.array(z.object({ domain: z.string().optional(), reason: z.string().optional() })).optional(),
    }),
  ),
});
type FreeBusyResponse = Conforms<z.infer<typeof FreeBusyResponse>, calendar_v3.Schema$FreeBusyResponse>;

/** @see https://developers.google.com/workspace/calendar/api/guides/errors */
const GoogleErrorBody = z.object({
  error: z.object({
    message: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional() })).optional(),
  }),
});

function describeError(_status: number, body: unknown): VendorErrorDetail {
  const parsed = GoogleErrorBody.safeParse(body);
  if (!parsed.success) return { message: 'unexpected error response' };
  const reason = parsed.data.error.errors?.[0]?.reason;
  return {
    message: parsed.data.error.message ?? 'error',
    ...(reason === undefined ? {} : { reason }),
    ...(reason !== undefined && RATE_LIMIT_REASONS.has(reason) ? { kind: 'rate_limit' as const } : {}),
  };
}

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/**
 * The Google event id for our event key: the key's UTF-8 bytes in lowercase base32hex (RFC 4648 §7, no padding),
 * so it is stable, collision-free and within Google's alphabet `[a-v0-9]`, length 5–1024.
 * @see https://developers.google.com/workspace/calendar/api/v3/reference/events/insert (Event.id)
 */
export function googleEventId(eventKey: string): string {
  const bytes = new TextEncoder().encode(eventKey);
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32HEX[(buffer << (5 - bits)) & 31];
  if (out.length < 5 || out.length > 1024) throw new ProviderError(DRIVER_NAME, 'invalid', `event key of ${bytes.length} bytes gives no valid event id`);
  return out;
}

function toMs(time: { dateTime?: string; date?: string }): number {
  const ms = time.dateTime !== undefined ? Date.parse(time.dateTime) : time.date !== undefined ? Date.parse(`${time.date}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms)) throw new ProviderError(DRIVER_NAME, 'upstream', 'event without a readable start or end');
  return ms;
}

function toEventDateTimes(time: EventTime): Pick<calendar_v3.Schema$Event, 'start' | 'end'> {
  return {
    start: { dateTime: new Date(time.startMs).toISOString(), timeZone: time.timeZone },
    end: { dateTime: new Date(time.endMs).toISOString(), timeZone: time.timeZone },
  };
}

function meetingUrlOf(event: GoogleEvent): string | undefined {
  return event.hangoutLink ?? event.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri;
}

function toCalendarEvent(event: GoogleEvent): CalendarEvent {
  const meetingUrl = meetingUrlOf(event);
  return {
    externalId: event.id,
    ...(event.etag === undefined ? {} : { etag: event.etag }),
    title: event.summary ?? '',
    description: event.description ?? '',
    startMs: toMs(event.start),
    endMs: toMs(event.end),
    ...(meetingUrl === undefined ? {} : { meetingUrl }),
  };
}

function toCreated(event: GoogleEvent): CreatedEvent {
  const meetingUrl = meetingUrlOf(event);
  return {
    externalId: event.id,
    ...(event.etag === undefined ? {} : { etag: event.etag }),
    ...(meetingUrl === undefined ? {} : { meetingUrl }),
  };
}

export interface GoogleCalendarOptions {
  /** The calendar to write to and read free/busy from (default `primary`). */
  calendarId?: string;
}

/**
 * Google Calendar over plain fetch. Inserts carry our own id (409 duplicate = already done: read it back);
 * `conference: true` asks for a Meet link (`conferenceDataVersion=1`, built asynchronously by Google);
 * writes the coachee should see go out with `sendUpdates=all`; `etag` becomes `If-Match` (412 = `precondition`).
 * @see https://developers.google.com/workspace/calendar/api/v3/reference/events
 * @see https://developers.google.com/workspace/calendar/api/guides/version-resources
 */
export function createGoogleCalendar(deps: RemoteDeps, options: GoogleCalendarOptions = {}): CalendarProvider {
  const http = createVendorHttp(DRIVER_NAME, deps, { defaultBaseUrl: 'https://www.googleapis.com', describeError });
  const calendarId = options.calendarId ?? 'primary';
  const eventsPath = `/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events`;
  const eventPath = (id: string) => `${eventsPath}/${encodeURIComponent(id)}`;
  const sendUpdates = (notify: boolean | undefined) => `sendUpdates=${notify === false ? 'none' : 'all'}`;

  /** The raw event, cancelled ones included; null when Google has no such event. */
  async function readEvent(id: string): Promise<GoogleEvent | null> {
    const res = await http.send('GET', eventPath(id));
    if (res.status === 404 || res.status === 410) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) throw await http.error(res);
    return http.json(res, GoogleEvent);
  }

  return {
    name: DRIVER_NAME,
    flags: { conference: 'meet', etags: true, descriptionFormat: 'html', notifiesAttendees: true },

    async freeBusy(range) {
      if (isEmptyRange(range)) return [];
      const busy: BusyInterval[] = [];
      for (const chunk of chunkRange(range, FREEBUSY_MAX_MS)) {
        const body: calendar_v3.Schema$FreeBusyRequest = {
          timeMin: new Date(chunk.fromMs).toISOString(),
          timeMax: new Date(chunk.toMs).toISOString(),
          items: [{ id: calendarId }],
        };
        const res = await http.send('POST', '/calendar/v3/freeBusy', { body });
        if (!res.ok) throw await http.error(res);
        const calendar = (await http.json(res, FreeBusyResponse)).calendars[calendarId];
        if (!calendar) throw new ProviderError(DRIVER_NAME, 'upstream', `free/busy response lacks calendar ${calendarId}`);
        const reason = calendar.errors?.[0]?.reason;
        if (reason !== undefined) {
          throw new ProviderError(DRIVER_NAME, reason === 'notFound' ? 'not_found' : 'upstream', `free/busy failed: ${reason}`, { reason });
        }
        for (const b of calendar.busy ?? []) busy.push({ startMs: toMs({ dateTime: b.start }), endMs: toMs({ dateTime: b.end }) });
      }
      return normalizeBusy(busy, range);
    },

    async createEvent(event) {
      const id = googleEventId(event.eventKey);
      const body: calendar_v3.Schema$Event = {
        id,
        summary: event.title,
        description: event.description,
        ...toEventDateTimes(event),
        attendees: event.attendees.map((a) => ({ email: a.email, ...(a.name === undefined ? {} : { displayName: a.name }) })),
        ...(event.location === undefined ? {} : { location: event.location }),
        ...(event.conference
          ? { conferenceData: { createRequest: { requestId: event.eventKey, conferenceSolutionKey: { type: 'hangoutsMeet' } } } }
          : {}),
      };
      const res = await http.send('POST', `${eventsPath}?conferenceDataVersion=1&${sendUpdates(true)}`, { body });
      if (res.ok) return toCreated(await http.json(res, GoogleEvent));
      const error = await http.error(res);
      if (error.status !== 409) throw error;
      const existing = await readEvent(id);
      if (!existing || existing.status === 'cancelled') {
        throw new ProviderError(DRIVER_NAME, 'conflict', `event id ${id} belongs to a deleted event`, { status: 409, reason: 'duplicate' });
      }
      return toCreated(existing);
    },

    async getEvent(externalId) {
      const event = await readEvent(externalId);
      return event && event.status !== 'cancelled' ? toCalendarEvent(event) : null;
    },

    async updateEvent(externalId, patch, options = {}) {
      const body: calendar_v3.Schema$Event = {
        ...(patch.title === undefined ? {} : { summary: patch.title }),
        ...(patch.description === undefined ? {} : { description: patch.description }),
        ...(patch.location === undefined ? {} : { location: patch.location }),
        ...(patch.time === undefined ? {} : toEventDateTimes(patch.time)),
      };
      const res = await http.send('PATCH', `${eventPath(externalId)}?${sendUpdates(options.notify)}`, {
        body,
        headers: options.etag === undefined ? {} : { 'if-match': options.etag },
      });
      if (!res.ok) throw await http.error(res);
      const event = await http.json(res, GoogleEvent);
      return event.etag === undefined ? {} : { etag: event.etag };
    },

    async deleteEvent(externalId, options = {}) {
      const res = await http.send('DELETE', `${eventPath(externalId)}?${sendUpdates(options.notify)}`);
      if (res.ok || res.status === 404 || res.status === 410) {
        await res.body?.cancel();
        return;
      }
      throw await http.error(res);
    },
  };
}
