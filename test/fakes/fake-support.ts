/** Shared parts of the vendor HTTP fakes: an OAuth token authority, injected faults and a request log. */
import type { Credentials } from '../../worker/providers/types';

/** Issues, checks, refreshes and revokes bearer tokens, like a vendor's OAuth server would. */
export class FakeOAuth {
  /** How many refresh-token grants were served. */
  refreshes = 0;
  /** How many requests were turned away for a missing, unknown or expired bearer token. */
  rejections = 0;
  private readonly access = new Map<string, number>();
  private readonly refreshTokens = new Set<string>();
  private counter = 0;

  constructor(
    private readonly prefix: string,
    private readonly options: { now: () => number; ttlMs?: number; rotateRefreshToken?: boolean },
  ) {}

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
