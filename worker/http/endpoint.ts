/** Declares an API route once: Hono handler, zod validation of body/query through one hook, and its OpenAPI entry. */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { ApiProblem, validationProblem } from './problem';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a route takes and gives, for validation and for `/openapi.json`. */
export type RouteSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  body?: B;
  query?: Q;
  response?: z.ZodType;
  status?: number;
  auth?: 'coach' | 'capability' | 'none';
  headers?: Record<string, string>;
};

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type Handler<B, Q> = (c: Context<AppEnv>, input: { body: Out<B>; query: Out<Q> }) => Response | Promise<Response>;

/** Every declared route, with its full path, for the OpenAPI document. */
export const ROUTES: (RouteSpec<z.ZodType | undefined, z.ZodType | undefined> & { fullPath: string })[] = [];

/**
 * Registers a route on a sub-app mounted at `mount`.
 * Malformed JSON answers 400, schema failures 422, both as problem+json naming the field.
 * @see https://hono.dev/docs/guides/validation
 */
export function endpoint<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  app: Hono<AppEnv>,
  mount: string,
  spec: RouteSpec<B, Q>,
  handler: Handler<B, Q>,
): void {
  ROUTES.push({ ...spec, fullPath: (mount + spec.path).replace(/\/$/, '') || '/' });
  app.on(spec.method.toUpperCase(), spec.path, async (c) => {
    const body = spec.body ? parse(spec.body, await readJson(c), 'body') : undefined;
    const query = spec.query ? parse(spec.query, c.req.query(), 'query') : undefined;
    return handler(c, { body, query } as { body: Out<B>; query: Out<Q> });
  });
}

function parse(schema: z.ZodType, value: unknown, where: 'body' | 'query') {
  const result = schema.safeParse(value);
  if (!result.success) throw validationProblem(where, result.error);
  return result.data;
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiProblem(415, '/problems/unsupported-media-type', 'Send the body as application/json', [
      { in: 'header', field: 'content-type', pointer: '#/content-type', detail: 'must be application/json' },
    ]);
  }
  const raw = await c.req.text();
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new ApiProblem(400, '/problems/malformed-json', `The body is not valid JSON: ${(e as Error).message}`, [
      { in: 'body', field: 'body', pointer: '#', detail: 'is not valid JSON' },
    ]);
  }
}

/** A path parameter of the matched route (routes declare their parameters, so a missing one is a programming error → empty). */
export const param = (c: Context<AppEnv>, name: string): string => c.req.param(name) ?? '';
