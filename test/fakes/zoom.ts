/** HTTP fake of the Zoom REST v2 meeting endpoints (create, get, update, delete) with Zoom-shaped errors, the daily create cap and Zoom's OAuth token endpoint. */
import { FakeOAuth, FaultQueue, json, logRequest, objectBody, type LoggedRequest } from './fake-support';

/** A meeting as the fake stores it. */
export interface ZoomFakeMeeting {
  id: number;
  topic: string;
  agenda: string;
  startMs: number;
  duration: number;
  timezone: string;
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
    const meeting: ZoomFakeMeeting = { id: this.nextId++, topic: '', agenda: '', startMs: 0, duration: 60, timezone: 'UTC', ...fields };
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

function render(meeting: ZoomFakeMeeting): Record<string, unknown> {
  return {
    uuid: `fake-${meeting.id}==`,
    id: meeting.id,
    host_id: 'fakeHostId',
    topic: meeting.topic,
    type: 2,
    status: 'waiting',
    start_time: new Date(meeting.startMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    duration: meeting.duration,
    timezone: meeting.timezone,
    agenda: meeting.agenda,
    start_url: `https://zoom.us/s/${meeting.id}?zak=fake`,
    join_url: `https://zoom.us/j/${meeting.id}?pwd=fake`,
    password: 'fake123',
    settings: { join_before_host: false, waiting_room: true },
  };
}
