/** HTTP fake of the Zoom REST v2 meeting endpoints (create, list, get, update, delete) with Zoom-shaped errors, the daily create cap and Zoom's OAuth token endpoint. */
import { FakeOAuth, FaultQueue, json, logRequest, objectBody, type LoggedRequest } from './fake-support';

/** A meeting as the fake stores it. */
export interface ZoomFakeMeeting {
  id: number;
  topic: string;
  agenda: string;
  startMs: number;
  duration: number;
  timezone: string;
  createdMs: number;
}

const MESSAGES: Record<number, [number, string]> = {
  400: [300, 'Validation Failed.'],
  401: [124, 'Invalid access token.'],
  404: [3001, 'Meeting does not exist.'],
  429: [429, 'You have reached the maximum per-second rate limit for this API. Try again later.'],
};

/** Zoom's error shape. @see https://developers.zoom.us/docs/api/errors/ */
function zoomError(status: number, extra: { code?: number; message?: string; errors?: unknown[] } = {}, headers: Record<string, string> = {}): Response {
  const [code, message] = MESSAGES[status] ?? [status, 'Internal server error.'];
  return json(status, { code: extra.code ?? code, message: extra.message ?? message, ...(extra.errors ? { errors: extra.errors } : {}) }, headers);
}

/** List pages: 30 meetings unless `page_size` asks otherwise, at most 300; a `next_page_token` lives 15 minutes. */
const LIST_DEFAULT_PAGE_SIZE = 30;
const LIST_MAX_PAGE_SIZE = 300;
const PAGE_TOKEN_TTL_MS = 15 * 60_000;
const LIST_TYPES = ['scheduled', 'live', 'upcoming', 'upcoming_meetings', 'previous_meetings'] as const;

/** At most 100 meeting creates per host per day (UTC). */
const DAILY_CREATE_LIMIT = 100;
const DAY_MS = 86_400_000;

/** One Zoom user (`me`) reachable through `fetch`; `account` names it in its tokens and `firstMeetingId` keeps two users' meeting ids apart, as Zoom's are. */
export class ZoomFake {
  readonly auth: FakeOAuth;
  readonly faults = new FaultQueue();
  readonly requests: LoggedRequest[] = [];
  readonly meetings = new Map<number, ZoomFakeMeeting>();
  private nextId = 81_234_567_890;
  private creates: { day: number; count: number } = { day: -1, count: 0 };
  private readonly pageTokens = new Map<string, { type: string; pageSize: number; offset: number; expiresMs: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    options: { account?: string; firstMeetingId?: number } = {},
  ) {
    if (options.firstMeetingId !== undefined) this.nextId = options.firstMeetingId;
    this.auth = new FakeOAuth(options.account ? `zoom-${options.account}` : 'zoom', { now, rotateRefreshToken: true, token: { url: 'https://zoom.us/oauth/token', style: 'zoom' } });
  }

  failNext(status: number, headers?: Record<string, string>, body?: unknown): void {
    this.faults.failNext(status, headers, body);
  }

  readonly fetch = async (req: Request): Promise<Response> => {
    if (this.auth.isTokenRequest(req)) return this.auth.token(req);
    const request = await logRequest(req, this.requests);
    const fault = this.faults.take();
    if (fault) return fault.body === undefined ? zoomError(fault.status, {}, fault.headers) : json(fault.status, fault.body, fault.headers);
    if (!this.auth.authorized(req)) return zoomError(401);
    if (request.method === 'POST' && request.path === '/v2/users/me/meetings') return this.create(request);
    if (request.method === 'GET' && request.path === '/v2/users/me/meetings') return this.list(request);
    const match = /^\/v2\/meetings\/(\d+)$/.exec(request.path);
    const meeting = match ? this.meetings.get(Number(match[1])) : undefined;
    if (!match) return zoomError(404, { code: 404, message: 'Not found.' });
    if (!meeting) return zoomError(404, { message: `Meeting does not exist: ${match[1]}.` });
    if (request.method === 'GET') return json(200, render(meeting));
    if (request.method === 'DELETE') {
      this.meetings.delete(meeting.id);
      return new Response(null, { status: 204 });
    }
    if (request.method === 'PATCH') {
      const fields = readFields(objectBody(request.body) ?? {}, false);
      if ('error' in fields) return fields.error;
      Object.assign(meeting, fields);
      return new Response(null, { status: 204 });
    }
    return zoomError(405, { code: 405, message: 'Method not allowed.' });
  };

  /**
   * `GET /users/me/meetings`: the host's scheduled meetings by start time, `type` `scheduled` (default: all, as the fake never
   * expires a meeting), `upcoming`/`upcoming_meetings` (not yet ended), `previous_meetings` (ended) or `live` (none: the fake
   * runs no meetings). Paged by `page_size` (default 30, at most 300) and an opaque `next_page_token` (empty on the last page)
   * that must come back with the same `type` and `page_size` within 15 minutes.
   * @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/users/{userId}/meetings
   * @see https://developers.zoom.us/docs/api/pagination/
   */
  private list(request: LoggedRequest): Response {
    const type = request.query.get('type') ?? 'scheduled';
    if (!(LIST_TYPES as readonly string[]).includes(type)) return zoomError(400, { errors: [{ field: 'type', message: 'Invalid field.' }] });
    const sizeParam = request.query.get('page_size');
    const pageSize = sizeParam === null ? LIST_DEFAULT_PAGE_SIZE : Number(sizeParam);
    if (!Number.isInteger(pageSize) || pageSize < 1) return zoomError(400, { errors: [{ field: 'page_size', message: 'Invalid field.' }] });
    const size = Math.min(pageSize, LIST_MAX_PAGE_SIZE);
    const token = request.query.get('next_page_token') ?? '';
    let offset = 0;
    if (token) {
      const page = this.pageTokens.get(token);
      if (!page || page.expiresMs <= this.now() || page.type !== type || page.pageSize !== size) return zoomError(400, { code: 300, message: 'The next page token is invalid or expired.' });
      this.pageTokens.delete(token);
      offset = page.offset;
    }
    const ended = (m: ZoomFakeMeeting) => m.startMs + m.duration * 60_000 <= this.now();
    const all = [...this.meetings.values()]
      .filter((m) => (type === 'live' ? false : type === 'previous_meetings' ? ended(m) : type === 'scheduled' ? true : !ended(m)))
      .sort((a, b) => a.startMs - b.startMs || a.id - b.id);
    let next = '';
    if (offset + size < all.length) {
      next = crypto.randomUUID().replaceAll('-', '');
      this.pageTokens.set(next, { type, pageSize: size, offset: offset + size, expiresMs: this.now() + PAGE_TOKEN_TTL_MS });
    }
    return json(200, {
      next_page_token: next,
      page_count: Math.ceil(all.length / size),
      page_number: Math.floor(offset / size) + 1,
      page_size: size,
      total_records: all.length,
      meetings: all.slice(offset, offset + size).map(listed),
    });
  }

  private create(request: LoggedRequest): Response {
    const day = Math.floor(this.now() / DAY_MS);
    if (this.creates.day !== day) this.creates = { day, count: 0 };
    if (this.creates.count >= DAILY_CREATE_LIMIT) {
      const retryAfter = String(Math.ceil(((day + 1) * DAY_MS - this.now()) / 1000));
      return zoomError(429, { message: 'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.' }, { 'retry-after': retryAfter });
    }
    const body = objectBody(request.body) ?? {};
    if (body.type !== 2) return zoomError(400, { errors: [{ field: 'type', message: 'This fake supports scheduled meetings (type 2) only.' }] });
    const fields = readFields(body, true);
    if ('error' in fields) return fields.error;
    this.creates.count += 1;
    const meeting: ZoomFakeMeeting = { id: this.nextId++, topic: '', agenda: '', startMs: 0, duration: 60, timezone: 'UTC', ...fields, createdMs: this.now() };
    this.meetings.set(meeting.id, meeting);
    return json(201, render(meeting));
  }
}

type Fields = Partial<Omit<ZoomFakeMeeting, 'id'>>;

function invalid(field: string): { error: Response } {
  return { error: zoomError(400, { errors: [{ field, message: 'Invalid field.' }] }) };
}

function readFields(body: Record<string, unknown>, requireStart: boolean): Fields | { error: Response } {
  const fields: Fields = {};
  if (body.topic !== undefined) {
    if (typeof body.topic !== 'string' || Array.from(body.topic).length > 200) return invalid('topic');
    fields.topic = body.topic;
  }
  if (body.agenda !== undefined) {
    if (typeof body.agenda !== 'string' || Array.from(body.agenda).length > 2000) return invalid('agenda');
    fields.agenda = body.agenda;
  }
  if (body.start_time !== undefined || requireStart) {
    if (typeof body.start_time !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(body.start_time)) return invalid('start_time');
    fields.startMs = Date.parse(body.start_time);
  }
  if (body.duration !== undefined) {
    if (!Number.isInteger(body.duration) || (body.duration as number) <= 0) return invalid('duration');
    fields.duration = body.duration as number;
  }
  if (body.timezone !== undefined) {
    if (typeof body.timezone !== 'string') return invalid('timezone');
    fields.timezone = body.timezone;
  }
  return fields;
}

const zoomTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A meeting as the list shows it: fewer fields than a single read (no start URL, password or settings). */
function listed(meeting: ZoomFakeMeeting): Record<string, unknown> {
  return {
    uuid: `fake-${meeting.id}==`,
    id: meeting.id,
    host_id: 'fakeHostId',
    topic: meeting.topic,
    type: 2,
    start_time: zoomTime(meeting.startMs),
    duration: meeting.duration,
    timezone: meeting.timezone,
    agenda: meeting.agenda,
    created_at: zoomTime(meeting.createdMs),
    join_url: `https://zoom.us/j/${meeting.id}?pwd=fake`,
  };
}

/** A meeting as a single read (and a create) shows it: the listed fields and its status, start URL, password and settings. */
function render(meeting: ZoomFakeMeeting): Record<string, unknown> {
  return {
    ...listed(meeting),
    status: 'waiting',
    start_url: `https://zoom.us/s/${meeting.id}?zak=fake`,
    password: 'fake123',
    settings: { join_before_host: false, waiting_room: true },
  };
}
