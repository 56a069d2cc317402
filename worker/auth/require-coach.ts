/** Middleware: a valid bearer token is required; the coach id it names scopes every query after it. */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ApiProblem } from '../http/problem';
import { coachDb } from '../storage/databases';
import { verifyCoachToken, type CoachClaims } from './tokens';

/**
 * The claims of the request's `Authorization: Bearer <token>` (or, for the live socket only, `?token=`); 401 problem+json
 * when it is missing, forged or expired.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export async function coachClaims(c: Context<AppEnv>): Promise<CoachClaims> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  // Browsers cannot set headers on a WebSocket, so the live socket alone may carry the token in its URL.
  const socket = c.req.header('upgrade')?.toLowerCase() === 'websocket' && c.req.path.endsWith('/live');
  const token = match?.[1] ?? (socket ? c.req.query('token') : undefined);
  if (!token) throw unauthorized('Sign in first: send Authorization: Bearer <token>', 'invalid_request');
  const claims = await verifyCoachToken(c.env, token);
  if (!claims) throw unauthorized('The token is invalid or has expired; sign in again', 'invalid_token');
  return claims;
}

/** Rejects requests without a valid bearer token with 401 problem+json; sets `coachId` for the handlers after it (once per request). */
export const requireCoach = createMiddleware<AppEnv>(async (c, next) => {
  // Sub-apps mounted on overlapping paths each declare it; the token is verified once per request.
  if (!c.get('coachId')) c.set('coachId', (await coachClaims(c)).coachId);
  await next();
});

/**
 * 401 naming the `authorization` header, with the `WWW-Authenticate` challenge of RFC 6750 (`error` = `invalid_request` or
 * `invalid_token`). `type` defaults to `/problems/unauthorized`.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export function unauthorized(detail: string, error: 'invalid_request' | 'invalid_token', type = '/problems/unauthorized') {
  return new ApiProblem(401, type, detail, [{ in: 'header', field: 'authorization', pointer: '#/authorization', detail }], {
    'www-authenticate': `Bearer realm="api", error="${error}"`,
  });
}

/** The database of the signed-in coach (after `requireCoach`), through the storage seam. */
export function ownDb(c: Context<AppEnv>): D1Database {
  return coachDb(c.env, c.get('coachId'));
}
