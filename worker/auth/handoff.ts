/** Single-use hand-off codes: how an add-on card opens the panel signed in without a bearer token in its link; cron prunes them. */
import { sha256Hex } from '../http/hash';
import { CRON_TASKS } from '../jobs/cron';
import { insertHandoffs, pruneHandoffs, takeHandoff, type NewHandoff } from '../storage/handoffs';
import { directoryDb } from '../storage/databases';

/**
 * How long a hand-off code works. Google renders and stores the card that holds it, so it is short: a coach who clicks
 * later gets a fresh code by reopening the add-on.
 */
export const HANDOFF_TTL_MS = 2 * 60_000;

/** A code as it travels: 128 random bits, 32 lowercase hex characters. */
export const HANDOFF_CODE = /^[0-9a-f]{32}$/;

/** A fresh code: 128 bits from the platform's CSPRNG. @see https://developer.mozilla.org/docs/Web/API/Crypto/getRandomValues */
function newCode(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The codes one response hands out, one per link: `next()` mints a code while a card is built (synchronously), `save()`
 * stores their hashes before the response leaves. Each code signs in as `coachId` with `auth_time` = `authTime`.
 */
export class HandoffCodes {
  private readonly codes: string[] = [];

  constructor(
    private readonly coachId: string,
    private readonly authTime: number,
  ) {}

  /** A new code for one link. */
  next(): string {
    const code = newCode();
    this.codes.push(code);
    return code;
  }

  /** Stores every code minted so far (only their SHA-256), valid for HANDOFF_TTL_MS from `nowMs`. */
  async save(db: D1Database, nowMs: number): Promise<void> {
    const rows: NewHandoff[] = await Promise.all(
      this.codes.splice(0).map(async (code) => ({ codeHash: await sha256Hex(code), coachId: this.coachId, authTime: this.authTime, expiresAtMs: nowMs + HANDOFF_TTL_MS })),
    );
    if (rows.length) await insertHandoffs(db, rows);
  }
}

/** Trades a code for whom it signs in (and since when); null when it is unknown, already used or expired. Either way it is gone after this. */
export async function redeemHandoff(db: D1Database, code: string, nowMs: number): Promise<{ coachId: string; authTime: number } | null> {
  if (!HANDOFF_CODE.test(code)) return null;
  const row = await takeHandoff(db, await sha256Hex(code));
  if (!row || row.expires_at <= nowMs) return null;
  return { coachId: row.coach_id, authTime: row.auth_time };
}

/** Expired codes nobody used are removed on every cron run. */
CRON_TASKS.push((env, nowMs) => pruneHandoffs(directoryDb(env), nowMs));
