/** RFC 9457 problem details: one error type for the API and one mapping to `application/problem+json`. */
import { HTTPException } from 'hono/http-exception';
import type { Context } from 'hono';
import type { z } from 'zod';
import { logError, redact } from './log';

/** One field problem: where (`in` + dotted `field` + JSON `pointer`) and what. */
export type FieldProblem = { in: 'body' | 'query' | 'path' | 'header'; field: string; pointer: string; detail: string };

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Invalid request',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};

/**
 * An API error that becomes problem+json. `type` is a relative URI naming the problem kind.
 * @see https://www.rfc-editor.org/rfc/rfc9457
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

/** 404 for unknown ids and for ids of another coach alike. */
export const notFound = (what: string) => new ApiProblem(404, '/problems/not-found', `${what} not found`);

/** 422 naming one field. */
export const invalidField = (where: FieldProblem['in'], field: string, detail: string, status = 422) =>
  new ApiProblem(status, '/problems/validation', `${field}: ${detail}`, [{ in: where, field, pointer: toPointer(field), detail }]);

/** A zod failure as field problems. */
export function zodProblems(where: FieldProblem['in'], error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const field = path.map(String).join('.') || (where === 'body' ? 'body' : where);
    const detail = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : issue.message;
    return { in: where, field, pointer: toPointer(field), detail };
  });
}

/** A validation failure of one request part. */
export const validationProblem = (where: FieldProblem['in'], error: z.ZodError) => {
  const errors = zodProblems(where, error);
  return new ApiProblem(422, '/problems/validation', errors.map((e) => `${e.field}: ${e.detail}`).join('; '), errors);
};

function toPointer(field: string): string {
  return '#/' + field.split('.').filter(Boolean).join('/');
}

/** Renders any problem as an RFC 9457 response. */
export function problemResponse(p: ApiProblem, instance?: string): Response {
  // A capability in the path (a coachee link, a feed address) is masked, as in our logs.
  const body = { type: p.type, title: TITLES[p.status] ?? 'Error', status: p.status, detail: p.detail, ...(instance ? { instance: redact(instance) } : {}), ...(p.errors.length ? { errors: p.errors } : {}) };
  return new Response(JSON.stringify(body), { status: p.status, headers: { 'content-type': 'application/problem+json', ...p.headers } });
}

/** Hono `onError`: the one place that decides what a client sees of a failure. */
export function onError(err: Error, c: Context): Response {
  const instance = new URL(c.req.url).pathname;
  if (err instanceof ApiProblem) return problemResponse(err, instance);
  if (err instanceof HTTPException) {
    const status = err.status;
    const type = status === 413 ? '/problems/payload-too-large' : 'about:blank';
    return problemResponse(new ApiProblem(status, type, err.message || TITLES[status] || 'Error'), instance);
  }
  logError('unhandled', err, c.req.method, instance);
  return problemResponse(new ApiProblem(500, 'about:blank', 'Something went wrong on our side. Please try again; if it keeps happening, tell us the time it happened.'), instance);
}
