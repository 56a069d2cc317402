/** Agreement ops (WWW: who does what, by when): add, update, remove; coachee may only tick their own. */
import type { Agreement, LiveState, Op } from '../schemas/live';
import { LIMITS } from '../schemas/limits';
import type { OpContext, OpResult } from './apply-op';
import { conflict, forbidden, notFound, unprocessable } from './rejections';

type AgreementAdd = Extract<Op, { kind: 'agreement.add' }>;
type AgreementUpdate = Extract<Op, { kind: 'agreement.update' }>;
type AgreementRemove = Extract<Op, { kind: 'agreement.remove' }>;

/** Records a new open agreement of this session (coach only). */
export function addAgreement(state: LiveState, op: AgreementAdd, ctx: OpContext): OpResult {
  if (ctx.actor !== 'coach') return forbidden('Only the coach records agreements.');
  if (state.agreements.some((a) => a.id === op.id)) return conflict(`Agreement ${op.id} already exists.`, 'id');
  if (state.agreements.length >= LIMITS.agreements) return unprocessable(`A session holds at most ${LIMITS.agreements} agreements.`, 'agreements');
  const agreement: Agreement = {
    id: op.id,
    sessionId: ctx.sessionId,
    who: op.who,
    what: op.what,
    due: op.due ?? null,
    status: 'open',
    carriedOver: false,
    updatedAt: ctx.now,
  };
  return { ok: true, state: { ...state, agreements: [...state.agreements, agreement] } };
}

/**
 * Merges a patch into an agreement and stamps `updatedAt`. The coachee may only change `status`,
 * and only of agreements whose `who` is `coachee`.
 */
export function updateAgreement(state: LiveState, op: AgreementUpdate, ctx: OpContext): OpResult {
  const current = state.agreements.find((a) => a.id === op.id);
  if (!current) return notFound(`No agreement ${op.id} in this session.`);
  const { who, what, due, status } = op.patch;
  if (ctx.actor === 'coachee') {
    if (current.who !== 'coachee') return forbidden('A coachee can only tick off their own agreements.');
    const other = Object.entries({ who, what, due }).find(([, value]) => value !== undefined);
    if (other) return forbidden('A coachee can only change the status of an agreement.', other[0]);
  }
  const next: Agreement = { ...current, updatedAt: ctx.now };
  if (who !== undefined) next.who = who;
  if (what !== undefined) next.what = what;
  if (due !== undefined) next.due = due;
  if (status !== undefined) next.status = status;
  return { ok: true, state: { ...state, agreements: state.agreements.map((a) => (a.id === op.id ? next : a)) } };
}

/** Deletes an agreement made in this session (coach only); carried-over ones are dropped via status instead. */
export function removeAgreement(state: LiveState, op: AgreementRemove, ctx: OpContext): OpResult {
  if (ctx.actor !== 'coach') return forbidden('Only the coach removes agreements.');
  const current = state.agreements.find((a) => a.id === op.id);
  if (!current) return notFound(`No agreement ${op.id} in this session.`);
  if (current.carriedOver || current.sessionId !== ctx.sessionId) {
    return conflict('This agreement was made in an earlier session; set its status to "dropped" instead of removing it.', 'status');
  }
  return { ok: true, state: { ...state, agreements: state.agreements.filter((a) => a.id !== op.id) } };
}
