/** D1 repository for coachees, always scoped to their coach. */
import type { Coachee } from '../../shared/protocol';
import { all, first, run, sql } from './sql';
import { iso } from './time';

/** A coachee row as stored. */
export type CoacheeRow = { id: string; coach_id: string; name: string; email: string | null; locale: 'nl' | 'en'; time_zone: string; invite_mode: 'full' | 'link_only' | null; created_at: number };

/** Wire shape of a coachee. */
export const toCoachee = (r: CoacheeRow): Coachee => ({ id: r.id, name: r.name, email: r.email, locale: r.locale, timeZone: r.time_zone, inviteMode: r.invite_mode, createdAt: iso(r.created_at) });

/** The coach's coachees, newest first. */
export const listCoachees = (db: D1Database, coachId: string) => all<CoacheeRow>(sql(db)`SELECT * FROM coachees WHERE coach_id = ${coachId} ORDER BY created_at DESC, id`);

/** One coachee of this coach, or null (also for another coach's coachee). */
export const getCoachee = (db: D1Database, coachId: string, id: string) => first<CoacheeRow>(sql(db)`SELECT * FROM coachees WHERE id = ${id} AND coach_id = ${coachId}`);

/** Inserts a coachee. */
export async function createCoachee(db: D1Database, row: CoacheeRow): Promise<CoacheeRow> {
  await run(sql(db)`INSERT INTO coachees (id, coach_id, name, email, locale, time_zone, invite_mode, created_at)
    VALUES (${row.id}, ${row.coach_id}, ${row.name}, ${row.email}, ${row.locale}, ${row.time_zone}, ${row.invite_mode}, ${row.created_at})`);
  return row;
}

/** Updates a coachee of this coach. */
export async function updateCoachee(db: D1Database, row: CoacheeRow): Promise<void> {
  await run(sql(db)`UPDATE coachees SET name = ${row.name}, email = ${row.email}, locale = ${row.locale}, time_zone = ${row.time_zone}, invite_mode = ${row.invite_mode}
    WHERE id = ${row.id} AND coach_id = ${row.coach_id}`);
}
