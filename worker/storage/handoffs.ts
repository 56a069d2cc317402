/** D1 repository for hand-off codes: the SHA-256 of a single-use code, the coach it signs in as, and when it stops working. */
import { batch, first, run, sql } from './sql';

/** A code as stored; `auth_time` in epoch seconds, `expires_at` in epoch milliseconds. */
export type HandoffRow = { coach_id: string; auth_time: number; expires_at: number };

/** A code to store: its hash, never the code itself. */
export type NewHandoff = { codeHash: string; coachId: string; authTime: number; expiresAtMs: number };

/** Stores codes in one batch (all or none). */
export async function insertHandoffs(db: D1Database, codes: readonly NewHandoff[]): Promise<void> {
  await batch(
    db,
    codes.map((h) => sql(db)`INSERT INTO auth_handoffs (code_hash, coach_id, auth_time, expires_at) VALUES (${h.codeHash}, ${h.coachId}, ${h.authTime}, ${h.expiresAtMs})`),
  );
}

/**
 * Removes the code with this hash and answers what it held, in one statement, so two requests racing with the same code
 * cannot both get it: the second finds nothing. An expired code is removed too (the caller refuses it).
 * @see https://www.sqlite.org/lang_returning.html
 */
export function takeHandoff(db: D1Database, codeHash: string): Promise<HandoffRow | null> {
  return first<HandoffRow>(sql(db)`DELETE FROM auth_handoffs WHERE code_hash = ${codeHash} RETURNING coach_id, auth_time, expires_at`);
}

/** Removes the codes that expired by `nowMs` (what no one used). */
export async function pruneHandoffs(db: D1Database, nowMs: number): Promise<void> {
  await run(sql(db)`DELETE FROM auth_handoffs WHERE expires_at <= ${nowMs}`);
}
