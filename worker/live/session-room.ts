/** SessionRoom Durable Object: one per session; serialises every write (validate → persist → broadcast) and fans out over hibernatable WebSockets. */
import { DurableObject } from 'cloudflare:workers';
import { applyOp } from '../../shared/reducers/apply-op';
import { ClientMessage, type Actor, type LiveState, type Op, type ServerMessage } from '../../shared/protocol';
import type { Env } from '../env';
import { runOpHooks } from './op-hooks';
import { Serial } from './serial';
import { OpLog } from './op-log';
import { OP_RULES, SOCKET_LIMITS, TokenBucket } from './rate-limit';
import { attachmentOf, CLOSE, nextExpiry, tooManySockets, type Attachment } from './room-sockets';
import { batch, StorageError } from '../storage/sql';
import { loadLiveState, opWrites } from '../storage/live-state';
import { getEngagementForLink } from '../storage/engagements';
import { findModel } from '../storage/models';
import { getSessionById, type SessionRow } from '../storage/sessions';
import { iso } from '../storage/time';
import { coachDb, directoryDb } from '../storage/databases';
import { logError } from '../http/log';

type Loaded = { session: SessionRow; state: LiveState; seq: number; phases: Set<string> };

/** The answer to one op: applied (with its sequence number) or rejected (for the sender only). */
export type ApplyResult = Extract<ServerMessage, { type: 'applied' }> | Extract<ServerMessage, { type: 'rejected' }>;

/**
 * One live coaching session. Ops from WebSockets and from REST routes pass through `apply`, one at a time.
 * @see https://developers.cloudflare.com/durable-objects/best-practices/websockets/#websocket-hibernation-api
 */
export class SessionRoom extends DurableObject<Env> {
  private loaded: Loaded | null = null;
  private readonly serial = new Serial();
  private readonly opLog = new OpLog(this.ctx.storage.sql);
  private readonly buckets = new Map<Actor, TokenBucket>();

  /**
   * Applies one op as `actor` and returns the state after it; a replayed op id answers its first result without applying again.
   * Over the side's op budget (see rate-limit.ts) it answers 429 and `retryAfterS`.
   */
  async apply(sessionId: string, op: Op, actor: Actor): Promise<{ result: ApplyResult; state: LiveState; retryAfterS?: number }> {
    const waitMs = this.throttle(actor);
    const { result } = waitMs ? { result: limited(op, waitMs) } : await this.serial.run(() => this.applyNow(sessionId, op, actor));
    const state = this.loaded?.state ?? (await this.snapshot(sessionId, 'coach')).state;
    return { result, state: actor === 'coach' ? state : { ...state, notes: null }, ...(waitMs ? { retryAfterS: Math.ceil(waitMs / 1000) } : {}) };
  }

  /** The current state and sequence (notes only for the coach). */
  snapshot(sessionId: string, actor: Actor): Promise<{ seq: number; state: LiveState }> {
    return this.serial.run(async () => {
      const l = await this.load(sessionId);
      return { seq: l.seq, state: actor === 'coach' ? l.state : { ...l.state, notes: null } };
    });
  }

  /** Forgets cached state (after a change made outside the room, such as switching the model). */
  async invalidate(): Promise<void> {
    await this.serial.run(async () => {
      this.loaded = null;
    });
  }

  /** Closes the coachee's sockets: their link was revoked or replaced (`expired`), or the trajectory was closed; the coach stays connected. */
  async closeCoachees(why: 'expired' | 'closed' = 'expired'): Promise<void> {
    for (const ws of this.ctx.getWebSockets('coachee')) ws.close(CLOSE[why], why === 'closed' ? 'trajectory closed' : 'link revoked');
  }

  /** Erasure: closes every socket and deletes all of this room's storage (its op log included). */
  async erase(): Promise<void> {
    await this.serial.run(async () => {
      for (const ws of this.ctx.getWebSockets()) ws.close(CLOSE.erased, 'erased');
      this.loaded = null;
      await this.ctx.storage.deleteAll();
      this.opLog.forget();
    });
  }

  /** WebSocket upgrade; the Worker has authenticated the caller and says who it is, and until when, in internal headers. */
  override async fetch(request: Request): Promise<Response> {
    const attachment = attachmentOf(request.headers);
    if (!attachment) return new Response('bad room request', { status: 400 });
    const { actor, sessionId } = attachment;
    if (this.ctx.getWebSockets(actor).length >= SOCKET_LIMITS[actor]) return tooManySockets(actor);
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, [actor]);
    server.serializeAttachment(attachment satisfies Attachment);
    await this.scheduleExpiry();
    const snap = await this.snapshot(sessionId, actor);
    server.send(JSON.stringify({ type: 'snapshot', ...snap } satisfies ServerMessage));
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const attachment = ws.deserializeAttachment() as Attachment;
    const { actor, sessionId } = attachment;
    if (attachment.expiresAtMs <= Date.now()) return ws.close(CLOSE.expired, 'expired');
    const reject = (opId: string | null, status: number, title: string, detail: string) =>
      ws.send(JSON.stringify({ type: 'rejected', opId, status, title, detail } satisfies ServerMessage));
    let raw: unknown = undefined;
    try {
      raw = JSON.parse(typeof message === 'string' ? message : new TextDecoder().decode(message));
    } catch {
      raw = undefined;
    }
    const opId = typeof (raw as { op?: { opId?: unknown } })?.op?.opId === 'string' ? (raw as { op: { opId: string } }).op.opId : null;
    // Every message counts, malformed ones too; the op id lets the sender keep the op and send it again later.
    const waitMs = this.throttle(actor);
    if (waitMs) return reject(opId, 429, 'Too many changes', `Slow down: send again in ${Math.ceil(waitMs / 1000)} s`);
    if (raw === undefined) return reject(null, 400, 'Malformed message', 'The message is not valid JSON');
    const parsed = ClientMessage.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return reject(opId, 422, 'Invalid op', `${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'}`);
    }
    if (parsed.data.type === 'hello') {
      const snap = await this.snapshot(sessionId, actor);
      ws.send(JSON.stringify({ type: 'snapshot', ...snap } satisfies ServerMessage));
      return;
    }
    const op = parsed.data.op;
    if (actor === 'coachee') {
      const refusal = await this.coacheeRefusal(attachment);
      if (refusal === 'expired') return ws.close(CLOSE.expired, 'link no longer valid');
      if (refusal === 'closed') return reject(op.opId, 409, 'Trajectory closed', 'This coaching trajectory is closed; its page shows what happened but accepts no changes');
    }
    const { result, fresh } = await this.serial.run(() => this.applyNow(sessionId, op, actor));
    // A fresh op reached every socket through the broadcast; a replay or a rejection is answered to its sender only.
    if (!fresh) ws.send(JSON.stringify(result));
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    ws.close(code === 1005 || code === 1006 ? 1000 : code, 'bye');
  }

  /** Closes the sockets whose coach token or coachee link has run out, then waits for the next one. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    for (const ws of this.ctx.getWebSockets()) {
      if ((ws.deserializeAttachment() as Attachment).expiresAtMs <= now) ws.close(CLOSE.expired, 'expired');
    }
    await this.scheduleExpiry();
  }

  /** Sets the alarm to the earliest expiry among open sockets. */
  private async scheduleExpiry(): Promise<void> {
    const now = Date.now();
    const next = nextExpiry(this.ctx.getWebSockets().filter((ws) => (ws.deserializeAttachment() as Attachment).expiresAtMs > now));
    const current = await this.ctx.storage.getAlarm();
    if (next !== null && (current === null || current > next || current < now)) await this.ctx.storage.setAlarm(next);
  }

  /** Takes one op from `actor`'s budget: 0, or how long to wait. */
  private throttle(actor: Actor): number {
    const now = Date.now();
    let bucket = this.buckets.get(actor);
    if (!bucket) this.buckets.set(actor, (bucket = new TokenBucket(OP_RULES[actor], now)));
    return bucket.take(now);
  }

  /** Why a coachee socket may not write now: its link was replaced or ran out, or the trajectory was closed (read on every op). */
  private async coacheeRefusal(a: Attachment): Promise<'expired' | 'closed' | null> {
    const e = a.engagementId ? await getEngagementForLink(directoryDb(this.env), a.engagementId) : null;
    if (!e || e.link_version !== a.linkVersion || e.link_expires_at <= Date.now()) return 'expired';
    return e.status === 'closed' ? 'closed' : null;
  }

  private async applyNow(sessionId: string, op: Op, actor: Actor): Promise<{ result: ApplyResult; fresh: boolean }> {
    const reject = (status: number, title: string, detail: string, field?: string) => ({
      result: { type: 'rejected', opId: op.opId, status, title, detail, ...(field ? { field } : {}) } as ApplyResult,
      fresh: false,
    });
    const l = await this.load(sessionId);
    const earlier = this.opLog.find(op.opId);
    if (earlier && earlier.actor !== actor) return reject(409, 'Conflict', 'This op id was already used in this session; send the change with a new op id', 'opId');
    if (earlier) return { result: { type: 'applied', seq: earlier.seq, op, actor: earlier.actor, at: iso(earlier.at) }, fresh: false };
    if (op.kind === 'progress.set' && op.phase !== null && !l.phases.has(op.phase)) {
      return reject(422, 'Invalid op', `phase: "${op.phase}" is not a phase of this session's model`, 'phase');
    }
    const nowMs = Date.now();
    const at = iso(nowMs);
    const result = applyOp(l.state, op, { actor, now: at, sessionId });
    if (!result.ok) return reject(result.status, result.title, result.detail, result.field);
    const seq = l.seq + 1;
    this.opLog.record(op.opId, { seq, actor, at: nowMs });
    try {
      const db = coachDb(this.env, l.session.coach_id);
      await batch(db, await opWrites(db, this.env.NOTES_KEYS, op, result.state, { session: l.session, actor, nowMs, seq }));
    } catch (e) {
      this.loaded = null;
      // A client-chosen id this session (agenda) or coach (agreements) already uses: a conflict to report, not a fault to retry.
      if (e instanceof StorageError && e.isUniqueViolation) return reject(409, 'Conflict', 'This id is already in use; create the item with a new id', 'id');
      logError('room persist failed', e, op.kind);
      return reject(503, 'Not saved', 'The change could not be saved; send it again');
    }
    l.state = result.state;
    l.seq = seq;
    const applied = { type: 'applied' as const, seq, op, actor, at };
    this.broadcast(applied);
    this.ctx.waitUntil(runOpHooks(this.env, { coachId: l.session.coach_id, engagementId: l.session.engagement_id, sessionId }, op));
    return { result: applied, fresh: true };
  }

  private broadcast(msg: Extract<ServerMessage, { type: 'applied' }>): void {
    const text = JSON.stringify(msg);
    for (const ws of this.ctx.getWebSockets()) {
      const { actor } = ws.deserializeAttachment() as Attachment;
      if (actor === 'coachee' && msg.op.kind === 'notes.set') continue;
      try {
        ws.send(text);
      } catch {
        // A socket that is closing misses this op; it gets a fresh snapshot when it reconnects.
      }
    }
  }

  private async load(sessionId: string): Promise<Loaded> {
    if (this.loaded && this.loaded.session.id === sessionId) return this.loaded;
    const session = await getSessionById(directoryDb(this.env), sessionId);
    if (!session) throw new Error(`session ${sessionId} not found`);
    const db = coachDb(this.env, session.coach_id);
    const [state, model] = await Promise.all([
      loadLiveState(db, this.env.NOTES_KEYS, session, true),
      findModel(db, session.coach_id, session.model_id, 'nl'),
    ]);
    this.opLog.settle(session.seq, Date.now());
    this.loaded = { session, state, seq: session.seq, phases: new Set(model?.phases.map((p) => p.key) ?? []) };
    return this.loaded;
  }
}

/** The answer to an op over its side's budget. */
function limited(op: Op, waitMs: number): ApplyResult {
  return { type: 'rejected', opId: op.opId, status: 429, title: 'Too many changes', detail: `Slow down: send again in ${Math.ceil(waitMs / 1000)} s` };
}
