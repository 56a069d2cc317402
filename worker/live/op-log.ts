/** The SessionRoom's own record of applied op ids (its SQLite storage), so a resent op is applied once and answered to its sender only. */
import type { Actor } from '../../shared/protocol';

/** How long op ids are kept; clients resend within minutes, not weeks. */
export const OP_LOG_RETENTION_MS = 30 * 24 * 3600_000;

/** One applied op as the room remembers it. */
export type LoggedOp = { seq: number; actor: Actor; at: number };

/**
 * Op ids of one session in the Durable Object's SQLite storage. An op id is written before its D1 batch is sent: the output
 * gate holds the D1 request until the row is durable, and a row whose `seq` the session never reached (the batch failed or
 * the room died first) is dropped by `settle` when the room loads the session again.
 * @see https://developers.cloudflare.com/durable-objects/api/sqlite-storage-api/
 * @see https://blog.cloudflare.com/durable-objects-easy-fast-correct-choose-three/#output-gates
 */
export class OpLog {
  private ready = false;

  constructor(private readonly sql: SqlStorage) {}

  /** The earlier application of `opId` in this session, if any. */
  find(opId: string): LoggedOp | null {
    const row = this.table().exec<{ seq: number; actor: string; at: number }>('SELECT seq, actor, at FROM applied_ops WHERE op_id = ?', opId).toArray()[0];
    return row ? { seq: row.seq, actor: row.actor as Actor, at: row.at } : null;
  }

  /** Records `opId` as applied at `seq`, before its D1 write goes out. */
  record(opId: string, op: LoggedOp): void {
    this.table().exec('INSERT OR REPLACE INTO applied_ops (op_id, seq, actor, at) VALUES (?, ?, ?, ?)', opId, op.seq, op.actor, op.at);
  }

  /** Drops op ids the session's committed sequence never reached, and those past retention. */
  settle(committedSeq: number, nowMs: number): void {
    this.table().exec('DELETE FROM applied_ops WHERE seq > ? OR at < ?', committedSeq, nowMs - OP_LOG_RETENTION_MS);
  }

  /** After `deleteAll()` the table is gone; it is created again on next use. */
  forget(): void {
    this.ready = false;
  }

  private table(): SqlStorage {
    if (!this.ready) {
      this.sql.exec('CREATE TABLE IF NOT EXISTS applied_ops (op_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, actor TEXT NOT NULL, at INTEGER NOT NULL)');
      this.ready = true;
    }
    return this.sql;
  }
}
