/** Renews the coach's short-lived bearer token before it runs out (`POST /api/auth/refresh`), so a long session never signs out. */
import { ApiError, type JsonFetch } from './http';

/** Where an app keeps its bearer token (a panel host, the coach's home). */
export interface TokenHolder {
  bearerToken(): string | null;
  /** Absent where the token comes from a host identity that the app re-exchanges instead. */
  rememberBearerToken?(token: string): void;
}

/** Renew this long before expiry. */
export const RENEW_BEFORE_MS = 5 * 60_000;
const RETRY_MS = 30_000;

/** The `exp` claim of a JWT in epoch milliseconds, or null when the token is not a readable JWT. */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = token.split('.')[1];
    if (!payload) return null;
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * Schedules renewals for the app's token: five minutes before `exp`, again after a failure
 * (e.g. offline) every 30 s while the token is still valid. Hosts without `rememberBearerToken`
 * get their identity re-exchanged by their adapter instead.
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4 (exp)
 */
export function keepTokenFresh(host: TokenHolder, json: JsonFetch): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const plan = () => {
    const token = host.bearerToken();
    const exp = token ? tokenExpiry(token) : null;
    if (exp === null || !host.rememberBearerToken) return;
    timer = setTimeout(renew, Math.max(1_000, exp - RENEW_BEFORE_MS - Date.now()));
  };
  const renew = async () => {
    try {
      const { token } = await json<{ token: string }>('POST', '/api/auth/refresh');
      host.rememberBearerToken?.(token);
      plan();
    } catch (err) {
      // 401: the sign-in itself is too old (or gone); renewing again cannot help, the panel signs in anew when the token ends.
      if (err instanceof ApiError && err.status === 401) return;
      const exp = tokenExpiry(host.bearerToken() ?? '');
      if (exp !== null && exp > Date.now()) timer = setTimeout(renew, RETRY_MS);
    }
  };
  plan();
  return () => clearTimeout(timer);
}
