/** The one reducer for live-session ops: permissions, validation against the current state, and the new state. */
import type { LiveState, Op } from '../schemas/live';
import { addAgendaItem, removeAgendaItem, updateAgendaItem } from './agenda';
import { addAgreement, removeAgreement, updateAgreement } from './agreements';
import { setProgress } from './progress';
import { forbidden } from './rejections';

/** Who applies the op, when (server clock, ISO instant), and in which session. */
export type OpContext = { actor: 'coach' | 'coachee'; now: string /* ISO instant */; sessionId: string };
/** Why an op was refused; `status` follows RFC 9457 problem+json semantics (403 not allowed, 404 unknown id, 409 conflict, 422 limit). */
export type OpRejection = { ok: false; status: 403 | 404 | 409 | 422; title: string; detail: string; field?: string };
/** The new state, or why the op was refused (the state is then unchanged). */
export type OpResult = { ok: true; state: LiveState } | OpRejection;

/**
 * Applies one op to a live session's state, exactly as both the SessionRoom Durable Object and the
 * panel do, so both sides agree on the result and on what is allowed.
 *
 * The op is expected to have passed the `Op` zod schema (shared/schemas/live.ts): text limits, id
 * shapes and phase-key shapes are checked there; this function checks what needs the state —
 * permissions, unknown and duplicate ids, list limits. The input state is never mutated.
 *
 * Permissions: the coach may do everything. The coachee may add agenda items, edit or remove the
 * items they proposed, and change only the `status` of agreements whose `who` is `coachee`.
 * @see https://www.rfc-editor.org/rfc/rfc9457 for the status/title/detail shape of rejections
 */
export function applyOp(state: LiveState, op: Op, ctx: OpContext): OpResult {
  switch (op.kind) {
    case 'agenda.add':
      return addAgendaItem(state, op, ctx);
    case 'agenda.update':
      return updateAgendaItem(state, op, ctx);
    case 'agenda.remove':
      return removeAgendaItem(state, op, ctx);
    case 'agreement.add':
      return addAgreement(state, op, ctx);
    case 'agreement.update':
      return updateAgreement(state, op, ctx);
    case 'agreement.remove':
      return removeAgreement(state, op, ctx);
    case 'notes.set':
      if (ctx.actor !== 'coach') return forbidden('Only the coach can write the session notes.');
      return { ok: true, state: { ...state, notes: op.text } };
    case 'progress.set':
      return setProgress(state, op, ctx);
  }
}
