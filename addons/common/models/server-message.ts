/** Checks room → client messages at the socket boundary without zod (the panel's JS budget has no room for it). */
import type { ServerMessage } from '../../../shared/protocol';

const ACTORS = new Set(['coach', 'coachee']);
const OP_KINDS = new Set([
  'agenda.add',
  'agenda.update',
  'agenda.remove',
  'agreement.add',
  'agreement.update',
  'agreement.remove',
  'notes.set',
  'progress.set',
]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function isLiveState(v: unknown): boolean {
  if (!isObject(v) || !Array.isArray(v.agenda) || !Array.isArray(v.agreements)) return false;
  if (!(v.notes === null || isString(v.notes))) return false;
  const p = v.progress;
  return isObject(p) && (p.phase === null || isString(p.phase)) && (p.phaseStartedAt === null || isString(p.phaseStartedAt)) && isObject(p.spentMs);
}

function isOp(v: unknown): boolean {
  return isObject(v) && isString(v.opId) && isString(v.kind) && OP_KINDS.has(v.kind);
}

/**
 * Parses one WebSocket text frame into a `ServerMessage` (shared/schemas/live.ts), checking the
 * shape the client relies on; anything else answers `null` and is ignored. The room itself
 * validates every op fully with zod; this is the client's guard against a malformed frame.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/WebSocket/message_event
 */
export function parseServerMessage(frame: string): ServerMessage | null {
  let v: unknown;
  try {
    v = JSON.parse(frame);
  } catch {
    return null;
  }
  if (!isObject(v)) return null;
  switch (v.type) {
    case 'snapshot':
      return isInt(v.seq) && isLiveState(v.state) ? (v as ServerMessage) : null;
    case 'applied':
      return isInt(v.seq) && isOp(v.op) && isString(v.actor) && ACTORS.has(v.actor) && isString(v.at) ? (v as ServerMessage) : null;
    case 'rejected':
      return (v.opId === null || isString(v.opId)) && isInt(v.status) && isString(v.title) && isString(v.detail) ? (v as ServerMessage) : null;
    default:
      return null;
  }
}
