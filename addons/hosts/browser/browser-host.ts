/** The plain-browser host (also used inside /demo): token from the URL fragment, theme from the system, links in a new tab. */
import type { Locale } from '../../../shared/protocol';
import { createLocalStore } from '../../common/shell/local-store';
import type { HostPort, HostTheme } from '../host-port';

const TOKEN_KEY = 'coaching:token';

/**
 * Creates the browser host. The coach's bearer token arrives in the URL fragment (`#token=…`, or a hand-off code,
 * never sent to a server or in a Referer); it is moved to `sessionStorage` and wiped from the
 * address bar, so a reload of this tab still finds it. `?lang=` picks the language (otherwise
 * the coach's profile decides) and `?theme=` overrides the system colour scheme.
 * @see https://developer.mozilla.org/en-US/docs/Web/CSS/@media/prefers-color-scheme
 */
export function createBrowserHost(win: Window = window): HostPort {
  const url = new URL(win.location.href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const handedOver = fragment.get('token');
  const handoff = fragment.get('handoff');
  const remember = (value: string) => {
    try {
      win.sessionStorage.setItem(TOKEN_KEY, value);
    } catch {
      // Storage blocked: the token lives in memory for this page only.
    }
  };
  if (handedOver) remember(handedOver);
  if (handedOver || handoff) win.history.replaceState(null, '', url.pathname + url.search);
  let token = handedOver;
  if (!token) {
    try {
      token = win.sessionStorage.getItem(TOKEN_KEY);
    } catch {
      token = null;
    }
  }
  const dark = win.matchMedia('(prefers-color-scheme: dark)');
  const themeParam = url.searchParams.get('theme');
  const langParam = url.searchParams.get('lang');

  return {
    name: 'browser',
    /**
     * A link from the Google Calendar add-on carries a single-use hand-off code (`#handoff=…`, valid two minutes) instead of a
     * token: exchanged once at `POST /api/auth/handoff`. A refused code leaves the panel signed out, which it says.
     */
    async start() {
      if (!handoff) return;
      try {
        const res = await win.fetch('/api/auth/handoff', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: handoff }) });
        if (res.ok) this.rememberBearerToken?.(((await res.json()) as { token: string }).token);
      } catch {
        // Offline: the panel shows it cannot reach us; the code is not used up.
      }
    },
    bearerToken: () => token,
    rememberBearerToken(next) {
      token = next;
      remember(next);
    },
    sessionId: () => url.searchParams.get('session'),
    /** `?meeting=<host meeting id>`: the panel beside a meeting (a link or bookmark the coach opens next to the call). */
    meetingIds: async () => url.searchParams.getAll('meeting').filter(Boolean),
    /** `?joinUrl=<the meeting's join link>`: matches the session whose calendar event has that link, whatever the host. */
    async meetingDetails() {
      const joinUrl = url.searchParams.get('joinUrl');
      return { ...(joinUrl ? { joinUrl } : {}), attendees: [] };
    },
    locale(): Locale | null {
      return langParam === 'nl' || langParam === 'en' ? langParam : null;
    },
    theme(): HostTheme {
      if (themeParam === 'dark' || themeParam === 'light') return themeParam;
      return dark.matches ? 'dark' : 'light';
    },
    onThemeChange(listener) {
      const onChange = () => listener(dark.matches ? 'dark' : 'light');
      dark.addEventListener('change', onChange);
      return () => dark.removeEventListener('change', onChange);
    },
    openExternal(href) {
      win.open(href, '_blank', 'noopener,noreferrer');
    },
    store: createLocalStore('coaching'),
  };
}
