/** One participant's live session: the room's confirmed state plus this client's queued ops, persisted so nothing typed is lost. */
import { computed, createModel, effect, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import { applyOp } from '../../../shared/reducers/apply-op';
import type { Actor, LiveState, Op, ServerMessage } from '../../../shared/protocol';
import type { Clock, KeyValueStore, LiveLink, Problem } from '../ports';

/** What the sync badge shows: first connection attempt, in sync, edits on their way, or no connection (after any failed or dropped one). */
export type SyncState = 'connecting' | 'live' | 'saving' | 'offline';

/** An op this client made that the room has not acknowledged yet, with the moment it was made. */
export type QueuedOp = { op: Op; at: string };

/** How long to wait before sending an op again that the room could not save (status 5xx) or took too many of (429). */
export const RETRY_AFTER_MS = 2_000;

type Saved = { v: 1; seq: number; state: LiveState; queue: QueuedOp[] };

/** Where the model starts: the state from the REST load (`null` when offline), and where it persists. */
export type LiveSyncOptions = {
  sessionId: string;
  actor: Actor;
  clock: Clock;
  store: KeyValueStore;
  storeKey: string;
  initial: { seq: number; state: LiveState } | null;
};

/** Where a participant's live state and queue of one session are kept in the store. */
export const liveStoreKey = (actor: Actor, sessionId: string) => `live:${actor}:${sessionId}`;

function readSaved(store: KeyValueStore, key: string): Saved | null {
  try {
    const raw = store.get(key);
    const saved = raw ? (JSON.parse(raw) as Saved) : null;
    return saved && saved.v === 1 && Array.isArray(saved.queue) ? saved : null;
  } catch {
    return null;
  }
}

/**
 * The live-sync model. The room's order is the truth: `confirmed` only changes by a snapshot or
 * by an `applied` message, in sequence; `view` is `confirmed` with this client's queued ops
 * applied on top by the same `applyOp` the room runs, so an edit shows at once and both sides
 * converge on the room's order. The queue is saved after every change and sent again after every
 * (re)connect; a replayed op is answered by the room with its original `applied`, never applied twice.
 * Notes are kept out of storage; only an unsent `notes.set` op holds note text until it is sent.
 * @see /work/shared/DESIGN.md "Durable Object SessionRoom" and shared/schemas/live.ts for the protocol
 */
export const LiveSync = createModel((opts: LiveSyncOptions) => {
  const saved = readSaved(opts.store, opts.storeKey);
  const fromServer = opts.initial !== null && (saved === null || opts.initial.seq >= saved.seq);
  const start = fromServer ? opts.initial : saved;

  const confirmed = signal<LiveState | null>(start ? start.state : null);
  const seq = signal(start ? start.seq : -1);
  const queue = signal<QueuedOp[]>(saved ? saved.queue : []);
  const connection = signal<'connecting' | 'open' | 'closed'>('connecting');
  const inSync = signal(false);
  const triedOnce = signal(false);
  const notesKnown = signal(fromServer && opts.initial?.state.notes !== null);
  const problem = signal<Problem | null>(null);
  let link: LiveLink | null = null;

  const ctx = (now: string, actor: Actor = opts.actor) => ({ actor, now, sessionId: opts.sessionId });

  const view = computed<LiveState | null>(() => {
    let state = confirmed.value;
    if (!state) return null;
    for (const queued of queue.value) {
      const result = applyOp(state, queued.op, ctx(queued.at));
      if (result.ok) state = result.state;
    }
    return state;
  });

  const syncState = computed<SyncState>(() => {
    if (connection.value === 'open' && inSync.value) return queue.value.length > 0 ? 'saving' : 'live';
    return triedOnce.value ? 'offline' : 'connecting';
  });

  effect(() => {
    const state = confirmed.value;
    if (!state) return;
    const record: Saved = { v: 1, seq: seq.value, state: { ...state, notes: null }, queue: queue.value };
    opts.store.set(opts.storeKey, JSON.stringify(record));
  });

  function dequeue(opId: string): void {
    if (queue.value.some((q) => q.op.opId === opId)) queue.value = queue.value.filter((q) => q.op.opId !== opId);
  }

  function onApplied(msg: Extract<ServerMessage, { type: 'applied' }>): void {
    if (msg.seq > seq.value && confirmed.value) {
      const result = applyOp(confirmed.value, msg.op, ctx(msg.at, msg.actor));
      if (!result.ok) {
        link?.resync();
        return;
      }
      confirmed.value = result.state;
      seq.value = msg.seq;
      if (msg.op.kind === 'notes.set') notesKnown.value = true;
    }
    dequeue(msg.op.opId);
  }

  return {
    /** The state to render: confirmed plus queued edits. `null` until any state is known. */
    view: view as ReadonlySignal<LiveState | null>,
    /** The last room sequence number applied. */
    seq: seq as ReadonlySignal<number>,
    /** Ops made here and not yet acknowledged by the room. */
    queued: computed(() => queue.value.length),
    syncState,
    /** Whether the notes shown came from the room in this page's life (so editing them cannot overwrite unseen text). */
    notesKnown: notesKnown as ReadonlySignal<boolean>,
    /** The last refused edit or room error, for the user. */
    problem: problem as ReadonlySignal<Problem | null>,

    /** Applies an op here at once, queues it and sends it when connected. Refused ops (same rules as the room) answer false and set `problem`. */
    submit(op: Op): boolean {
      const current = view.value;
      if (!current) return false;
      const at = new Date(opts.clock.now()).toISOString();
      const result = applyOp(current, op, ctx(at));
      if (!result.ok) {
        problem.value = { title: result.title, detail: result.detail, status: result.status };
        return false;
      }
      queue.value = [...queue.value, { op, at }];
      if (link && inSync.value) link.send({ type: 'op', op });
      return true;
    },
    /** The shell started a connection attempt. */
    connecting(): void {
      connection.value = 'connecting';
    },
    /** The socket is open; the room's snapshot follows. */
    opened(next: LiveLink): void {
      link = next;
      connection.value = 'open';
      inSync.value = false;
    },
    /** The socket closed or failed; edits keep queueing. */
    closed(): void {
      link = null;
      connection.value = 'closed';
      inSync.value = false;
      triedOnce.value = true;
    },
    /** One message from the room. */
    received(msg: ServerMessage): void {
      if (msg.type === 'snapshot') {
        confirmed.value = msg.state;
        seq.value = msg.seq;
        if (msg.state.notes !== null) notesKnown.value = true;
        inSync.value = true;
        triedOnce.value = true;
        for (const queued of queue.value) link?.send({ type: 'op', op: queued.op });
      } else if (msg.type === 'applied') {
        onApplied(msg);
      } else if ((msg.status >= 500 || msg.status === 429) && msg.opId !== null) {
        // Not saved (a storage hiccup) or too many at once (429): keep the op and send it again shortly; the room applies it once.
        const opId = msg.opId;
        opts.clock.schedule(() => {
          const queued = queue.value.find((q) => q.op.opId === opId);
          if (queued && inSync.value) link?.send({ type: 'op', op: queued.op });
        }, RETRY_AFTER_MS);
      } else {
        if (msg.opId !== null) dequeue(msg.opId);
        problem.value = { title: msg.title, detail: msg.detail, status: msg.status };
      }
    },
    dismissProblem(): void {
      problem.value = null;
    },
  };
});

/** An instance of the live-sync model. */
export type LiveSyncModel = InstanceType<typeof LiveSync>;
