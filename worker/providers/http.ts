/** HTTP plumbing for the remote adapters: bearer auth with one refresh-and-retry on 401, vendor errors to ProviderError, zod parsing. */
import type { z } from 'zod';
import { createTokenRefresher } from './token-refresh';
import { ProviderError, type ProviderErrorKind, type RemoteDeps } from './types';

/** What an adapter reads out of a vendor error body. `kind` overrides the status-based default. */
export interface VendorErrorDetail {
  message: string;
  reason?: string;
  kind?: ProviderErrorKind;
}

export interface VendorHttpOptions {
  defaultBaseUrl: string;
  /** Extra headers on every request (e.g. Graph `Prefer`). */
  headers?: Record<string, string>;
  /** Reads the vendor's error JSON (already parsed, or null when the body was not JSON). */
  describeError(status: number, body: unknown): VendorErrorDetail;
}

export interface VendorHttp {
  readonly provider: string;
  readonly now: () => number;
  /**
   * Sends one request to `baseUrl + path`; after a 401 it refreshes the token once and resends. Throws only on network failure.
   * A 401 on the resent request (the fresh token expired too) becomes a retryable `upstream` error in `error`, not `auth`: the
   * refresh grant just worked, so the coach need not reconnect.
   */
  send(method: string, path: string, init?: { body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** The ProviderError for a non-2xx response. */
  error(res: Response): Promise<ProviderError>;
  /** Parses a 2xx JSON body with the adapter's zod schema; a mismatch is an `upstream` error. */
  json<T>(res: Response, schema: z.ZodType<T>): Promise<T>;
}

/** Default kind per HTTP status; adapters refine it from the vendor's error body (e.g. Google 403 `rateLimitExceeded`). */
export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 412) return 'precondition';
  if (status === 429) return 'rate_limit';
  if (status === 408 || status >= 500) return 'upstream';
  return 'invalid';
}

/**
 * Milliseconds to wait from a `Retry-After` header: delay-seconds or an HTTP-date.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Builds the HTTP client of one adapter instance around the injected fetch and credentials. */
export function createVendorHttp(provider: string, deps: RemoteDeps, options: VendorHttpOptions): VendorHttp {
  const now = deps.now ?? Date.now;
  const baseUrl = (deps.baseUrl ?? options.defaultBaseUrl).replace(/\/$/, '');
  const tokens = createTokenRefresher(provider, deps);
  /** 401s on a token the refresh grant has just issued or confirmed: the grant works, so that token merely expired again. */
  const rejectedAfterRefresh = new WeakSet<Response>();

  async function attempt(token: string, method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
    const request = new Request(baseUrl + path, {
      method,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    try {
      return await deps.fetch(request);
    } catch (e) {
      throw new ProviderError(provider, 'upstream', `${method} ${path} failed: ${(e as Error).message}`, { cause: e });
    }
  }

  return {
    provider,
    now,
    async send(method, path, init = {}) {
      const token = await tokens.accessToken();
      const res = await attempt(token, method, path, init.body, init.headers ?? {});
      if (res.status !== 401 || !tokens.canRefresh()) return res;
      await res.body?.cancel();
      const again = await attempt(await tokens.refreshRejected(token), method, path, init.body, init.headers ?? {});
      if (again.status === 401) rejectedAfterRefresh.add(again);
      return again;
    },
    async error(res) {
      const text = await res.text().catch(() => '');
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      const detail = options.describeError(res.status, body);
      // Not a refused grant (that fails at the refresh itself): retried later, when a fresh token is fetched again.
      if (rejectedAfterRefresh.has(res)) detail.kind = 'upstream';
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
      return new ProviderError(provider, detail.kind ?? kindForStatus(res.status), `${detail.message} (HTTP ${res.status})`, {
        status: res.status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        ...(detail.reason === undefined ? {} : { reason: detail.reason }),
      });
    },
    async json(res, schema) {
      let data: unknown;
      try {
        data = await res.json();
      } catch (e) {
        throw new ProviderError(provider, 'upstream', 'response is not JSON', { status: res.status, cause: e });
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        throw new ProviderError(provider, 'upstream', `unexpected response: ${parsed.error.issues[0]?.message ?? 'invalid'}`, {
          status: res.status,
          cause: parsed.error,
        });
      }
      return parsed.data;
    },
  };
}
