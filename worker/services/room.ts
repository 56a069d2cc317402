/** Reaching a session's SessionRoom from routes: every write to a live session goes through its room. */
import type { Actor, LiveState, Op } from '../../shared/protocol';
import type { Env } from '../env';
import { ApiProblem } from '../http/problem';

/** The room stub of one session. */
export const roomOf = (env: Env, sessionId: string) => env.SESSION_ROOM.get(env.SESSION_ROOM.idFromName(sessionId));

/** A fresh op id for a write that arrived over REST. */
export const restOpId = () => crypto.randomUUID();

/**
 * Applies an op through the session's room and answers the room's rejection as problem+json.
 * @returns the sequence number the op got and the state after it
 */
export async function applyThroughRoom(env: Env, sessionId: string, op: Op, actor: Actor): Promise<{ seq: number; state: LiveState }> {
  const { result, state } = await roomOf(env, sessionId).apply(sessionId, op, actor);
  if (result.type === 'rejected') {
    const type = result.status === 404 ? '/problems/not-found' : result.status === 403 ? '/problems/forbidden' : result.status === 409 ? '/problems/conflict' : '/problems/validation';
    throw new ApiProblem(result.status, type, result.detail);
  }
  return { seq: result.seq, state };
}

/** Forwards a WebSocket upgrade to the room, saying who connects. */
export function connectToRoom(env: Env, request: Request, sessionId: string, actor: Actor): Promise<Response> {
  if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
    throw new ApiProblem(426, 'about:blank', 'Connect with a WebSocket (Upgrade: websocket)', [
      { in: 'header', field: 'upgrade', pointer: '#/upgrade', detail: 'must be websocket' },
    ]);
  }
  const headers = new Headers(request.headers);
  headers.set('x-session-id', sessionId);
  headers.set('x-actor', actor);
  return roomOf(env, sessionId).fetch(new Request(request.url, { headers }));
}
