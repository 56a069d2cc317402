/** Replanning a trajectory's touchpoints: the planner's wish list diffed against what is stored, written in one D1 batch. */
import { planTouchpoints, type DesiredTouchpoint } from '../../shared/touchpoints/plan';
import type { Env } from '../env';
import { getCoachee } from '../storage/coachees';
import { coachDb } from '../storage/databases';
import { getEngagement } from '../storage/engagements';
import { all, batch, sql, type Query } from '../storage/sql';
import { cancelPlanned, getSettings, listTouchpoints, saveSettings, upsertPlanned, type TouchpointRow } from '../storage/touchpoints';

/** A new touchpoint already this far in the past is not planned (a reminder for a session booked an hour ahead, a reflection for an old session). */
export const TOO_LATE_MS = 3600_000;

/** Sessions of a trajectory that take place. */
export const sessionsOfEngagement = (db: D1Database, coachId: string, engagementId: string) =>
  all<{ id: string; starts_at: number; ends_at: number }>(sql(db)`SELECT id, starts_at, ends_at FROM sessions WHERE engagement_id = ${engagementId} AND +coach_id = ${coachId} ORDER BY starts_at`);

/** The coachee's open agreements with a due date. */
const dueAgreements = (db: D1Database, coachId: string, engagementId: string) =>
  all<{ id: string; due: string }>(sql(db)`SELECT id, due FROM agreements WHERE engagement_id = ${engagementId} AND status = 'open' AND coach_id = ${coachId} AND who_kind = 'coachee' AND due IS NOT NULL`);

/**
 * Brings a trajectory's stored touchpoints in line with its sessions, agreements, status and settings, as of `nowMs`: new ones
 * are inserted, planned ones move with their session or agreement, planned ones nothing asks for any more are cancelled.
 * Sent, answered, skipped and session-cancelled rows stay as they are. Safe to run any number of times.
 * @returns the trajectory's touchpoints after the change, or null when the trajectory does not exist (any more)
 */
export async function replanEngagement(env: Env, coachId: string, engagementId: string, nowMs: number): Promise<TouchpointRow[] | null> {
  const db = coachDb(env, coachId);
  const engagement = await getEngagement(db, coachId, engagementId);
  if (!engagement) return null;
  const [coachee, sessions, agreements, stored, existing] = await Promise.all([
    getCoachee(db, coachId, engagement.coachee_id),
    sessionsOfEngagement(db, coachId, engagementId),
    dueAgreements(db, coachId, engagementId),
    getSettings(db, coachId, engagementId),
    listTouchpoints(db, coachId, engagementId),
  ]);
  if (!coachee) return null;
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
  await batch(db, writes);
  return listTouchpoints(db, coachId, engagementId);
}

function needsWrite(row: TouchpointRow | undefined, d: DesiredTouchpoint, nowMs: number): boolean {
  if (!row) return d.dueAt >= nowMs - TOO_LATE_MS || d.kind === 'evaluation' || d.kind === 'followup';
  if (row.held_by !== null) return false;
  if (row.status === 'planned') return row.due_at !== d.dueAt;
  return row.status === 'cancelled' && d.dueAt >= nowMs - TOO_LATE_MS;
}
