/** Agenda ops: add (fractional positions), update, remove; the list stays sorted by position. */
import type { AgendaItem, LiveState, Op } from '../schemas/live';
import { LIMITS } from '../schemas/limits';
import type { OpContext, OpResult } from './apply-op';
import { conflict, forbidden, notFound, unprocessable } from './rejections';

type AgendaAdd = Extract<Op, { kind: 'agenda.add' }>;
type AgendaUpdate = Extract<Op, { kind: 'agenda.update' }>;
type AgendaRemove = Extract<Op, { kind: 'agenda.remove' }>;

/** Adds an item, after the last one unless `position` is given; the item is marked as proposed by the actor. */
export function addAgendaItem(state: LiveState, op: AgendaAdd, ctx: OpContext): OpResult {
  if (state.agenda.some((item) => item.id === op.id)) return conflict(`Agenda item ${op.id} already exists.`, 'id');
  if (state.agenda.length >= LIMITS.agendaItems) return unprocessable(`An agenda holds at most ${LIMITS.agendaItems} items.`, 'agenda');
  const item: AgendaItem = {
    id: op.id,
    title: op.title,
    done: op.done ?? false,
    position: op.position ?? positionAfterLast(state.agenda),
    proposedBy: ctx.actor,
  };
  return { ok: true, state: { ...state, agenda: sortAgenda([...state.agenda, item]) } };
}

/** Changes title, done or position; a coachee may only change items they proposed. */
export function updateAgendaItem(state: LiveState, op: AgendaUpdate, ctx: OpContext): OpResult {
  const current = state.agenda.find((item) => item.id === op.id);
  if (!current) return notFound(`No agenda item ${op.id} in this session.`);
  if (ctx.actor === 'coachee' && current.proposedBy !== 'coachee') return forbidden('A coachee can only change the agenda items they proposed.');
  const next: AgendaItem = { ...current };
  if (op.patch.title !== undefined) next.title = op.patch.title;
  if (op.patch.done !== undefined) next.done = op.patch.done;
  if (op.patch.position !== undefined) next.position = op.patch.position;
  return { ok: true, state: { ...state, agenda: sortAgenda(state.agenda.map((item) => (item.id === op.id ? next : item))) } };
}

/** Removes an item; a coachee may only remove items they proposed. */
export function removeAgendaItem(state: LiveState, op: AgendaRemove, ctx: OpContext): OpResult {
  const current = state.agenda.find((item) => item.id === op.id);
  if (!current) return notFound(`No agenda item ${op.id} in this session.`);
  if (ctx.actor === 'coachee' && current.proposedBy !== 'coachee') return forbidden('A coachee can only remove the agenda items they proposed.');
  return { ok: true, state: { ...state, agenda: state.agenda.filter((item) => item.id !== op.id) } };
}

/** The default position for a new item: one after the highest position, or 1 for an empty agenda. */
export function positionAfterLast(agenda: readonly AgendaItem[]): number {
  if (agenda.length === 0) return 1;
  let max = -Infinity;
  for (const item of agenda) max = Math.max(max, item.position);
  return Math.floor(max) + 1;
}

/**
 * A position between two neighbours, for moving an item (`undefined` = list edge). Fractional
 * indexing: the midpoint, so no other item has to move.
 */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return Math.floor(before) + 1;
  return (before + after) / 2;
}

/** Sorted copy by position; equal positions fall back to id so every replica orders alike. */
export function sortAgenda(agenda: readonly AgendaItem[]): AgendaItem[] {
  return [...agenda].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
