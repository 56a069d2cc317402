/** D1 repository for touchpoints and their per-trajectory settings, scoped to their coach; also the scheduler's claim. */
import { CoacheePrefs, DEFAULT_COACHEE_PREFS, DEFAULT_TOUCHPOINT_SETTINGS, TouchpointSettings, type TouchpointKind, type TouchpointStatus } from '../../shared/protocol';
import type { DesiredTouchpoint } from '../../shared/touchpoints/plan';
import { all, first, run, sql, type Query } from './sql';

/** A touchpoint row as stored. */
export type TouchpointRow = {
  id: string;
  coach_id: string;
  engagement_id: string;
  key: string;
  kind: TouchpointKind;
  session_id: string | null;
  agreement_id: string | null;
  learning_id: string | null;
  due_at: number;
  status: TouchpointStatus;
  held_by: string | null;
  claimed_at: number | null;
  sent_at: number | null;
  answered_at: number | null;
  score: number | null;
  answer: string | null;
  created_at: number;
};

/** The trajectory's settings and the coachee's preferences, defaults filled in (stored JSON may predate newer fields). */
export type SettingsRow = { settings: TouchpointSettings; prefs: CoacheePrefs; closedAt: number | null };

/** The query of a trajectory's touchpoints, by due time (for a batch). */
export const touchpointsQuery = (db: D1Database, coachId: string, engagementId: string): Query =>
  sql(db)`SELECT * FROM touchpoints WHERE coach_id = ${coachId} AND engagement_id = ${engagementId} ORDER BY due_at, id`;

/** Touchpoints of one trajectory, by due time. */
export const listTouchpoints = (db: D1Database, coachId: string, engagementId: string) => all<TouchpointRow>(touchpointsQuery(db, coachId, engagementId));

/** One touchpoint of this coach. */
export const getTouchpoint = (db: D1Database, coachId: string, id: string) => first<TouchpointRow>(sql(db)`SELECT * FROM touchpoints WHERE id = ${id} AND coach_id = ${coachId}`);

/** Reads a trajectory's settings (defaults when none are stored yet). */
export async function getSettings(db: D1Database, coachId: string, engagementId: string): Promise<SettingsRow> {
  const row = await first<StoredSettings>(
    sql(db)`SELECT settings, coachee_prefs, closed_at FROM touchpoint_settings WHERE engagement_id = ${engagementId} AND coach_id = ${coachId}`,
  );
  return parseSettings(row);
}

/** A `touchpoint_settings` row as stored (its JSON columns unparsed). */
export type StoredSettings = { settings: string; coachee_prefs: string; closed_at: number | null };

/** A stored settings row (or none) with defaults filled in. */
export function parseSettings(row: StoredSettings | null): SettingsRow {
  const settings = TouchpointSettings.safeParse(deepDefaults(DEFAULT_TOUCHPOINT_SETTINGS, row ? JSON.parse(row.settings) : {}));
  const prefs = CoacheePrefs.safeParse({ ...DEFAULT_COACHEE_PREFS, ...(row ? JSON.parse(row.coachee_prefs) : {}) });
  return { settings: settings.success ? settings.data : DEFAULT_TOUCHPOINT_SETTINGS, prefs: prefs.success ? prefs.data : DEFAULT_COACHEE_PREFS, closedAt: row?.closed_at ?? null };
}

/** Stored values over defaults, one level deep per kind. */
export function deepDefaults<T extends Record<string, unknown>>(defaults: T, stored: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(stored)) {
    const d = (defaults as Record<string, unknown>)[k];
    out[k] = d && typeof d === 'object' && !Array.isArray(d) && v && typeof v === 'object' && !Array.isArray(v) ? { ...d, ...v } : v;
  }
  return out as T;
}

/** Writes the trajectory's settings, preferences and closing time in one upsert. */
export const saveSettings = (db: D1Database, coachId: string, engagementId: string, s: SettingsRow, nowMs: number): Query =>
  sql(db)`INSERT INTO touchpoint_settings (engagement_id, coach_id, settings, coachee_prefs, closed_at, updated_at)
    VALUES (${engagementId}, ${coachId}, ${JSON.stringify(s.settings)}, ${JSON.stringify(s.prefs)}, ${s.closedAt}, ${nowMs})
    ON CONFLICT (engagement_id) DO UPDATE SET settings = excluded.settings, coachee_prefs = excluded.coachee_prefs, closed_at = excluded.closed_at, updated_at = excluded.updated_at
    WHERE touchpoint_settings.coach_id = excluded.coach_id`;

/**
 * Inserts a desired touchpoint, or moves a planned (or planner-cancelled) one to its new due time. Rows the coach skipped,
 * rows of a cancelled session, and rows already sent or answered are never touched.
 */
export const upsertPlanned = (db: D1Database, coachId: string, engagementId: string, d: DesiredTouchpoint, nowMs: number): Query =>
  sql(db)`INSERT INTO touchpoints (id, coach_id, engagement_id, key, kind, session_id, agreement_id, learning_id, due_at, status, created_at)
    VALUES (${crypto.randomUUID()}, ${coachId}, ${engagementId}, ${d.key}, ${d.kind}, ${d.sessionId ?? null}, ${d.agreementId ?? null}, ${d.learningId ?? null}, ${d.dueAt}, 'planned', ${nowMs})
    ON CONFLICT (coach_id, engagement_id, key) DO UPDATE SET due_at = excluded.due_at, status = 'planned', claimed_at = NULL
    WHERE touchpoints.held_by IS NULL AND touchpoints.status IN ('planned', 'cancelled')`;

/** Cancels a planned touchpoint the planner no longer wants (it may come back when wanted again). */
export const cancelPlanned = (db: D1Database, coachId: string, id: string): Query =>
  sql(db)`UPDATE touchpoints SET status = 'cancelled', claimed_at = NULL WHERE id = ${id} AND coach_id = ${coachId} AND status = 'planned'`;

/** Holds a planned touchpoint for good (`skipped` by the coach, `cancelled` with its session): the planner leaves it alone. */
export const holdTouchpoint = (db: D1Database, coachId: string, id: string, status: 'skipped' | 'cancelled') =>
  first<TouchpointRow>(sql(db)`UPDATE touchpoints SET status = ${status}, held_by = 'coach', claimed_at = NULL WHERE id = ${id} AND coach_id = ${coachId} AND status = 'planned' RETURNING *`);

/** Cancels, for good, what is still planned for a session (the session was cancelled). */
export const cancelOfSession = (db: D1Database, coachId: string, sessionId: string) =>
  run(sql(db)`UPDATE touchpoints SET status = 'cancelled', held_by = 'session', claimed_at = NULL WHERE coach_id = ${coachId} AND session_id = ${sessionId} AND status = 'planned'`);

/** How long a claim holds before the scheduler claims the row again (its queue message may have been lost). */
export const CLAIM_LEASE_MS = 15 * 60_000;

/**
 * The scheduler's claim: marks up to `limit` planned touchpoints due by `nowMs` (and not claimed within the lease) as claimed
 * and answers them, in one statement served by the partial index `touchpoints_due`.
 */
export const claimDue = (db: D1Database, nowMs: number, limit: number) =>
  all<{ id: string; coach_id: string; engagement_id: string }>(sql(db)`UPDATE touchpoints SET claimed_at = ${nowMs}
    WHERE id IN (SELECT id FROM touchpoints WHERE status = 'planned' AND due_at <= ${nowMs} AND (claimed_at IS NULL OR claimed_at < ${nowMs - CLAIM_LEASE_MS}) ORDER BY due_at LIMIT ${limit})
    RETURNING id, coach_id, engagement_id`);

/** Marks a touchpoint sent (only from planned: a redelivered job finds it sent and stops). */
export const markSent = (db: D1Database, coachId: string, id: string, nowMs: number, status: 'sent' | 'skipped' | 'failed' = 'sent') =>
  first<{ id: string }>(sql(db)`UPDATE touchpoints SET status = ${status}, sent_at = ${nowMs} WHERE id = ${id} AND coach_id = ${coachId} AND status = 'planned' RETURNING id`);

/** Stores the coachee's answer (a check-in may be answered again until the next one goes out; the last answer counts). */
export const saveAnswer = (db: D1Database, coachId: string, id: string, answer: { score: number | null; json: string }, nowMs: number): Query =>
  sql(db)`UPDATE touchpoints SET status = 'answered', answered_at = ${nowMs}, score = ${answer.score}, answer = ${answer.json}
    WHERE id = ${id} AND coach_id = ${coachId} AND status IN ('sent', 'answered')`;

/** The score of the trajectory's latest answered check-in before `beforeMs`. */
export const previousScore = (db: D1Database, coachId: string, engagementId: string, excludeId: string) =>
  first<{ score: number }>(sql(db)`SELECT score FROM touchpoints WHERE coach_id = ${coachId} AND engagement_id = ${engagementId} AND kind = 'checkin' AND status = 'answered' AND id <> ${excludeId} AND score IS NOT NULL ORDER BY due_at DESC LIMIT 1`);
