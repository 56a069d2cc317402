/** `fetch` with our bearer token, and problem+json errors turned into the panel's failure kinds. */
import type { LoadFailure, Problem } from '../ports';

/** An API error with the RFC 9457 fields the panel shows, and its `type` (e.g. `/problems/identity-not-linked` for host sign-in). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly type?: string,
  ) {
    super(detail);
  }
}

/** What a failed request means for loading: no network or Worker (incl. 502/503), signed out, unknown, or other. */
export function failureOf(err: unknown): LoadFailure {
  if (err instanceof ApiError) {
    if (err.status === 401) return 'unauthorized';
    if (err.status === 404 || err.status === 403) return 'not-found';
    if (err.status === 502 || err.status === 503 || err.status === 504) return 'offline';
    return 'error';
  }
  return 'offline';
}

/**
 * A failed request as the models see it: the API's problem with its status, or no status at all when the Worker was not
 * reached (network down, or a 502/503/504 in front of it), so the request may or may not have arrived.
 */
export const problemOf = (err: unknown): Problem =>
  err instanceof ApiError && failureOf(err) !== 'offline' ? { title: err.title, detail: err.message, status: err.status } : { title: 'offline', detail: '' };

/** Rejects with a `Problem` instead of an `ApiError` or a network `TypeError`. */
export const asProblem = <T>(request: Promise<T>): Promise<T> =>
  request.catch((err: unknown) => {
    throw problemOf(err);
  });

export type JsonFetch = <T>(method: string, path: string, body?: unknown, extra?: Record<string, string>) => Promise<T>;

/**
 * A JSON client for API v1 on the page's own origin. A fetch that never reaches the Worker
 * rejects with a `TypeError` (network); an error answer rejects with `ApiError`.
 * @see https://www.rfc-editor.org/rfc/rfc9457 (problem+json)
 */
export function createJsonFetch(token: () => string | null, doFetch: typeof fetch): JsonFetch {
  return async <T>(method: string, path: string, body?: unknown, extra?: Record<string, string>): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await doFetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    if (!res.ok) {
      // Not problem+json (e.g. a proxy page): the status line stands in.
      const problem = (await res.json().catch(() => null)) as { title?: string; detail?: string; type?: string } | null;
      throw new ApiError(res.status, problem?.title ?? (res.statusText || 'Error'), problem?.detail ?? `HTTP ${res.status}`, problem?.type);
    }
    return (await res.json()) as T;
  };
}
