/** Middleware: a valid bearer token is required; the coach id it names scopes every query after it. */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ApiProblem } from '../http/problem';
import { verifyCoachToken } from './tokens';

/**
 * Rejects requests without a valid `Authorization: Bearer <token>` with 401 problem+json.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export const requireCoach = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  // Browsers cannot set headers on a WebSocket, so the live socket alone may carry the token in its URL.
  const socket = c.req.header('upgrade')?.toLowerCase() === 'websocket' && c.req.path.endsWith('/live');
  const token = match?.[1] ?? (socket ? c.req.query('token') : undefined);
  if (!token) throw unauthorized('Sign in first: send Authorization: Bearer <token>', 'invalid_request');
  const coachId = await verifyCoachToken(c.env, token);
  if (!coachId) throw unauthorized('The token is invalid or has expired; sign in again', 'invalid_token');
  c.set('coachId', coachId);
  await next();
});

function unauthorized(detail: string, error: string) {
  return new ApiProblem(401, '/problems/unauthorized', detail, [{ in: 'header', field: 'authorization', pointer: '#/authorization', detail }], {
    'www-authenticate': `Bearer realm="api", error="${error}"`,
  });
}
