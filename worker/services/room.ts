/** Reaching a session's SessionRoom from routes: every write to a live session goes through its room. */
import type { Actor, LiveState, Op } from '../../shared/protocol';
import type { Env } from '../env';
import { ApiProblem } from '../http/problem';
import { ROOM_HEADERS } from '../live/room-sockets';
import { coachDb } from '../storage/databases';

/**
 * The room stub of one session, created in `DO_JURISDICTION` ("eu" in production): the room holds decrypted notes in memory.
 * @see https://developers.cloudflare.com/durable-objects/reference/data-location/#restrict-durable-objects-to-a-jurisdiction
 */
export const roomOf = (env: Env, sessionId: string) => {
  const ns = env.DO_JURISDICTION ? env.SESSION_ROOM.jurisdiction(env.DO_JURISDICTION) : env.SESSION_ROOM;
  return ns.get(ns.idFromName(sessionId));
};

const PROBLEM_TYPES: Record<number, string> = { 403: '/problems/forbidden', 404: '/problems/not-found', 409: '/problems/conflict', 429: '/problems/rate-limited', 503: '/problems/unavailable' };

/** A fresh op id for a write that arrived over REST. */
export const restOpId = () => crypto.randomUUID();

/**
 * Applies an op through the session's room and answers the room's rejection as problem+json.
 * @returns the sequence number the op got and the state after it
 */
export async function applyThroughRoom(env: Env, sessionId: string, op: Op, actor: Actor): Promise<{ seq: number; state: LiveState }> {
  const { result, state, retryAfterS } = await roomOf(env, sessionId).apply(sessionId, op, actor);
  if (result.type === 'rejected') {
    const type = PROBLEM_TYPES[result.status] ?? '/problems/validation';
    const errors = result.field ? [{ in: 'body' as const, field: result.field, pointer: `#/${result.field.split('.').join('/')}`, detail: result.detail }] : [];
    const retryAfter = result.status === 503 ? '1' : result.status === 429 ? String(retryAfterS ?? 1) : null;
    throw new ApiProblem(result.status, type, result.detail, errors, retryAfter ? { 'retry-after': retryAfter } : {});
  }
  return { seq: result.seq, state };
}

/** Who connects: the coach until their token runs out, or a coachee through one version of their engagement's link. */
export type RoomVisitor = { actor: 'coach'; expiresAtMs: number } | { actor: 'coachee'; expiresAtMs: number; engagementId: string; linkVersion: number };

/**
 * Forwards a WebSocket upgrade to the room, saying who connects and until when (the room closes the socket then). The room
 * gets a fixed internal URL, never the caller's, which may carry a token.
 */
export function connectToRoom(env: Env, request: Request, sessionId: string, visitor: RoomVisitor): Promise<Response> {
  if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
    throw new ApiProblem(426, 'about:blank', 'Connect with a WebSocket (Upgrade: websocket)', [
      { in: 'header', field: 'upgrade', pointer: '#/upgrade', detail: 'must be websocket' },
    ]);
  }
  const headers = new Headers(request.headers);
  headers.set(ROOM_HEADERS.session, sessionId);
  headers.set(ROOM_HEADERS.actor, visitor.actor);
  headers.set(ROOM_HEADERS.expires, String(visitor.expiresAtMs));
  if (visitor.actor === 'coachee') {
    headers.set(ROOM_HEADERS.engagement, visitor.engagementId);
    headers.set(ROOM_HEADERS.linkVersion, String(visitor.linkVersion));
  }
  return roomOf(env, sessionId).fetch(new Request('https://room.internal/live', { headers }));
}

/** Closes the coachee sockets of every session of an engagement: its link was revoked or replaced, or the trajectory closed. */
export async function closeCoacheeSockets(env: Env, coachId: string, engagementId: string, why: 'expired' | 'closed' = 'expired'): Promise<void> {
  const { results } = await coachDb(env, coachId).prepare('SELECT id FROM sessions WHERE engagement_id = ?1 AND coach_id = ?2').bind(engagementId, coachId).all<{ id: string }>();
  await Promise.all(results.map((s) => roomOf(env, s.id).closeCoachees(why)));
}
