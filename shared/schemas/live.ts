/** Live-session state and the ops both sides send through the session's room; one reducer applies them everywhere. */
import { z } from 'zod';
import { AgendaItem, AgendaItemPatch, Agreement, AgreementPatch, Author } from './session';
import { Due, Id, Instant, LIMITS, Who, text } from './common';
import { PhaseKey } from './model';

/** Time spent per phase and which phase is current. */
export const Progress = z.object({
  phase: z.string().nullable(),
  phaseStartedAt: Instant.nullable(),
  spentMs: z.record(z.string(), z.number()),
});
export type Progress = z.infer<typeof Progress>;

/** What a session room holds and both sides render (notes only for the coach). */
export const LiveState = z.object({
  agenda: z.array(AgendaItem),
  agreements: z.array(Agreement),
  progress: Progress,
  notes: z.string().nullable(),
});
export type LiveState = z.infer<typeof LiveState>;

const opBase = { opId: Id };

/** Every change to a live session, whoever makes it and by whichever route. */
export const Op = z.discriminatedUnion('kind', [
  z.strictObject({ ...opBase, kind: z.literal('agenda.add'), id: Id, title: text(LIMITS.title), position: z.number().finite().optional(), done: z.boolean().optional() }),
  z.strictObject({ ...opBase, kind: z.literal('agenda.update'), id: Id, patch: AgendaItemPatch }),
  z.strictObject({ ...opBase, kind: z.literal('agenda.remove'), id: Id }),
  z.strictObject({ ...opBase, kind: z.literal('agreement.add'), id: Id, who: Who, what: text(LIMITS.what), due: Due.nullable().optional() }),
  z.strictObject({ ...opBase, kind: z.literal('agreement.update'), id: Id, patch: AgreementPatch }),
  z.strictObject({ ...opBase, kind: z.literal('agreement.remove'), id: Id }),
  z.strictObject({ ...opBase, kind: z.literal('notes.set'), text: z.string().max(LIMITS.notes) }),
  z.strictObject({ ...opBase, kind: z.literal('progress.set'), phase: PhaseKey.nullable() }),
]);
export type Op = z.infer<typeof Op>;
export type OpKind = Op['kind'];

/** Who applies an op: the coach, or the coachee through their link. */
export type Actor = z.infer<typeof Author>;

/** Client → room messages over the WebSocket. */
export const ClientMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('op'), op: Op }),
  z.strictObject({ type: z.literal('hello'), lastSeq: z.int().min(0).optional() }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Room → client messages: a full snapshot, an applied op (with the resulting server sequence), or a rejection meant for one client only. */
export const ServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), seq: z.int(), state: LiveState }),
  z.object({ type: z.literal('applied'), seq: z.int(), op: Op, actor: Author, at: Instant }),
  z.object({ type: z.literal('rejected'), opId: z.string().nullable(), status: z.int(), title: z.string(), detail: z.string(), field: z.string().optional() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

export type { AgendaItem, Agreement };
