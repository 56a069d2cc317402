/** Small parts the Zoom, Meet and Teams adapters share: the page's `?session=`, a language tag as nl/en, the token slot and theme listeners. */
import type { Locale } from '../../shared/protocol';
import type { KeyValueStore } from '../common/ports';
import type { HostPort, HostTheme } from './host-port';

/** The `?session=` of a page URL (a panel opened for one session), or null. */
export const sessionParam = (url: string): string | null => new URL(url).searchParams.get('session');

/**
 * A BCP 47 tag (`nl-NL`, `en-us`, `nl`) as one of our locales, or null for any other language (the coach's profile decides).
 * @see https://www.rfc-editor.org/rfc/rfc5646
 */
export const localeOf = (tag: string | null | undefined): Locale | null => {
  const lang = tag?.split('-')[0]?.toLowerCase();
  return lang === 'nl' || lang === 'en' ? lang : null;
};

/**
 * Our bearer token for a host panel: in memory, and in `store` when given (the Meet frame's session storage), so a reload of
 * the panel in the same meeting tab needs no second sign-in.
 */
export function tokenSlot(store?: KeyValueStore): Pick<HostPort, 'bearerToken' | 'rememberBearerToken'> {
  let token = store?.get('token') ?? null;
  return {
    bearerToken: () => token,
    rememberBearerToken(next) {
      store?.set('token', (token = next));
    },
  };
}

/** A theme that can change, with listeners: `set` reports a change to every listener. */
export function themeCell(initial: HostTheme) {
  let theme = initial;
  const listeners = new Set<(theme: HostTheme) => void>();
  return {
    get: () => theme,
    set(next: HostTheme) {
      if (next === theme) return;
      theme = next;
      listeners.forEach((l) => l(next));
    },
    listen(listener: (theme: HostTheme) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** The non-empty ids, in order. */
export const candidates = (...ids: (string | null | undefined)[]): string[] => ids.filter((id): id is string => !!id);
