/** D1 repository for OAuth flows in progress: stored by the hash of their state (or connect link), taken once. */
import { first, run, sql } from './sql';

/** A flow as stored (`expires_at` in epoch ms); the sealed secrets hold the PKCE verifier and the nonce. */
export type OAuthFlowRow = {
  purpose: 'sign-in' | 'connect-link' | 'connect';
  provider: 'google' | 'microsoft' | 'zoom';
  coach_id: string | null;
  browser_hash: string | null;
  key_id: string | null;
  iv: string | null;
  secrets: string | null;
  expires_at: number;
};

/** Stores a flow under the hash of its state or link code. */
export const insertFlow = (db: D1Database, keyHash: string, f: OAuthFlowRow) =>
  run(sql(db)`INSERT INTO oauth_flows (key_hash, purpose, provider, coach_id, browser_hash, key_id, iv, secrets, expires_at)
    VALUES (${keyHash}, ${f.purpose}, ${f.provider}, ${f.coach_id}, ${f.browser_hash}, ${f.key_id}, ${f.iv}, ${f.secrets}, ${f.expires_at})`);

/**
 * Removes the flow with this hash and answers it, in one statement: of two requests with the same state only one gets it, so a
 * replayed callback finds nothing. An expired flow is removed too (the caller refuses it).
 * @see https://www.sqlite.org/lang_returning.html
 */
export const takeFlow = (db: D1Database, keyHash: string) =>
  first<OAuthFlowRow>(sql(db)`DELETE FROM oauth_flows WHERE key_hash = ${keyHash} RETURNING purpose, provider, coach_id, browser_hash, key_id, iv, secrets, expires_at`);

/** Removes flows that expired by `nowMs` (consent pages left open, links never opened). */
export const pruneFlows = (db: D1Database, nowMs: number) => run(sql(db)`DELETE FROM oauth_flows WHERE expires_at <= ${nowMs}`);
