/** Shared parts of the vendor HTTP fakes: an OAuth token authority with its token endpoint, injected faults and a request log. */
import type { Credentials } from '../../worker/providers/types';

/** How a vendor's token endpoint takes the client and answers (see `FakeOAuth.token`). */
export type TokenStyle = 'google' | 'microsoft' | 'zoom';

/** A token endpoint request as the fake received it. */
export interface TokenRequest {
  url: string;
  headers: Headers;
  form: URLSearchParams;
}

/**
 * Issues, checks, refreshes and revokes bearer tokens, like a vendor's OAuth server would, and serves the vendor's token
 * endpoint for the refresh-token grant. Refresh tokens are single-use when `rotateRefreshToken` is set (each refresh issues a
 * new one and forgets the old), as with Zoom; Microsoft also sends a new one on every refresh.
 */
export class FakeOAuth {
  /** How many refresh-token grants were served. */
  refreshes = 0;
  /** How many requests were turned away for a missing, unknown or expired bearer token. */
  rejections = 0;
  /** Every request to the token endpoint, in order. */
  readonly tokenRequests: TokenRequest[] = [];
  /** The OAuth client the fake's refresh tokens are issued to; the token endpoint refuses any other. */
  readonly client: { clientId: string; clientSecret: string };
  private readonly access = new Map<string, number>();
  /** Every access token this authority ever issued (revoked and expired ones too): which account a request was made as. */
  private readonly issuedAccess = new Set<string>();
  private readonly refreshTokens = new Set<string>();
  private readonly tokenFaults = new FaultQueue();
  private counter = 0;

  constructor(
    private readonly prefix: string,
    private readonly options: { now: () => number; ttlMs?: number; rotateRefreshToken?: boolean; token?: { url: string; style: TokenStyle } },
  ) {
    this.client = { clientId: `${prefix}-client-id`, clientSecret: `${prefix}-client-secret` };
  }

  /** A fresh grant, as after the coach connected the calendar. */
  grant(): Credentials {
    const refreshToken = `${this.prefix}-refresh-${++this.counter}`;
    this.refreshTokens.add(refreshToken);
    return { ...this.issueAccess(), refreshToken };
  }

  /** The refresh-token grant (RFC 6749 §6); rotates the refresh token when configured (Microsoft does). */
  refresh(refreshToken: string | undefined): Credentials {
    if (refreshToken === undefined || !this.refreshTokens.has(refreshToken)) throw new Error('invalid_grant');
    this.refreshes += 1;
    if (!this.options.rotateRefreshToken) return this.issueAccess();
    this.refreshTokens.delete(refreshToken);
    const next = `${this.prefix}-refresh-${++this.counter}`;
    this.refreshTokens.add(next);
    return { ...this.issueAccess(), refreshToken: next };
  }

  /** Answers the next token endpoint request with this status and body (before any checks). */
  failNextToken(status: number, headers?: Record<string, string>, body?: unknown): void {
    this.tokenFaults.failNext(status, headers, body ?? { error: status >= 500 ? 'server_error' : 'invalid_request' });
  }

  /** Whether the request is for this vendor's token endpoint. */
  isTokenRequest(req: Request): boolean {
    const url = new URL(req.url);
    return this.options.token !== undefined && `${url.origin}${url.pathname}` === this.options.token.url;
  }

  /**
   * The vendor's token endpoint, refresh-token grant only. Every vendor wants `POST`, a form body
   * (`application/x-www-form-urlencoded`) with `grant_type=refresh_token` and `refresh_token`, and the client:
   * - google: `client_id` and `client_secret` in the form; answers `{access_token, expires_in, scope, token_type}` (no new refresh token);
   * - microsoft: the same plus `scope` (space-separated, with `offline_access`); also answers a new `refresh_token` and `ext_expires_in`;
   * - zoom: the client as `Authorization: Basic base64(id:secret)`; answers `{access_token, token_type: "bearer", refresh_token, expires_in, scope}`.
   * A bad client answers 401 `invalid_client`; an unknown or used refresh token 400 `invalid_grant` (Zoom: `invalid_request`,
   * "Invalid Token!"); a malformed request 400 `invalid_request`.
   * @see https://developers.google.com/identity/protocols/oauth2/web-server#offline
   * @see https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#refresh-the-access-token
   * @see https://developers.zoom.us/docs/integrations/oauth/#refreshing-an-access-token
   */
  async token(req: Request): Promise<Response> {
    const style = this.options.token?.style;
    if (!style) return json(404, { error: 'not_found' });
    const form = new URLSearchParams(req.method === 'POST' ? new TextDecoder().decode(await req.arrayBuffer()) : '');
    this.tokenRequests.push({ url: req.url, headers: req.headers, form });
    const fault = this.tokenFaults.take();
    if (fault) return json(fault.status, fault.body, fault.headers);
    const problem = (status: number, error: string, description: string) =>
      style === 'zoom'
        ? json(status, { reason: description, error })
        : json(status, { error, error_description: style === 'microsoft' ? `AADSTS: ${description}` : description, ...(style === 'microsoft' ? { error_codes: [status === 401 ? 7000215 : 70000], trace_id: 'fake', correlation_id: 'fake' } : {}) });
    if (req.method !== 'POST' || !(req.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
      return problem(400, 'invalid_request', 'POST a form body');
    }
    if (form.get('grant_type') !== 'refresh_token' || !form.get('refresh_token')) return problem(400, 'invalid_request', 'grant_type=refresh_token and refresh_token are required');
    const client =
      style === 'zoom' ? basicAuth(req.headers.get('authorization')) : { clientId: form.get('client_id') ?? '', clientSecret: form.get('client_secret') ?? '' };
    if (style === 'zoom' && (form.has('client_id') || form.has('client_secret'))) return problem(400, 'invalid_request', 'send the client as Basic auth');
    if (client?.clientId !== this.client.clientId || client.clientSecret !== this.client.clientSecret) return problem(401, 'invalid_client', 'Invalid client id or secret');
    if (style === 'microsoft' && !(form.get('scope') ?? '').split(' ').includes('offline_access')) return problem(400, 'invalid_scope', 'scope with offline_access is required');
    let next: Credentials;
    try {
      next = this.refresh(form.get('refresh_token') ?? undefined);
    } catch {
      return style === 'zoom' ? problem(400, 'invalid_request', 'Invalid Token!') : problem(400, 'invalid_grant', 'Token has been expired or revoked.');
    }
    const expiresIn = Math.round(((next.expiresAtMs ?? 0) - this.options.now()) / 1000);
    if (style === 'google') return json(200, { access_token: next.accessToken, expires_in: expiresIn, scope: 'https://www.googleapis.com/auth/calendar', token_type: 'Bearer' });
    if (style === 'microsoft') {
      return json(200, { token_type: 'Bearer', scope: form.get('scope'), expires_in: expiresIn, ext_expires_in: expiresIn, access_token: next.accessToken, refresh_token: next.refreshToken });
    }
    return json(200, { access_token: next.accessToken, token_type: 'bearer', refresh_token: next.refreshToken, expires_in: expiresIn, scope: 'meeting:write' });
  }

  /** The user revoked the grant (at the vendor, or we did at its revocation endpoint): the refresh token stops working. */
  revokeRefreshToken(refreshToken: string): boolean {
    return this.refreshTokens.delete(refreshToken);
  }

  /** Whether `refreshToken` would still be accepted. */
  knowsRefreshToken(refreshToken: string): boolean {
    return this.refreshTokens.has(refreshToken);
  }

  /** Whether this authority issued `accessToken` (even if it is revoked or expired since): the request was made as its account. */
  issued(accessToken: string): boolean {
    return this.issuedAccess.has(accessToken);
  }

  /** The server forgets every access token (revoked, or expired early); refresh tokens stay valid. */
  revokeAccessTokens(): void {
    this.access.clear();
  }

  /** Whether the request carries a live bearer token. */
  authorized(req: Request): boolean {
    const match = /^Bearer (\S+)$/.exec(req.headers.get('authorization') ?? '');
    const expiresAt = match?.[1] === undefined ? undefined : this.access.get(match[1]);
    const ok = expiresAt !== undefined && this.options.now() < expiresAt;
    if (!ok) this.rejections += 1;
    return ok;
  }

  private issueAccess(): { accessToken: string; expiresAtMs: number } {
    const accessToken = `${this.prefix}-access-${++this.counter}`;
    const expiresAtMs = this.options.now() + (this.options.ttlMs ?? 3_600_000);
    this.access.set(accessToken, expiresAtMs);
    this.issuedAccess.add(accessToken);
    return { accessToken, expiresAtMs };
  }
}

export interface Fault {
  status: number;
  headers?: Record<string, string>;
  /** JSON body; when absent the fake writes its vendor's error shape. */
  body?: unknown;
}

/** Faults to answer the next requests with, in order (before auth and routing). */
export class FaultQueue {
  private readonly queue: Fault[] = [];

  failNext(status: number, headers?: Record<string, string>, body?: unknown): void {
    this.queue.push({ status, ...(headers === undefined ? {} : { headers }), ...(body === undefined ? {} : { body }) });
  }

  take(): Fault | undefined {
    return this.queue.shift();
  }
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

/** Reads a request for the log (and the handlers) without consuming it twice. */
export async function logRequest(req: Request, log: LoggedRequest[]): Promise<LoggedRequest> {
  const url = new URL(req.url);
  const text = req.method === 'GET' || req.method === 'DELETE' ? '' : await req.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const entry: LoggedRequest = { method: req.method, path: url.pathname, query: url.searchParams, headers: req.headers, body };
  log.push(entry);
  return entry;
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** Reads a plain object out of a parsed body (fakes accept only JSON objects). */
export function objectBody(body: unknown): Record<string, unknown> | null {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
}

/** The client of an `Authorization: Basic base64(id:secret)` header, or null. */
function basicAuth(header: string | null): { clientId: string; clientSecret: string } | null {
  const match = /^Basic (\S+)$/.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = atob(match[1]);
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}
