/** The port every panel host implements (plain browser now; Zoom, Meet and Teams adapters later): identity, theme, locale, meeting, links, storage. */
import type { Locale } from '../../shared/protocol';
import type { KeyValueStore } from '../panel/ports';

/** The hosts a panel bundle is built for; the name is also the `POST /api/auth/{host}` path for host identity. */
export type HostName = 'browser' | 'zoom' | 'meet' | 'teams';
export type HostTheme = 'light' | 'dark';

/**
 * What the panel needs from the place it runs in. Adapters speak our own types only; SDK payloads
 * stay inside the adapter. Capabilities a host lacks are `null` answers, never thrown errors.
 * @see /work/shared/PLATFORMS.md for what each host offers (Teams SSO, Zoom app context, Meet without identity)
 */
export interface HostPort {
  readonly name: HostName;
  /** Our own bearer token when the host already has one (plain browser and /demo: handed over in the URL fragment). */
  bearerToken(): string | null;
  /** Keeps a renewed bearer token for the rest of this panel's life (and a reload, where the host allows). */
  rememberBearerToken?(token: string): void;
  /** The host's proof of identity (Teams SSO token, Zoom app context…), exchanged at `POST /api/auth/{name}` for our token. */
  getIdentityToken?(): Promise<string>;
  /** The session this panel was opened for, when the URL says so. */
  sessionId(): string | null;
  /** The host's meeting id, mapped to a session by `GET /api/sessions/by-meeting`. */
  meetingId(): Promise<string | null>;
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
