/** D1 queries for cancelling and moving sessions: the cancellation record kept as history, and the counts booking limits need. */
import type { CancelledSession } from '../../shared/protocol';
import { all, first, sql, type Query } from './sql';
import { iso } from './time';

/** A cancelled session as stored. */
export type CancellationRow = { id: string; coach_id: string; engagement_id: string; starts_at: number; ends_at: number; cancelled_by: 'coach' | 'coachee'; reason: string; cancelled_at: number };

/** Wire shape of a cancelled session. */
export const toCancelled = (r: CancellationRow): CancelledSession => ({
  id: r.id,
  engagementId: r.engagement_id,
  startsAt: iso(r.starts_at),
  endsAt: iso(r.ends_at),
  cancelledBy: r.cancelled_by,
  reason: r.reason,
  cancelledAt: iso(r.cancelled_at),
});

/** Records the cancellation; written in the batch that removes the session. */
export const insertCancellationQuery = (db: D1Database, r: CancellationRow): Query =>
  sql(db)`INSERT INTO session_cancellations (id, coach_id, engagement_id, starts_at, ends_at, cancelled_by, reason, cancelled_at)
    VALUES (${r.id}, ${r.coach_id}, ${r.engagement_id}, ${r.starts_at}, ${r.ends_at}, ${r.cancelled_by}, ${r.reason}, ${r.cancelled_at})`;

/** Cancelled sessions of the coach, latest start first: of one trajectory, or of all starting after `fromMs`. */
export function listCancellations(db: D1Database, coachId: string, f: { engagementId?: string; fromMs?: number }): Promise<CancellationRow[]> {
  const q = sql(db);
  return f.engagementId
    ? all<CancellationRow>(q`SELECT * FROM session_cancellations WHERE engagement_id = ${f.engagementId} AND coach_id = ${coachId} ORDER BY starts_at DESC LIMIT 200`)
    : all<CancellationRow>(q`SELECT * FROM session_cancellations WHERE coach_id = ${coachId} AND starts_at >= ${f.fromMs ?? 0} ORDER BY starts_at DESC LIMIT 200`);
}

/** A cancellation of this trajectory by the cancelled session's id (for the CANCEL invite), or null. */
export const getCancellation = (db: D1Database, coachId: string, id: string) =>
  first<CancellationRow>(sql(db)`SELECT * FROM session_cancellations WHERE id = ${id} AND coach_id = ${coachId}`);

/** How many sessions of the trajectory are still to come (booking limit "open future bookings"). */
export async function openBookings(db: D1Database, coachId: string, engagementId: string, nowMs: number): Promise<number> {
  const row = await first<{ n: number }>(sql(db)`SELECT COUNT(*) AS n FROM sessions WHERE engagement_id = ${engagementId} AND starts_at > ${nowMs} AND coach_id = ${coachId}`);
  return row?.n ?? 0;
}
