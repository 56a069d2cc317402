/** Zoom REST v2 meeting adapter: scheduled meetings for the coach (`users/me`), agenda kept within Zoom's limit. */
import { z } from 'zod';
import { createVendorHttp, type VendorErrorDetail } from './http';
import { ProviderError, type Meeting, type MeetingPatch, type MeetingProvider, type RemoteDeps } from './types';

export const DRIVER_NAME = 'zoom';

/** Zoom's limits on meeting text (characters). */
export const ZOOM_LIMITS = { topic: 200, agenda: 2000 } as const;

/** Meeting fields we read. @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/meetings/{meetingId} */
const ZoomMeeting = z.object({
  id: z.number().int(),
  join_url: z.string(),
  topic: z.string().optional(),
  agenda: z.string().optional(),
  start_time: z.string().optional(),
  duration: z.number().optional(),
});

/** One page of a user's meetings (the fields we read). @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/users/{userId}/meetings */
const ZoomMeetingPage = z.object({
  next_page_token: z.string().optional(),
  meetings: z.array(z.object({ id: z.number().int(), join_url: z.string(), start_time: z.string().optional(), agenda: z.string().optional() })).default([]),
});

/** Meetings per listed page (Zoom's maximum) and pages read at most when looking for one meeting. */
const LIST_PAGE_SIZE = 300;
const LIST_MAX_PAGES = 10;

/** Characters kept free at the end of an agenda for `withAgendaRef`'s blank line and reference. */
export const AGENDA_REF_ROOM = 32;

/** The agenda with our reference as its last line (`ref` at most AGENDA_REF_ROOM - 2 characters), within Zoom's limit. */
export function withAgendaRef(agenda: string, ref: string): string {
  const text = truncateText(agenda, ZOOM_LIMITS.agenda - AGENDA_REF_ROOM).trimEnd();
  return text ? `${text}\n\n${ref}` : ref;
}

/** @see https://developers.zoom.us/docs/api/errors/ */
const ZoomErrorBody = z.object({ code: z.number().optional(), message: z.string().optional() });

function describeError(_status: number, body: unknown): VendorErrorDetail {
  const parsed = ZoomErrorBody.safeParse(body);
  if (!parsed.success) return { message: 'unexpected error response' };
  const { code, message } = parsed.data;
  return { message: message ?? 'error', ...(code === undefined ? {} : { reason: String(code) }) };
}

/**
 * Shortens text to at most `max` characters (code points), cutting at the last line break or space in the final
 * third when there is one, and marking the cut with an ellipsis.
 */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const floor = Math.floor(head.length * (2 / 3));
  const lineBreak = head.lastIndexOf('\n');
  const space = head.search(/\s\S*$/);
  const cut = lineBreak >= floor ? lineBreak : space >= floor ? space : head.length;
  return `${head.slice(0, cut).trimEnd()}…`;
}

/** Zoom wants `yyyy-MM-ddTHH:mm:ssZ` for GMT start times (no milliseconds). */
function zoomStartTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function meetingBody(patch: MeetingPatch) {
  if (patch.durationMinutes !== undefined && !(Number.isInteger(patch.durationMinutes) && patch.durationMinutes > 0)) {
    throw new ProviderError(DRIVER_NAME, 'invalid', `duration must be a positive whole number of minutes, got ${patch.durationMinutes}`);
  }
  return {
    ...(patch.topic === undefined ? {} : { topic: truncateText(patch.topic, ZOOM_LIMITS.topic) }),
    ...(patch.agenda === undefined ? {} : { agenda: truncateText(patch.agenda, ZOOM_LIMITS.agenda) }),
    ...(patch.startMs === undefined ? {} : { start_time: zoomStartTime(patch.startMs) }),
    ...(patch.durationMinutes === undefined ? {} : { duration: patch.durationMinutes }),
    ...(patch.timeZone === undefined ? {} : { timezone: patch.timeZone }),
  };
}

export interface ZoomOptions {
  /** The meeting id the caller recorded for this key on an earlier attempt, if any (Zoom has no idempotency key). */
  findExisting?(meetingKey: string): Promise<string | null>;
}

/**
 * Zoom meetings over plain fetch: type 2 (scheduled), start in UTC, topic ≤ 200 and agenda ≤ 2000 characters.
 * Zoom documents no idempotency key for creating meetings, so the caller (outbox) stores `meetingId` as soon as
 * `createMeeting` returns and hands it back through `findExisting`; a recorded meeting that still exists is reused.
 * For a create whose response was lost before the caller could record it, the caller finds the meeting with `findMeeting`
 * (by the reference `withAgendaRef` put in its agenda) before creating another.
 * @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/POST/users/{userId}/meetings
 * @see https://developers.zoom.us/docs/api/rate-limits/
 */
export function createZoomMeetings(deps: RemoteDeps, options: ZoomOptions = {}): MeetingProvider {
  const http = createVendorHttp(DRIVER_NAME, deps, { defaultBaseUrl: 'https://api.zoom.us', describeError });
  const meetingPath = (id: string) => `/v2/meetings/${encodeURIComponent(id)}`;

  async function getMeeting(meetingId: string): Promise<Meeting | null> {
    const res = await http.send('GET', meetingPath(meetingId));
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) throw await http.error(res);
    const m = await http.json(res, ZoomMeeting);
    const startMs = m.start_time === undefined ? NaN : Date.parse(m.start_time);
    if (Number.isNaN(startMs)) throw new ProviderError(DRIVER_NAME, 'upstream', `meeting ${m.id} has no readable start_time`);
    return { meetingId: String(m.id), joinUrl: m.join_url, topic: m.topic ?? '', agenda: m.agenda ?? '', startMs, durationMinutes: m.duration ?? 0 };
  }

  return {
    name: DRIVER_NAME,

    async createMeeting(meeting) {
      const recorded = options.findExisting ? await options.findExisting(meeting.meetingKey) : null;
      if (recorded) {
        const existing = await getMeeting(recorded);
        if (existing) return { meetingId: existing.meetingId, joinUrl: existing.joinUrl };
      }
      const body = { type: 2, ...meetingBody(meeting) };
      const res = await http.send('POST', '/v2/users/me/meetings', { body });
      if (!res.ok) throw await http.error(res);
      const created = await http.json(res, ZoomMeeting);
      return { meetingId: String(created.id), joinUrl: created.join_url };
    },

    getMeeting,

    async updateMeeting(meetingId, patch) {
      const res = await http.send('PATCH', meetingPath(meetingId), { body: meetingBody(patch) });
      if (!res.ok) throw await http.error(res);
      await res.body?.cancel();
    },

    /**
     * Pages through `GET /users/me/meetings?type=upcoming` (300 a page, `next_page_token`, at most 10 pages). A listed agenda
     * holding the reference decides at once; a meeting starting at `startMs` whose listed agenda does not show it is read in
     * full, in case the listing shortened its agenda.
     * @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/users/{userId}/meetings
     * @see https://developers.zoom.us/docs/api/pagination/
     */
    async findMeeting({ agendaRef, startMs }) {
      let pageToken = '';
      for (let page = 0; page < LIST_MAX_PAGES; page++) {
        const query = new URLSearchParams({ type: 'upcoming', page_size: String(LIST_PAGE_SIZE), ...(pageToken ? { next_page_token: pageToken } : {}) });
        const res = await http.send('GET', `/v2/users/me/meetings?${query}`);
        if (!res.ok) throw await http.error(res);
        const listed = await http.json(res, ZoomMeetingPage);
        for (const m of listed.meetings) {
          if (m.agenda?.includes(agendaRef)) return { meetingId: String(m.id), joinUrl: m.join_url };
          if (m.start_time === undefined || Date.parse(m.start_time) !== startMs) continue;
          const full = await getMeeting(String(m.id));
          if (full?.agenda.includes(agendaRef)) return { meetingId: full.meetingId, joinUrl: full.joinUrl };
        }
        pageToken = listed.next_page_token ?? '';
        if (!pageToken) return null;
      }
      return null;
    },

    async deleteMeeting(meetingId) {
      const res = await http.send('DELETE', meetingPath(meetingId));
      if (res.ok || res.status === 404) {
        await res.body?.cancel();
        return;
      }
      throw await http.error(res);
    },
  };
}
