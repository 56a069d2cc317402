/** The port every panel host implements (plain browser, Zoom, Meet, Teams): start, identity, theme, locale, meeting, links, storage. */
import type { Locale } from '../../shared/protocol';
import type { KeyValueStore } from '../common/ports';

/** The hosts a panel bundle is built for; also the `host` of `GET /api/sessions/by-meeting` (Meet signs in at `/api/auth/google`). */
export type HostName = 'browser' | 'zoom' | 'meet' | 'teams';
export type HostTheme = 'light' | 'dark';

/** The sign-in routes of API v1 (`POST /api/auth/{provider}`), each answering `{ token }`. */
export type IdentityProvider = 'teams' | 'zoom' | 'google';

/**
 * Exchanges a host's proof of identity for our bearer token at `POST /api/auth/{provider}`. Rejects with a `SignInError`
 * (the problem's status and type), or a `TypeError` when the Worker was not reached.
 */
export type IdentityExchange = (provider: IdentityProvider, body: Record<string, string>) => Promise<string>;

/** What an adapter may ask of the page while signing in. */
export interface SignInUi {
  /** Shows the sign-in step and answers an element for a button the host's identity library draws itself (Google's). */
  slot(): Promise<HTMLElement>;
}

/** Someone in the meeting, as far as the host tells (Zoom gives its host the participants' names, no host gives e-mails to us). */
export type MeetingAttendee = { name: string; email?: string };

/**
 * What the host tells about the current meeting beyond its ids, each when it can: the join link (Zoom, or the browser panel's
 * `?joinUrl=`), Meet's meeting code, the topic and the attendees. The first run prefills a new coachee from the attendees.
 */
export type MeetingDetails = { joinUrl?: string; code?: string; title?: string; attendees: MeetingAttendee[] };

/**
 * What the panel needs from the place it runs in. Adapters speak our own types only; SDK payloads
 * stay inside the adapter. Capabilities a host lacks are `null` answers, never thrown errors.
 * @see /work/shared/PLATFORMS.md for what each host offers (Teams SSO, Zoom app context, Meet without identity)
 */
export interface HostPort {
  readonly name: HostName;
  /**
   * Starts the host's SDK; nothing else is called before it settles. Never settles, or rejects, outside the host (TeamsJS
   * `app.initialize` waits forever there), so callers guard it with a timeout.
   */
  start?(): Promise<void>;
  /** Our own bearer token when this panel already has one (browser: handed over in the URL fragment; hosts: after sign-in). */
  bearerToken(): string | null;
  /** Keeps a new or renewed bearer token for the rest of this panel's life (and a reload, where the host allows). */
  rememberBearerToken?(token: string): void;
  /** Signs the coach in through the host's identity (Teams SSO, Zoom app context or OAuth, Google Sign-In); answers our token. */
  signIn?(exchange: IdentityExchange, ui: SignInUi): Promise<string>;
  /** The session this panel was opened for, when the URL says so. */
  sessionId(): string | null;
  /**
   * The host's ids for the current meeting, most specific first (e.g. Zoom's meeting UUID, then its meeting number), each
   * looked up with `GET /api/sessions/by-meeting`; empty outside a meeting.
   */
  meetingIds(): Promise<string[]>;
  /** More about the current meeting (see `MeetingDetails`); absent where the host tells nothing more. */
  meetingDetails?(): Promise<MeetingDetails>;
  /** A language the host asks for explicitly (it wins over the coach's profile, not over a choice made in the panel). */
  locale(): Locale | null;
  theme(): HostTheme;
  /** Calls back when the host's theme changes; answers an unsubscribe function. */
  onThemeChange(listener: (theme: HostTheme) => void): () => void;
  /** Opens a link outside the panel (hosts restrict navigation inside their frames). */
  openExternal(url: string): void;
  /** Storage that survives a reload of the panel. */
  readonly store: KeyValueStore;
}
