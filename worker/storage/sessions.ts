/** D1 repository for sessions, always scoped to their coach; the UNIQUE (coach_id, starts_at) constraint backs up double-booking checks. */
import type { Session } from '../../shared/protocol';
import { all, first, run, sql } from './sql';
import { iso, MAX_SESSION_MS } from './time';

/** A session row joined with its engagement's coachee. */
export type SessionRow = {
  id: string;
  coach_id: string;
  engagement_id: string;
  coachee_id: string;
  starts_at: number;
  ends_at: number;
  model_id: string;
  current_phase: string | null;
  phase_started_at: number | null;
  phase_spent: string;
  seq: number;
  calendar_status: Session['calendarStatus'];
  meeting_host: string | null;
  meeting_id: string | null;
  meeting_url: string | null;
  created_at: number;
};

/** Wire shape of a session. */
export const toSession = (r: SessionRow): Session => ({
  id: r.id,
  engagementId: r.engagement_id,
  coacheeId: r.coachee_id,
  startsAt: iso(r.starts_at),
  endsAt: iso(r.ends_at),
  modelId: r.model_id,
  calendarStatus: r.calendar_status,
  meetingUrl: r.meeting_url,
  createdAt: iso(r.created_at),
});

const SELECT = 'SELECT s.*, e.coachee_id FROM sessions s JOIN engagements e ON e.id = s.engagement_id';

/** Sessions of this coach, newest first, optionally of one engagement and within [from, to); at most `limit` (default 500; -1 for all). */
export function listSessions(db: D1Database, coachId: string, f: { engagementId?: string; fromMs?: number; toMs?: number; limit?: number }): Promise<SessionRow[]> {
  return all<SessionRow>({
    stmt: db
      .prepare(`${SELECT} WHERE s.coach_id = ?1 AND (?2 IS NULL OR s.engagement_id = ?2) AND (?3 IS NULL OR (s.ends_at > ?3 AND s.starts_at > ?3 - ?6)) AND (?4 IS NULL OR s.starts_at < ?4)
        ORDER BY s.starts_at DESC LIMIT ?5`)
      .bind(coachId, f.engagementId ?? null, f.fromMs ?? null, f.toMs ?? null, f.limit ?? 500, MAX_SESSION_MS),
    text: 'listSessions',
  });
}

/** One session of this coach, or null (also for another coach's session). */
export const getSession = (db: D1Database, coachId: string, id: string) =>
  first<SessionRow>({ stmt: db.prepare(`${SELECT} WHERE s.id = ?1 AND s.coach_id = ?2`).bind(id, coachId), text: 'getSession' });

/** One session by id alone — for the session's own room and capability links, which are already scoped. */
export const getSessionById = (db: D1Database, id: string) => first<SessionRow>({ stmt: db.prepare(`${SELECT} WHERE s.id = ?1`).bind(id), text: 'getSessionById' });

/** The session a host's meeting belongs to. */
export const findSessionByMeeting = (db: D1Database, coachId: string, host: string, meetingId: string) =>
  first<SessionRow>({
    stmt: db.prepare(`${SELECT} WHERE s.coach_id = ?1 AND s.meeting_host = ?2 AND s.meeting_id = ?3 ORDER BY s.starts_at DESC LIMIT 1`).bind(coachId, host, meetingId),
    text: 'findSessionByMeeting',
  });

/** The session a coachee's link opens: the one in progress or next up, else the most recent. */
export const currentSessionOfEngagement = (db: D1Database, engagementId: string, nowMs: number) =>
  first<SessionRow>({
    stmt: db
      .prepare(`${SELECT} WHERE s.engagement_id = ?1 ORDER BY CASE WHEN s.ends_at > ?2 THEN 0 ELSE 1 END, CASE WHEN s.ends_at > ?2 THEN s.starts_at ELSE -s.starts_at END LIMIT 1`)
      .bind(engagementId, nowMs),
    text: 'currentSessionOfEngagement',
  });

/** The sessions just before and after one session of the same engagement. */
export async function neighbours(db: D1Database, s: SessionRow): Promise<{ previous: SessionRow | null; next: SessionRow | null }> {
  const [prev, next] = await db.batch<SessionRow>([
    db.prepare(`${SELECT} WHERE s.engagement_id = ?1 AND s.starts_at < ?2 ORDER BY s.starts_at DESC LIMIT 1`).bind(s.engagement_id, s.starts_at),
    db.prepare(`${SELECT} WHERE s.engagement_id = ?1 AND s.starts_at > ?2 ORDER BY s.starts_at ASC LIMIT 1`).bind(s.engagement_id, s.starts_at),
  ]);
  return { previous: prev?.results[0] ?? null, next: next?.results[0] ?? null };
}

/** Switches the conversation model of one session. */
export const setSessionModel = (db: D1Database, coachId: string, id: string, modelId: string) =>
  run(sql(db)`UPDATE sessions SET model_id = ${modelId} WHERE id = ${id} AND coach_id = ${coachId}`);
