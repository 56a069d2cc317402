/** HTTP fake of one Google account's Calendar API v3: events insert/get/patch/delete per calendar and freeBusy.query, with Google-shaped errors, and Google's OAuth token endpoint. */
import { FakeOAuth, FaultQueue, json, logRequest, objectBody, type LoggedRequest } from './fake-support';

/** An event as the fake stores it. */
export interface GoogleFakeEvent {
  id: string;
  etag: string;
  status: 'confirmed' | 'cancelled';
  summary: string;
  description?: string;
  location?: string;
  startMs: number;
  endMs: number;
  timeZone?: string;
  attendees: unknown[];
  sequence: number;
  conference?: { requestId: string; state: 'pending' | 'success'; uri: string };
}

const REASONS: Record<number, [string, string]> = {
  400: ['badRequest', 'Bad Request'],
  401: ['authError', 'Request had invalid authentication credentials.'],
  403: ['rateLimitExceeded', 'Rate Limit Exceeded'],
  404: ['notFound', 'Not Found'],
  409: ['duplicate', 'The requested identifier already exists.'],
  410: ['deleted', 'Resource has been deleted'],
  412: ['conditionNotMet', 'Precondition Failed'],
  429: ['rateLimitExceeded', 'Rate Limit Exceeded'],
};

/** Google's error shape. @see https://developers.google.com/workspace/calendar/api/guides/errors */
function googleError(status: number, reason?: string, message?: string, headers: Record<string, string> = {}): Response {
  const [defaultReason, defaultMessage] = REASONS[status] ?? ['backendError', 'Backend Error'];
  const text = message ?? defaultMessage;
  return json(status, { error: { code: status, message: text, errors: [{ domain: 'global', reason: reason ?? defaultReason, message: text }] } }, headers);
}

const MAX_FREEBUSY_MS = 90 * 86_400_000;

/**
 * One Google account with its `primary` calendar (and any added with `addCalendar`), reachable through `fetch`. Event ids are
 * unique per calendar, as in Google: the same id can live in two calendars. `account` names the account in its tokens, so
 * two fakes (two Google accounts) never issue the same token.
 */
export class GoogleCalendarFake {
  readonly auth: FakeOAuth;
  readonly faults = new FaultQueue();
  readonly requests: LoggedRequest[] = [];
  /** The events of the `primary` calendar. */
  readonly events = new Map<string, GoogleFakeEvent>();
  /** Every calendar of the account by id, `primary` included. */
  readonly calendars = new Map<string, Map<string, GoogleFakeEvent>>([['primary', this.events]]);
  private etagCounter = 3_181_161_784_712_000;
  private idCounter = 0;

  constructor(
    private readonly now: () => number = Date.now,
    options: { account?: string } = {},
  ) {
    this.auth = new FakeOAuth(options.account ? `google-${options.account}` : 'google', { now, token: { url: 'https://oauth2.googleapis.com/token', style: 'google' } });
  }

  /** Adds a calendar the account can write to (e.g. a shared `werk@example.nl`); answers its events. */
  addCalendar(calendarId: string): Map<string, GoogleFakeEvent> {
    const events = new Map<string, GoogleFakeEvent>();
    this.calendars.set(calendarId, events);
    return events;
  }

  /** Answers the next request with this status (Google-shaped body unless given). */
  failNext(status: number, headers?: Record<string, string>, body?: unknown): void {
    this.faults.failNext(status, headers, body);
  }

  /** Someone edits the event in Google Calendar itself (the coach, say): its etag changes. */
  editEvent(id: string, changes: { description?: string; summary?: string }): void {
    const event = this.events.get(id);
    if (!event) throw new Error(`no event ${id}`);
    Object.assign(event, changes, { etag: this.nextEtag() });
  }

  /** Events of a calendar (default `primary`) that are not cancelled. */
  liveEvents(calendarId = 'primary'): GoogleFakeEvent[] {
    return [...(this.calendars.get(calendarId)?.values() ?? [])].filter((e) => e.status === 'confirmed');
  }

  readonly fetch = async (req: Request): Promise<Response> => {
    if (this.auth.isTokenRequest(req)) return this.auth.token(req);
    const request = await logRequest(req, this.requests);
    const fault = this.faults.take();
    if (fault) return fault.body === undefined ? googleError(fault.status, undefined, undefined, fault.headers) : json(fault.status, fault.body, fault.headers);
    if (!this.auth.authorized(req)) return googleError(401);
    if (request.method === 'POST' && request.path === '/calendar/v3/freeBusy') return this.freeBusy(request);
    const match = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(request.path);
    const events = match ? this.calendars.get(decodeURIComponent(match[1] ?? '')) : undefined;
    if (!match || !events) return googleError(404);
    const id = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    if (id === undefined) return request.method === 'POST' ? this.insert(events, request) : googleError(405, 'methodNotAllowed', 'Method Not Allowed');
    const event = events.get(id);
    if (!event) return googleError(404);
    if (request.method === 'GET') return json(200, this.render(this.settleConference(event)));
    if (event.status === 'cancelled') return googleError(410);
    const ifMatch = request.headers.get('if-match');
    if (ifMatch !== null && ifMatch !== event.etag) return googleError(412);
    if (request.method === 'PATCH') return this.patch(event, request);
    if (request.method === 'DELETE') {
      Object.assign(event, { status: 'cancelled', etag: this.nextEtag(), sequence: event.sequence + 1 });
      return new Response(null, { status: 204 });
    }
    return googleError(405, 'methodNotAllowed', 'Method Not Allowed');
  };

  private insert(events: Map<string, GoogleFakeEvent>, request: LoggedRequest): Response {
    const body = objectBody(request.body);
    const times = body && this.readTimes(body);
    if (!body || !times) return googleError(400, 'required', 'Missing start or end time.');
    if (times.endMs <= times.startMs) return googleError(400, 'timeRangeEmpty', 'The specified time range is empty.');
    const id = typeof body.id === 'string' ? body.id : `fake${++this.idCounter}`;
    if (!/^[a-v0-9]{5,1024}$/.test(id)) return googleError(400, 'invalid', 'Invalid resource id value.');
    if (events.has(id)) return googleError(409);
    const createRequest = objectBody(objectBody(body.conferenceData)?.createRequest);
    const wantsMeet = request.query.get('conferenceDataVersion') === '1' && typeof createRequest?.requestId === 'string';
    const event: GoogleFakeEvent = {
      id,
      etag: this.nextEtag(),
      status: 'confirmed',
      summary: typeof body.summary === 'string' ? body.summary : '',
      ...(typeof body.description === 'string' ? { description: body.description } : {}),
      ...(typeof body.location === 'string' ? { location: body.location } : {}),
      ...times,
      attendees: Array.isArray(body.attendees) ? body.attendees : [],
      sequence: 0,
      ...(wantsMeet ? { conference: { requestId: String(createRequest?.requestId), state: 'pending' as const, uri: `https://meet.google.com/${meetCode(this.idCounter++)}` } } : {}),
    };
    events.set(id, event);
    return json(200, this.render(event));
  }

  private patch(event: GoogleFakeEvent, request: LoggedRequest): Response {
    const body = objectBody(request.body) ?? {};
    const times = body.start !== undefined || body.end !== undefined ? this.readTimes({ start: body.start ?? {}, end: body.end ?? {} }) : null;
    if (times && times.endMs <= times.startMs) return googleError(400, 'timeRangeEmpty', 'The specified time range is empty.');
    if (typeof body.summary === 'string') event.summary = body.summary;
    if (typeof body.description === 'string') event.description = body.description;
    if (typeof body.location === 'string') event.location = body.location;
    if (times) Object.assign(event, times, { sequence: event.sequence + 1 });
    event.etag = this.nextEtag();
    return json(200, this.render(event));
  }

  private freeBusy(request: LoggedRequest): Response {
    const body = objectBody(request.body);
    const timeMin = Date.parse(String(body?.timeMin));
    const timeMax = Date.parse(String(body?.timeMax));
    if (Number.isNaN(timeMin) || Number.isNaN(timeMax)) return googleError(400, 'required', 'Missing timeMin or timeMax.');
    if (timeMax <= timeMin) return googleError(400, 'timeRangeEmpty', 'The specified time range is empty.');
    if (timeMax - timeMin > MAX_FREEBUSY_MS) return googleError(400, 'timeRangeTooLong', 'The requested time range is too long.');
    const items = Array.isArray(body?.items) ? body.items : [];
    const calendars: Record<string, unknown> = {};
    for (const item of items) {
      const id = String(objectBody(item)?.id);
      if (!this.calendars.has(id)) {
        calendars[id] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
        continue;
      }
      const busy = this.liveEvents(id)
        .filter((e) => e.startMs < timeMax && e.endMs > timeMin)
        .sort((a, b) => a.startMs - b.startMs)
        .map((e) => ({ start: iso(Math.max(e.startMs, timeMin)), end: iso(Math.min(e.endMs, timeMax)) }));
      calendars[id] = { busy };
    }
    return json(200, { kind: 'calendar#freeBusy', timeMin: iso(timeMin), timeMax: iso(timeMax), calendars });
  }

  private readTimes(body: Record<string, unknown>): { startMs: number; endMs: number; timeZone?: string } | null {
    const start = objectBody(body.start);
    const end = objectBody(body.end);
    const startMs = Date.parse(String(start?.dateTime));
    const endMs = Date.parse(String(end?.dateTime));
    if (Number.isNaN(startMs) || Number.isNaN(endMs)) return null;
    return { startMs, endMs, ...(typeof start?.timeZone === 'string' ? { timeZone: start.timeZone } : {}) };
  }

  /** Google builds Meet links asynchronously: pending in the insert response, ready by the next read. */
  private settleConference(event: GoogleFakeEvent): GoogleFakeEvent {
    if (event.conference?.state === 'pending') event.conference.state = 'success';
    return event;
  }

  private render(event: GoogleFakeEvent): Record<string, unknown> {
    const conference = event.conference;
    return {
      kind: 'calendar#event',
      etag: event.etag,
      id: event.id,
      status: event.status,
      htmlLink: `https://www.google.com/calendar/event?eid=${event.id}`,
      summary: event.summary,
      ...(event.description === undefined ? {} : { description: event.description }),
      ...(event.location === undefined ? {} : { location: event.location }),
      start: { dateTime: iso(event.startMs), ...(event.timeZone ? { timeZone: event.timeZone } : {}) },
      end: { dateTime: iso(event.endMs), ...(event.timeZone ? { timeZone: event.timeZone } : {}) },
      attendees: event.attendees,
      iCalUID: `${event.id}@google.com`,
      sequence: event.sequence,
      ...(conference?.state === 'success' ? { hangoutLink: conference.uri } : {}),
      ...(conference
        ? {
            conferenceData: {
              createRequest: { requestId: conference.requestId, conferenceSolutionKey: { type: 'hangoutsMeet' }, status: { statusCode: conference.state } },
              ...(conference.state === 'success' ? { entryPoints: [{ entryPointType: 'video', uri: conference.uri, label: conference.uri.slice(8) }] } : {}),
            },
          }
        : {}),
    };
  }

  private nextEtag(): string {
    this.etagCounter += 1000;
    return `"${this.etagCounter}"`;
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function meetCode(n: number): string {
  const letters = (n + 1000).toString(26).padStart(10, 'a').replace(/[0-9]/g, (d) => String.fromCharCode(97 + Number(d)));
  return `${letters.slice(0, 3)}-${letters.slice(3, 7)}-${letters.slice(7, 10)}`;
}
