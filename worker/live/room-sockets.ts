/** What a SessionRoom keeps per socket (who, until when, through which link) and the rules for letting sockets in and closing them. */
import type { Actor } from '../../shared/protocol';
import { SOCKET_LIMITS } from './rate-limit';

/** Serialised with each hibernatable socket. `expiresAtMs`: the coach token's or the coachee link's end. */
export type Attachment = { actor: Actor; sessionId: string; expiresAtMs: number; engagementId?: string; linkVersion?: number };

/** Close codes the clients see (4xxx: application-defined, RFC 6455 §7.4.2). */
export const CLOSE = {
  /** Link revoked, replaced or expired, or the coach's token ran out: reconnect with a valid one. */
  expired: 4401,
  /** The trajectory was closed: the link may still read, over REST, but not stay live. */
  closed: 4403,
  /** Erased with the coachee. */
  erased: 4410,
} as const;

/** Internal headers from the Worker (which authenticated the caller) to the room. */
export const ROOM_HEADERS = { session: 'x-session-id', actor: 'x-actor', expires: 'x-expires-at', engagement: 'x-engagement-id', linkVersion: 'x-link-version' } as const;

/** The attachment described by the Worker's internal headers, or null when they are incomplete. */
export function attachmentOf(headers: Headers): Attachment | null {
  const sessionId = headers.get(ROOM_HEADERS.session);
  const actor = headers.get(ROOM_HEADERS.actor);
  const expiresAtMs = Number(headers.get(ROOM_HEADERS.expires));
  if (!sessionId || (actor !== 'coach' && actor !== 'coachee') || !Number.isSafeInteger(expiresAtMs)) return null;
  if (actor === 'coach') return { actor, sessionId, expiresAtMs };
  const engagementId = headers.get(ROOM_HEADERS.engagement);
  const linkVersion = Number(headers.get(ROOM_HEADERS.linkVersion));
  return engagementId && Number.isSafeInteger(linkVersion) ? { actor, sessionId, expiresAtMs, engagementId, linkVersion } : null;
}

/** A 429 problem for a socket over its side's limit; the sockets already open are untouched. */
export function tooManySockets(actor: Actor): Response {
  const detail = `At most ${SOCKET_LIMITS[actor]} live connections per ${actor === 'coach' ? 'coach' : 'coachee link'} and session; close another tab first`;
  return new Response(JSON.stringify({ type: '/problems/rate-limited', title: 'Too many connections', status: 429, detail, errors: [] }), {
    status: 429,
    headers: { 'content-type': 'application/problem+json', 'retry-after': '10' },
  });
}

/** The earliest expiry among open sockets, for the room's alarm; null without sockets. */
export function nextExpiry(sockets: WebSocket[]): number | null {
  let next: number | null = null;
  for (const ws of sockets) {
    const { expiresAtMs } = ws.deserializeAttachment() as Attachment;
    if (next === null || expiresAtMs < next) next = expiresAtMs;
  }
  return next;
}
