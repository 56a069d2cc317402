/** HTTP fake of Microsoft Graph v1.0 calendar endpoints: /me, events CRUD with transactionId dedupe, getSchedule; Graph-shaped errors; the Microsoft identity token endpoint. */
import { FakeOAuth, FaultQueue, json, logRequest, objectBody, type LoggedRequest } from './fake-support';

export type ShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere';

/** An event as the fake stores it. */
export interface GraphFakeEvent {
  id: string;
  changeKey: string;
  subject: string;
  /** The HTML inside <body>, as stored. */
  bodyHtml: string;
  startMs: number;
  endMs: number;
  location?: string;
  attendees: unknown[];
  showAs: ShowAs;
  transactionId?: string;
  joinUrl?: string;
  /** The Teams meeting's chat thread (in an older join link; behind a short one only Graph's onlineMeetings tell it). */
  threadId?: string;
}

const ERRORS: Record<number, [string, string]> = {
  400: ['ErrorInvalidRequest', 'The request is invalid.'],
  401: ['InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'],
  403: ['ErrorAccessDenied', 'Access is denied. Check credentials and try again.'],
  404: ['ErrorItemNotFound', 'The specified object was not found in the store.'],
  412: ['ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.'],
  429: ['ApplicationThrottled', 'Application is over its MailboxConcurrency limit.'],
  503: ['ServiceUnavailable', 'Service unavailable.'],
};

/** Graph's error shape. @see https://learn.microsoft.com/en-us/graph/errors */
function graphError(status: number, message?: string, headers: Record<string, string> = {}): Response {
  const [code, defaultMessage] = ERRORS[status] ?? ['generalException', 'An unexpected error occurred.'];
  return json(status, { error: { code, message: message ?? defaultMessage, innerError: { date: new Date(0).toISOString(), 'request-id': 'fake' } } }, headers);
}

const SCHEDULE_LIMIT_MS = 62 * 86_400_000;
const VIEW_DIGIT: Record<ShowAs, string> = { free: '0', workingElsewhere: '0', tentative: '1', busy: '2', oof: '3' };

/** One Outlook mailbox reachable through `fetch`. */
export class MicrosoftGraphFake {
  readonly auth: FakeOAuth;
  readonly faults = new FaultQueue();
  readonly requests: LoggedRequest[] = [];
  readonly events = new Map<string, GraphFakeEvent>();
  readonly mailbox = 'coach@contoso.example';
  private counter = 0;
  /** Teams' short join links (`/meet/<id>?p=…`, the default since early 2026) instead of `/l/meetup-join/<thread>/0`. */
  shortJoinLinks = false;
  /** Whether the coach granted OnlineMeetings.Read: without it `GET /me/onlineMeetings` answers 403. */
  onlineMeetingsGranted = true;

  constructor(private readonly now: () => number = Date.now) {
    this.auth = new FakeOAuth('graph', { now, rotateRefreshToken: true, token: { url: 'https://login.microsoftonline.com/common/oauth2/v2.0/token', style: 'microsoft' } });
  }

  failNext(status: number, headers?: Record<string, string>, body?: unknown): void {
    this.faults.failNext(status, headers, body);
  }

  /** Someone edits the event in Outlook: its change key (etag) changes. */
  editEvent(id: string, changes: { bodyHtml?: string; subject?: string; showAs?: ShowAs }): void {
    const event = this.events.get(id);
    if (!event) throw new Error(`no event ${id}`);
    Object.assign(event, changes, { changeKey: this.nextChangeKey() });
  }

  readonly fetch = async (req: Request): Promise<Response> => {
    if (this.auth.isTokenRequest(req)) return this.auth.token(req);
    const request = await logRequest(req, this.requests);
    const fault = this.faults.take();
    if (fault) return fault.body === undefined ? graphError(fault.status, undefined, fault.headers) : json(fault.status, fault.body, fault.headers);
    if (!this.auth.authorized(req)) return graphError(401);
    const { method, path } = request;
    if (method === 'GET' && path === '/v1.0/me') return json(200, { id: 'fake-user', mail: this.mailbox, userPrincipalName: this.mailbox });
    if (method === 'POST' && path === '/v1.0/me/calendar/getSchedule') return this.getSchedule(request);
    if (method === 'POST' && (path === '/v1.0/me/events' || path === '/v1.0/me/calendar/events')) return this.create(request);
    if (method === 'GET' && path === '/v1.0/me/onlineMeetings') return this.onlineMeetings(request.query);
    const match = /^\/v1\.0\/me\/events\/([^/]+)$/.exec(path);
    if (!match) return graphError(400, `Resource not found for the segment '${path}'.`);
    const event = this.events.get(decodeURIComponent(match[1] ?? ''));
    if (!event) return graphError(404);
    if (method === 'GET') return json(200, this.render(event));
    const ifMatch = request.headers.get('if-match');
    if (ifMatch !== null && ifMatch !== etagOf(event)) return graphError(412);
    if (method === 'PATCH') return this.patch(event, request);
    if (method === 'DELETE') {
      this.events.delete(event.id);
      return new Response(null, { status: 204 });
    }
    return graphError(405, 'Method not allowed.');
  };

  /**
   * `GET /me/onlineMeetings?$filter=JoinWebUrl eq '<url>'`: the organizer's online meeting with that join link (the only filter
   * Graph supports there), with `chatInfo.threadId`; 403 without OnlineMeetings.Read.
   * @see https://learn.microsoft.com/en-us/graph/api/onlinemeeting-get
   */
  private onlineMeetings(query: URLSearchParams): Response {
    if (!this.onlineMeetingsGranted) return graphError(403);
    const filter = /^JoinWebUrl eq '(.*)'$/i.exec(query.get('$filter') ?? '');
    if (!filter) return graphError(400, 'Filter expression expected - /onlineMeetings?$filter=JoinWebUrl eq \'joinWebUrl\'.');
    const url = (filter[1] ?? '').replace(/''/g, "'");
    const event = [...this.events.values()].find((e) => e.joinUrl === url);
    return json(200, { value: event ? [{ id: `MSo${event.id}`, joinWebUrl: url, subject: event.subject, chatInfo: { threadId: event.threadId, messageId: '0' } }] : [] });
  }

  private create(request: LoggedRequest): Response {
    const body = objectBody(request.body);
    const times = body && readTimes(body);
    if (!body || times === null) return graphError(400, 'Start and end with timeZone "UTC" are required (this fake supports UTC only).');
    if (times.endMs < times.startMs) return graphError(400, 'The end of the event must be after its start.');
    const transactionId = typeof body.transactionId === 'string' ? body.transactionId : undefined;
    const existing = transactionId === undefined ? undefined : [...this.events.values()].find((e) => e.transactionId === transactionId);
    if (existing) return json(201, this.render(existing));
    const n = ++this.counter;
    const online = body.isOnlineMeeting === true && body.onlineMeetingProvider === 'teamsForBusiness';
    const joinUrl = !online
      ? undefined
      : this.shortJoinLinks
        ? `https://teams.microsoft.com/meet/${4_200_000_000_000 + n}?p=Pass${n}Code`
        : `https://teams.microsoft.com/l/meetup-join/19%3ameeting_fake${n}%40thread.v2/0`;
    const content = String(objectBody(body.body)?.content ?? '');
    const event: GraphFakeEvent = {
      id: `AAMkAGFake${String(n).padStart(6, '0')}AAA=`,
      changeKey: this.nextChangeKey(),
      subject: typeof body.subject === 'string' ? body.subject : '',
      bodyHtml: joinUrl ? `${content}${teamsBlock(joinUrl)}` : content,
      ...times,
      ...(typeof objectBody(body.location)?.displayName === 'string' ? { location: String(objectBody(body.location)?.displayName) } : {}),
      attendees: Array.isArray(body.attendees) ? body.attendees : [],
      showAs: 'busy',
      ...(transactionId === undefined ? {} : { transactionId }),
      ...(joinUrl === undefined ? {} : { joinUrl, threadId: `19:meeting_fake${n}@thread.v2` }),
    };
    this.events.set(event.id, event);
    return json(201, this.render(event));
  }

  private patch(event: GraphFakeEvent, request: LoggedRequest): Response {
    const body = objectBody(request.body) ?? {};
    if (body.start !== undefined || body.end !== undefined) {
      const times = readTimes({ start: body.start ?? {}, end: body.end ?? {} });
      if (times === null || times.endMs < times.startMs) return graphError(400, 'Invalid start or end.');
      Object.assign(event, times);
    }
    if (typeof body.subject === 'string') event.subject = body.subject;
    const content = objectBody(body.body)?.content;
    if (typeof content === 'string') event.bodyHtml = content;
    const location = objectBody(body.location)?.displayName;
    if (typeof location === 'string') event.location = location;
    event.changeKey = this.nextChangeKey();
    return json(200, this.render(event));
  }

  private getSchedule(request: LoggedRequest): Response {
    const body = objectBody(request.body);
    const range = body && readTimes({ start: body.startTime, end: body.endTime });
    const schedules = Array.isArray(body?.schedules) ? body.schedules.map(String) : [];
    if (!range || schedules.length === 0 || schedules.length > 20) return graphError(400, 'schedules (1–20), startTime and endTime (UTC) are required.');
    if (range.endMs - range.startMs >= SCHEDULE_LIMIT_MS) return graphError(400, 'The requested time duration must be less than 62 days.');
    const interval = Number(body?.availabilityViewInterval ?? 30) * 60_000;
    const value = schedules.map((scheduleId) => {
      if (scheduleId.toLowerCase() !== this.mailbox) {
        return { scheduleId, availabilityView: '', scheduleItems: [], error: { message: `User ${scheduleId} not found.`, responseCode: 'ErrorMailRecipientNotFound' } };
      }
      const items = [...this.events.values()].filter((e) => e.startMs < range.endMs && e.endMs > range.startMs).sort((a, b) => a.startMs - b.startMs);
      let view = '';
      for (let t = range.startMs; t < range.endMs; t += interval) {
        const slot = items.filter((e) => e.startMs < t + interval && e.endMs > t);
        view += slot.reduce((digit, e) => (VIEW_DIGIT[e.showAs] > digit ? VIEW_DIGIT[e.showAs] : digit), '0');
      }
      const scheduleItems = items.map((e) => ({ isPrivate: false, status: e.showAs, subject: e.subject, location: e.location ?? '', start: graphTime(e.startMs), end: graphTime(e.endMs) }));
      return { scheduleId, availabilityView: view, scheduleItems, workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'UTC' } } };
    });
    return json(200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)', value });
  }

  private render(event: GraphFakeEvent): Record<string, unknown> {
    return {
      '@odata.etag': etagOf(event),
      id: event.id,
      changeKey: event.changeKey,
      subject: event.subject,
      isCancelled: false,
      showAs: event.showAs,
      isOnlineMeeting: event.joinUrl !== undefined,
      onlineMeetingProvider: event.joinUrl !== undefined ? 'teamsForBusiness' : 'unknown',
      body: { contentType: 'html', content: wrapHtml(event.bodyHtml) },
      start: graphTime(event.startMs),
      end: graphTime(event.endMs),
      location: { displayName: event.location ?? '' },
      attendees: event.attendees,
      organizer: { emailAddress: { name: 'Coach', address: this.mailbox } },
      onlineMeeting: event.joinUrl === undefined ? null : { joinUrl: event.joinUrl },
      ...(event.transactionId === undefined ? {} : { transactionId: event.transactionId }),
    };
  }

  private nextChangeKey(): string {
    return `DwAAABYAAAA${(++this.counter).toString(36).padStart(8, '0')}`;
  }
}

function etagOf(event: GraphFakeEvent): string {
  return `W/"${event.changeKey}"`;
}

/** Graph wall time without offset, seven fractional digits, as with `Prefer: outlook.timezone="UTC"`. */
function graphTime(ms: number): { dateTime: string; timeZone: string } {
  return { dateTime: new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_, millis: string) => `.${millis}0000`), timeZone: 'UTC' };
}

function readTimes(body: Record<string, unknown>): { startMs: number; endMs: number } | null {
  const start = objectBody(body.start);
  const end = objectBody(body.end);
  if (start?.timeZone !== 'UTC' || end?.timeZone !== 'UTC') return null;
  const startMs = Date.parse(`${String(start.dateTime)}Z`);
  const endMs = Date.parse(`${String(end.dateTime)}Z`);
  return Number.isNaN(startMs) || Number.isNaN(endMs) ? null : { startMs, endMs };
}

/** Graph returns HTML bodies as a whole document. */
function wrapHtml(inner: string): string {
  return `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${inner}\r\n</body>\r\n</html>\r\n`;
}

/** The join block Graph appends to the body of a new Teams meeting event (wording is the fake's own). */
function teamsBlock(joinUrl: string): string {
  return `<div><hr><p>Microsoft Teams meeting</p><p><a href="${joinUrl}">Join the meeting now</a></p><hr></div>`;
}
