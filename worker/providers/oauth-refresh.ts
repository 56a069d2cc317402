/** OAuth refresh-token grants at Google, Microsoft and Zoom: the token endpoints, their request shapes, answers parsed with zod. */
import { z } from 'zod';
import { parseRetryAfter } from './http';
import { ProviderError, type Credentials, type Fetch } from './types';

/** Providers whose access tokens we refresh. */
export type OAuthProvider = 'google' | 'microsoft' | 'zoom';

/** The OAuth client (app registration) the refresh tokens were issued to. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /** The token endpoint when it is not the provider's default (Microsoft: an app registered for one tenant refreshes there). */
  tokenEndpoint?: string;
}

/**
 * Token endpoints. Microsoft's `common` tenant serves work, school and personal accounts alike.
 * @see https://developers.google.com/identity/protocols/oauth2/web-server#offline
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#refresh-the-access-token
 * @see https://developers.zoom.us/docs/integrations/oauth/#refreshing-an-access-token
 */
export const TOKEN_ENDPOINTS: Record<OAuthProvider, string> = {
  google: 'https://oauth2.googleapis.com/token',
  microsoft: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
  zoom: 'https://zoom.us/oauth/token',
};

/**
 * The scopes asked for on a Microsoft refresh (required there, space-separated; at most what the coach consented to): the
 * calendar adapter reads `/me`, writes events and reads free/busy, and `offline_access` keeps a refresh token coming.
 */
export const MICROSOFT_REFRESH_SCOPE = 'offline_access User.Read Calendars.ReadWrite';

/** A successful token response (RFC 6749 §5.1); Google sends no refresh_token on a refresh, Microsoft and Zoom send a new one. */
const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i, 'token_type is not Bearer').optional(),
  expires_in: z.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
});

/** An error response (RFC 6749 §5.2); Zoom adds `reason` in place of a description. */
const TokenError = z.object({ error: z.string(), error_description: z.string().optional(), reason: z.string().optional() });

/** Errors worth trying again later; every other refusal means the grant or the client is not usable (reconnect or fix config). */
const TRANSIENT = new Set(['temporarily_unavailable', 'server_error']);

/** A refresh function for RemoteDeps: exchanges the stored refresh token for new credentials. */
export type RefreshFn = (credentials: Credentials) => Promise<Credentials>;

/**
 * The refresh-token grant (RFC 6749 §6) at `provider`'s token endpoint, form-encoded. Google and Microsoft take the client id and
 * secret in the form (Microsoft also `scope`); Zoom takes them as HTTP Basic auth. A 4xx answer (`invalid_grant`: revoked or
 * expired; `invalid_client`: wrong id or secret) is kind `auth`, which the outbox treats as permanent; 429 is `rate_limit`,
 * 5xx, network failures and `temporarily_unavailable` are `upstream` (retried).
 * @see https://datatracker.ietf.org/doc/html/rfc6749#section-6
 */
export function createOAuthRefresh(provider: OAuthProvider, client: OAuthClient, fetch: Fetch, now: () => number = Date.now): RefreshFn {
  return async (credentials) => {
    if (credentials.refreshToken === undefined) throw new ProviderError(provider, 'auth', 'no refresh token stored: connect the account again');
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credentials.refreshToken });
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
    if (provider === 'zoom') {
      headers.authorization = `Basic ${btoa(`${client.clientId}:${client.clientSecret}`)}`;
    } else {
      form.set('client_id', client.clientId);
      form.set('client_secret', client.clientSecret);
      if (provider === 'microsoft') form.set('scope', MICROSOFT_REFRESH_SCOPE);
    }
    const startedMs = now();
    let res: Response;
    try {
      res = await fetch(new Request(client.tokenEndpoint ?? TOKEN_ENDPOINTS[provider], { method: 'POST', headers, body: form.toString() }));
    } catch (e) {
      throw new ProviderError(provider, 'upstream', `token refresh failed: ${(e as Error).message}`, { cause: e });
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) throw refusal(provider, res, body, now());
    const parsed = TokenResponse.safeParse(body);
    if (!parsed.success) {
      throw new ProviderError(provider, 'upstream', `unexpected token response: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { status: res.status, cause: parsed.error });
    }
    const token = parsed.data;
    return {
      accessToken: token.access_token,
      ...(token.refresh_token === undefined ? {} : { refreshToken: token.refresh_token }),
      ...(token.expires_in === undefined ? {} : { expiresAtMs: startedMs + token.expires_in * 1000 }),
    };
  };
}

function refusal(provider: OAuthProvider, res: Response, body: unknown, nowMs: number): ProviderError {
  const parsed = TokenError.safeParse(body);
  const code = parsed.success ? parsed.data.error : undefined;
  const detail = parsed.success ? (parsed.data.error_description ?? parsed.data.reason) : undefined;
  const kind = res.status === 429 ? 'rate_limit' : res.status >= 500 || (code !== undefined && TRANSIENT.has(code)) ? 'upstream' : 'auth';
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), nowMs);
  const what = code === undefined ? 'token refresh refused' : `token refresh refused: ${code}`;
  return new ProviderError(provider, kind, `${what}${detail ? ` (${detail})` : ''} (HTTP ${res.status})`, {
    status: res.status,
    ...(code === undefined ? {} : { reason: code }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}
