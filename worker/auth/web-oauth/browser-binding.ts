/** The cookie that binds an OAuth flow to the browser that started it (top-level pages only; panels never get cookies). */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../env';
import { publicUrl } from '../../http/public-url';
import { FLOW_TTL_MS } from './flow';

/** `__Host-` on https (Secure, Path=/, no Domain: it cannot be set by a sibling host); a plain name on http://localhost. */
const cookieName = (secure: boolean) => (secure ? '__Host-oauth-binding' : 'oauth-binding');
const isSecure = (c: Context<AppEnv>) => publicUrl(c).startsWith('https:');

/**
 * This browser's binding value: the cookie it already has, or a fresh random one set now (HttpOnly, SameSite=Lax so the
 * vendor's top-level redirect back carries it, for as long as a flow may take). The flow stores only its hash.
 * @see https://datatracker.ietf.org/doc/html/rfc9700#section-4.7.1 (CSRF protection: bind state to the user agent)
 */
export function bindBrowser(c: Context<AppEnv>): string {
  const secure = isSecure(c);
  const existing = getCookie(c, cookieName(secure));
  const value = existing && /^[0-9a-f]{32}$/.test(existing) ? existing : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  // Set again on every start, so it lives as long as the newest flow of this browser.
  setCookie(c, cookieName(secure), value, { httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: FLOW_TTL_MS / 1000 });
  return value;
}

/** The binding value this browser sent with the callback, or null. */
export const browserBinding = (c: Context<AppEnv>): string | null => getCookie(c, cookieName(isSecure(c))) ?? null;
