/** The calendar and meeting provider port: our own types only (epoch ms, our ids); vendor JSON stays in each adapter. */
import type { CalendarProviderName } from '../../shared/protocol';

export type { CalendarProviderName };

/** Meeting providers that are separate from the calendar (Meet and Teams links come from the calendar itself). */
export type MeetingProviderName = 'zoom';

/** A half-open time range [fromMs, toMs), epoch milliseconds. */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

/** A busy interval [startMs, endMs), epoch milliseconds. */
export interface BusyInterval {
  startMs: number;
  endMs: number;
}

export interface Attendee {
  email: string;
  name?: string;
}

/** When an event happens. `timeZone` is the IANA zone the coach sees it in; the instants are what count. */
export interface EventTime {
  startMs: number;
  endMs: number;
  timeZone: string;
}

/**
 * What a calendar provider can do, declared as data (never probed).
 * - `conference`: the meeting link the provider creates itself when asked (`conference: true` on create); null = none.
 * - `etags`: writes accept `etag` and fail with kind `precondition` when the event changed since it was read.
 * - `descriptionFormat`: the one format the provider stores descriptions in; `getEvent` returns it, writes take it.
 * - `notifiesAttendees`: the provider emails invites/updates itself; when false the caller sends iCalendar invites.
 */
export interface CalendarFlags {
  conference: 'meet' | 'teams' | null;
  etags: boolean;
  descriptionFormat: 'html' | 'text';
  notifiesAttendees: boolean;
}

export interface NewEvent extends EventTime {
  /** Our stable id for this event (e.g. the booking id, `[A-Za-z0-9_-]{8,64}`): creating twice with one key yields one event. */
  eventKey: string;
  title: string;
  /** In `flags.descriptionFormat`. */
  description: string;
  attendees: Attendee[];
  /** Ask the provider for its own meeting link (ignored when `flags.conference` is null). */
  conference: boolean;
  location?: string;
}

export interface CreatedEvent {
  externalId: string;
  etag?: string;
  /** May be absent right after create when the provider builds the link asynchronously (Meet); read it again later. */
  meetingUrl?: string;
}

export interface CalendarEvent {
  externalId: string;
  etag?: string;
  title: string;
  /** The whole description as the calendar holds it now, in `flags.descriptionFormat` (may include the coach's own text). */
  description: string;
  startMs: number;
  endMs: number;
  meetingUrl?: string;
}

/** Fields to change; absent fields are left alone. `description` replaces the whole description. */
export interface EventPatch {
  title?: string;
  description?: string;
  time?: EventTime;
  location?: string;
}

export interface WriteOptions {
  /** Only write if the event still has this etag; otherwise ProviderError kind `precondition`. */
  etag?: string;
  /** Let the provider email attendees about this change (default true). */
  notify?: boolean;
}

/**
 * The calendar port. Every method throws ProviderError on failure.
 * `getEvent` returns null for unknown or deleted events; `deleteEvent` succeeds when the event is already gone
 * (the outbox retries deletes); `updateEvent` on an unknown event throws kind `not_found`.
 * `freeBusy` returns intervals clipped to the range, sorted, with overlapping or touching ones merged.
 */
export interface CalendarProvider {
  readonly name: CalendarProviderName;
  readonly flags: CalendarFlags;
  freeBusy(range: TimeRange): Promise<BusyInterval[]>;
  createEvent(event: NewEvent): Promise<CreatedEvent>;
  getEvent(externalId: string): Promise<CalendarEvent | null>;
  updateEvent(externalId: string, patch: EventPatch, options?: WriteOptions): Promise<{ etag?: string }>;
  deleteEvent(externalId: string, options?: Pick<WriteOptions, 'notify'>): Promise<void>;
  /**
   * The chat thread (`19:meeting_…@thread.v2`) of the Teams meeting behind a join link, for links that do not carry it (Teams'
   * short `/meet/<id>` links); null when it cannot be told (the coach did not grant reading online meetings). Microsoft only.
   */
  meetingThread?(joinUrl: string): Promise<string | null>;
}

export interface NewMeeting {
  /** Our stable id for this meeting; see MeetingProvider on how retries stay idempotent. */
  meetingKey: string;
  topic: string;
  /** Plain text; adapters shorten it to the vendor's limit at a line or word boundary. */
  agenda: string;
  startMs: number;
  durationMinutes: number;
  timeZone: string;
}

export interface Meeting {
  meetingId: string;
  joinUrl: string;
  topic: string;
  agenda: string;
  startMs: number;
  durationMinutes: number;
}

export type MeetingPatch = Partial<Omit<NewMeeting, 'meetingKey'>>;

/** What tells a meeting of ours apart among the host's: the reference line we put in its agenda, and its start. */
export interface MeetingMatch {
  agendaRef: string;
  startMs: number;
}

/**
 * The meeting port (Zoom). Zoom has no idempotency key: the caller (outbox) stores `meetingId` as soon as
 * `createMeeting` returns and passes `findExisting` so a retried job reuses it instead of creating a second meeting; when the
 * answer of a create was lost, it looks the meeting up with `findMeeting` before creating again.
 */
export interface MeetingProvider {
  readonly name: MeetingProviderName;
  createMeeting(meeting: NewMeeting): Promise<{ meetingId: string; joinUrl: string }>;
  getMeeting(meetingId: string): Promise<Meeting | null>;
  updateMeeting(meetingId: string, patch: MeetingPatch): Promise<void>;
  /** Succeeds when the meeting is already gone. */
  deleteMeeting(meetingId: string): Promise<void>;
  /**
   * The host's upcoming meeting that carries `agendaRef` in its agenda, or null: after a create whose answer was lost, the
   * caller adopts that one instead of creating a second.
   */
  findMeeting(match: MeetingMatch): Promise<{ meetingId: string; joinUrl: string } | null>;
}

/** The fetch the adapters use: injected, never globalThis.fetch. A test fake is `(req) => Promise<Response>`. */
export type Fetch = (request: Request) => Promise<Response>;

/** OAuth credentials for one coach's connection. */
export interface Credentials {
  accessToken: string;
  refreshToken?: string;
  expiresAtMs?: number;
}

/** What a remote adapter needs from its caller. */
export interface RemoteDeps {
  fetch: Fetch;
  credentials: Credentials;
  /** Persists refreshed credentials (called once per refresh, before the new token is used). */
  saveToken(credentials: Credentials): Promise<void>;
  /** Exchanges the refresh token for new credentials (the caller owns client id/secret). Without it a 401 is final. */
  refresh?(credentials: Credentials): Promise<Credentials>;
  now?(): number;
  /** Vendor API origin, for fakes and sovereign clouds. */
  baseUrl?: string;
}

/**
 * What went wrong, in our words. `precondition` is its own kind (HTTP 412 on an etag mismatch): the caller re-reads,
 * merges and retries, while `conflict` means the write can never succeed as asked (e.g. an id taken by a deleted event).
 * `invalid` is a 4xx we caused (do not retry). `rate_limit` and `upstream` are retryable, honouring `retryAfterMs`.
 */
export type ProviderErrorKind = 'auth' | 'rate_limit' | 'not_found' | 'conflict' | 'precondition' | 'invalid' | 'upstream';

/** The one error every provider throws; the message starts with the provider name. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly provider: string;
  readonly kind: ProviderErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** The vendor's own reason or code, e.g. Google `duplicate`, Graph `ErrorItemNotFound`, Zoom `3001`. */
  readonly reason?: string;

  constructor(
    provider: string,
    kind: ProviderErrorKind,
    message: string,
    details: { status?: number; retryAfterMs?: number; reason?: string; cause?: unknown } = {},
  ) {
    super(`[${provider}] ${message}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.provider = provider;
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.reason !== undefined) this.reason = details.reason;
  }

  /** Whether trying the same call again later can succeed. */
  get retryable(): boolean {
    return this.kind === 'rate_limit' || this.kind === 'upstream';
  }
}
