/** Lookups for the dev-only demo page: the seeded demo session, and which coach a session belongs to. */
import { first, sql } from './sql';

/** Id of the session seeded by `worker/storage/seed.sql`. */
export const DEMO_SESSION_ID = 'demo-session-today';

/** The coach id of a session, or null when there is no such session. */
export async function findSessionCoach(db: D1Database, sessionId: string): Promise<string | null> {
  const row = await first<{ coach_id: string }>(sql(db)`SELECT coach_id FROM sessions WHERE id = ${sessionId}`);
  return row?.coach_id ?? null;
}

/** The seeded demo session's id, or null when the seed has not been applied. */
export async function findDemoSessionId(db: D1Database): Promise<string | null> {
  const row = await first<{ id: string }>(sql(db)`SELECT id FROM sessions WHERE id = ${DEMO_SESSION_ID}`);
  return row?.id ?? null;
}
