/** Replanning a trajectory's touchpoints: one D1 batch reads what the planner needs, one batch writes the diff against what is stored. */
import { planTouchpoints, type DesiredTouchpoint } from '../../shared/touchpoints/plan';
import type { Env } from '../env';
import { coachDb } from '../storage/databases';
import type { EngagementRow } from '../storage/engagements';
import { all, batch, sql, type Query } from '../storage/sql';
import { cancelPlanned, parseSettings, saveSettings, touchpointsQuery, upsertPlanned, type StoredSettings, type TouchpointRow } from '../storage/touchpoints';

/** A new touchpoint already this far in the past is not planned (a reminder for a session booked an hour ahead, a reflection for an old session). */
export const TOO_LATE_MS = 3600_000;

/** Sessions of a trajectory that take place. */
export const sessionsOfEngagement = (db: D1Database, coachId: string, engagementId: string) =>
  all<{ id: string; starts_at: number; ends_at: number }>(sql(db)`SELECT id, starts_at, ends_at FROM sessions WHERE engagement_id = ${engagementId} AND +coach_id = ${coachId} ORDER BY starts_at`);

/** Which trajectory to replan: by its id, or through one of its sessions (whose row must exist). */
type Target = { engagementId: string } | { sessionId: string };

/**
 * The one read batch of a replan: the trajectory, its coachee's zone, sessions, due agreements, settings and touchpoints.
 * Each statement binds ?1 to the coach and ?2 to the target's id; a session target finds its trajectory by the session's key.
 */
function readQueries(db: D1Database, coachId: string, target: Target): Query[] {
  const e = 'engagementId' in target ? '?2' : '(SELECT engagement_id FROM sessions WHERE id = ?2 AND coach_id = ?1)';
  const id = 'engagementId' in target ? target.engagementId : target.sessionId;
  const q = (text: string): Query => ({ stmt: db.prepare(text).bind(coachId, id), text });
  return [
    q(`SELECT * FROM engagements WHERE id = ${e} AND coach_id = ?1`),
    q(`SELECT time_zone FROM coachees WHERE id = (SELECT coachee_id FROM engagements WHERE id = ${e} AND coach_id = ?1) AND coach_id = ?1`),
    q(`SELECT id, starts_at, ends_at FROM sessions WHERE engagement_id = ${e} AND +coach_id = ?1 ORDER BY starts_at`),
    q(`SELECT id, due FROM agreements WHERE engagement_id = ${e} AND status = 'open' AND coach_id = ?1 AND who_kind = 'coachee' AND due IS NOT NULL`),
    q(`SELECT settings, coachee_prefs, closed_at FROM touchpoint_settings WHERE engagement_id = ${e} AND coach_id = ?1`),
    q(`SELECT * FROM touchpoints WHERE coach_id = ?1 AND engagement_id = ${e} ORDER BY due_at, id`),
  ];
}

/**
 * Brings a trajectory's stored touchpoints in line with its sessions, agreements, status and settings, as of `nowMs`: new ones
 * are inserted, planned ones move with their session or agreement, planned ones nothing asks for any more are cancelled.
 * Sent, answered, skipped and session-cancelled rows stay as they are. Safe to run any number of times. Two D1 round trips at
 * most: one batch reads, one batch writes and reads the result back.
 * @returns the trajectory's touchpoints after the change, or null when the trajectory does not exist (any more)
 */
export function replanEngagement(env: Env, coachId: string, engagementId: string, nowMs: number): Promise<TouchpointRow[] | null> {
  return replan(env, coachId, { engagementId }, nowMs);
}

/** `replanEngagement` for the trajectory of a stored session, without looking the trajectory up first. */
export function replanOfSession(env: Env, coachId: string, sessionId: string, nowMs: number): Promise<TouchpointRow[] | null> {
  return replan(env, coachId, { sessionId }, nowMs);
}

async function replan(env: Env, coachId: string, target: Target, nowMs: number): Promise<TouchpointRow[] | null> {
  const db = coachDb(env, coachId);
  const [e, c, s, a, st, tp] = await batch(db, readQueries(db, coachId, target));
  const engagement = e!.results[0] as EngagementRow | undefined;
  const coachee = c!.results[0] as { time_zone: string } | undefined;
  if (!engagement || !coachee) return null;
  const engagementId = engagement.id;
  const sessions = s!.results as { id: string; starts_at: number; ends_at: number }[];
  const agreements = a!.results as { id: string; due: string }[];
  const stored = parseSettings((st!.results[0] as StoredSettings | undefined) ?? null);
  const existing = tp!.results as TouchpointRow[];
  const writes: Query[] = [];
  let closedAt = stored.closedAt;
  if (engagement.status === 'closed' && closedAt === null) closedAt = nowMs;
  if (engagement.status !== 'closed' && closedAt !== null) closedAt = null;
  if (closedAt !== stored.closedAt) writes.push(saveSettings(db, coachId, engagementId, { ...stored, closedAt }, nowMs));

  // A cancelled session keeps its row for a while; its touchpoints, held by the cancellation, mark it.
  const cancelled = new Set(existing.filter((t) => t.held_by === 'session' && t.session_id).map((t) => t.session_id!));
  const byKey = new Map(existing.map((t) => [t.key, t]));
  const lastCheckin = existing.filter((t) => t.kind === 'checkin' && t.status !== 'planned' && !(t.status === 'cancelled' && t.held_by === null)).at(-1);
  const desired = planTouchpoints({
    settings: stored.settings,
    prefs: stored.prefs,
    zone: coachee.time_zone,
    status: engagement.status,
    closedAt,
    sessions: sessions.filter((s) => !cancelled.has(s.id)).map((s) => ({ id: s.id, startsAt: s.starts_at, endsAt: s.ends_at })),
    agreements,
    lastCheckinAt: lastCheckin?.due_at ?? null,
    plannedKeys: new Set(existing.filter((t) => t.status === 'planned').map((t) => t.key)),
    nowMs,
  });
  const wanted = new Set<string>();
  for (const d of desired) {
    wanted.add(d.key);
    const row = byKey.get(d.key);
    if (needsWrite(row, d, nowMs)) writes.push(upsertPlanned(db, coachId, engagementId, d, nowMs));
  }
  for (const t of existing) if (t.status === 'planned' && !wanted.has(t.key)) writes.push(cancelPlanned(db, coachId, t.id));
  if (writes.length === 0) return existing;
  const results = await batch(db, [...writes, touchpointsQuery(db, coachId, engagementId)]);
  return results.at(-1)!.results as TouchpointRow[];
}

function needsWrite(row: TouchpointRow | undefined, d: DesiredTouchpoint, nowMs: number): boolean {
  if (!row) return d.dueAt >= nowMs - TOO_LATE_MS || d.kind === 'evaluation' || d.kind === 'followup';
  if (row.held_by !== null) return false;
  if (row.status === 'planned') return row.due_at !== d.dueAt;
  return row.status === 'cancelled' && d.dueAt >= nowMs - TOO_LATE_MS;
}
