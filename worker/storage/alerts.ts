/** D1 repository for the coach's alerts (low check-in scores, answers in) and the coach's mail choice, scoped to their coach. */
import type { Alert, TouchpointKind } from '../../shared/protocol';
import { all, first, run, sql, type Query } from './sql';
import { iso } from './time';

/** An alert joined with its coachee's name and the touchpoint's kind and comment. */
export type AlertRow = {
  id: string;
  kind: 'low_score' | 'answer';
  engagement_id: string;
  touchpoint_id: string;
  touchpoint_kind: TouchpointKind;
  coachee_name: string;
  score: number | null;
  previous_score: number | null;
  answer: string | null;
  created_at: number;
  read_at: number | null;
};

/** Wire shape of an alert. */
export const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  kind: r.kind,
  engagementId: r.engagement_id,
  coacheeName: r.coachee_name,
  touchpointId: r.touchpoint_id,
  touchpointKind: r.touchpoint_kind,
  score: r.score,
  previousScore: r.previous_score,
  comment: r.answer ? ((JSON.parse(r.answer) as { comment?: string }).comment ?? null) || null : null,
  createdAt: iso(r.created_at),
  readAt: r.read_at === null ? null : iso(r.read_at),
});

const SELECT = `SELECT a.id, a.kind, a.engagement_id, a.touchpoint_id, t.kind AS touchpoint_kind, c.name AS coachee_name, a.score, a.previous_score, t.answer, a.created_at, a.read_at
  FROM alerts a JOIN touchpoints t ON t.id = a.touchpoint_id JOIN engagements e ON e.id = a.engagement_id JOIN coachees c ON c.id = e.coachee_id`;

/** The coach's alerts, unread first, then newest first (at most `limit`); optionally of one trajectory, or only unread ones. */
export function listAlerts(db: D1Database, coachId: string, opts: { unreadOnly?: boolean; engagementId?: string; sinceMs?: number; limit: number }): Promise<AlertRow[]> {
  const where = ['a.coach_id = ?1'];
  if (opts.unreadOnly) where.push('a.read_at IS NULL');
  if (opts.engagementId) where.push('a.engagement_id = ?2');
  if (opts.sinceMs !== undefined) where.push('a.created_at >= ?3');
  const text = `${SELECT} WHERE ${where.join(' AND ')} ORDER BY a.read_at IS NOT NULL, a.created_at DESC LIMIT ?4`;
  return all<AlertRow>({ stmt: db.prepare(text).bind(coachId, opts.engagementId ?? '', opts.sinceMs ?? 0, opts.limit), text });
}

/** How many unread alerts the coach has. */
export const countUnread = async (db: D1Database, coachId: string) => (await first<{ n: number }>(sql(db)`SELECT COUNT(*) AS n FROM alerts WHERE coach_id = ${coachId} AND read_at IS NULL`))?.n ?? 0;

/** Records an alert once per touchpoint and kind (a second answer to the same form adds none). */
export const insertAlert = (db: D1Database, a: { coachId: string; engagementId: string; touchpointId: string; kind: 'low_score' | 'answer'; score: number | null; previousScore: number | null; nowMs: number }): Query =>
  sql(db)`INSERT INTO alerts (id, coach_id, engagement_id, touchpoint_id, kind, score, previous_score, created_at)
    VALUES (${crypto.randomUUID()}, ${a.coachId}, ${a.engagementId}, ${a.touchpointId}, ${a.kind}, ${a.score}, ${a.previousScore}, ${a.nowMs})
    ON CONFLICT (coach_id, touchpoint_id, kind) DO NOTHING`;

/** Marks one alert read; null when it is not this coach's. */
export const markRead = (db: D1Database, coachId: string, id: string, nowMs: number) =>
  first<{ id: string }>(sql(db)`UPDATE alerts SET read_at = COALESCE(read_at, ${nowMs}) WHERE id = ${id} AND coach_id = ${coachId} RETURNING id`);

/** The coach's mail choice (single mails unless they chose the digest). */
export const getMailPrefs = async (db: D1Database, coachId: string) =>
  (await first<{ digest: number; next_digest_at: number | null }>(sql(db)`SELECT digest, next_digest_at FROM coach_mail_prefs WHERE coach_id = ${coachId}`)) ?? { digest: 0, next_digest_at: null };

/** Stores the coach's mail choice and when the next digest is due. */
export const saveMailPrefs = (db: D1Database, coachId: string, digest: boolean, nextDigestAt: number | null) =>
  run(sql(db)`INSERT INTO coach_mail_prefs (coach_id, digest, next_digest_at) VALUES (${coachId}, ${digest ? 1 : 0}, ${nextDigestAt})
    ON CONFLICT (coach_id) DO UPDATE SET digest = excluded.digest, next_digest_at = excluded.next_digest_at`);

/** Coaches whose digest is due (cron, across coaches: served by the partial index on next_digest_at). */
export const dueDigests = (db: D1Database, nowMs: number) =>
  all<{ coach_id: string }>(sql(db)`SELECT coach_id FROM coach_mail_prefs WHERE digest = 1 AND next_digest_at <= ${nowMs} LIMIT 500`);

/** Answers not yet in a digest. */
export const undigested = (db: D1Database, coachId: string) =>
  all<AlertRow>({ stmt: db.prepare(`${SELECT} WHERE a.coach_id = ?1 AND a.kind = 'answer' AND a.digested_at IS NULL ORDER BY a.created_at LIMIT 200`).bind(coachId), text: 'undigested' });

/** Marks answers as carried by a digest and sets the next one. */
export const closeDigest = (db: D1Database, coachId: string, nowMs: number, nextAt: number) => [
  sql(db)`UPDATE alerts SET digested_at = ${nowMs} WHERE coach_id = ${coachId} AND kind = 'answer' AND digested_at IS NULL AND created_at <= ${nowMs}`,
  sql(db)`UPDATE coach_mail_prefs SET next_digest_at = ${nextAt} WHERE coach_id = ${coachId}`,
];
