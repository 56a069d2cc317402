/** D1 repository for engagements (trajectories), always scoped to their coach; also holds the coachee link's version. */
import type { Engagement } from '../../shared/protocol';
import { all, first, run, sql } from './sql';
import { iso } from './time';

/** An engagement row as stored. */
export type EngagementRow = {
  id: string;
  coach_id: string;
  coachee_id: string;
  goal: string;
  model_id: string;
  session_minutes: number;
  status: 'active' | 'paused' | 'closed';
  link_version: number;
  link_expires_at: number;
  created_at: number;
  welcome: string;
  /** JSON `[{id,text}]`, or null for the built-in questions. */
  intake_questions: string | null;
  /** JSON touchpoint defaults as the coach gave them, or null. */
  touchpoint_defaults: string | null;
  consent_at: number | null;
  closed_at: number | null;
};

/** Wire shape of an engagement. */
export const toEngagement = (r: EngagementRow): Engagement => ({
  id: r.id,
  coacheeId: r.coachee_id,
  goal: r.goal,
  modelId: r.model_id,
  sessionMinutes: r.session_minutes,
  status: r.status,
  createdAt: iso(r.created_at),
  welcome: r.welcome,
  intakeQuestions: r.intake_questions === null ? null : JSON.parse(r.intake_questions),
  touchpoints: r.touchpoint_defaults === null ? null : JSON.parse(r.touchpoint_defaults),
  consentAt: r.consent_at === null ? null : iso(r.consent_at),
  closedAt: r.closed_at === null ? null : iso(r.closed_at),
});

/** The coach's engagements, optionally of one coachee, newest first. */
export function listEngagements(db: D1Database, coachId: string, coacheeId?: string) {
  return coacheeId
    ? all<EngagementRow>(sql(db)`SELECT * FROM engagements WHERE coach_id = ${coachId} AND coachee_id = ${coacheeId} ORDER BY created_at DESC, id`)
    : all<EngagementRow>(sql(db)`SELECT * FROM engagements WHERE coach_id = ${coachId} ORDER BY created_at DESC, id`);
}

/** One engagement of this coach, or null. */
export const getEngagement = (db: D1Database, coachId: string, id: string) =>
  first<EngagementRow>(sql(db)`SELECT * FROM engagements WHERE id = ${id} AND coach_id = ${coachId}`);

/** One engagement by id alone — only for capability links, whose signature already scopes them. */
export const getEngagementForLink = (db: D1Database, id: string) => first<EngagementRow>(sql(db)`SELECT * FROM engagements WHERE id = ${id}`);

/** Inserts an engagement. */
export async function createEngagement(db: D1Database, r: EngagementRow): Promise<EngagementRow> {
  await run(sql(db)`INSERT INTO engagements (id, coach_id, coachee_id, goal, model_id, session_minutes, status, link_version, link_expires_at, created_at,
      welcome, intake_questions, touchpoint_defaults, consent_at, closed_at)
    VALUES (${r.id}, ${r.coach_id}, ${r.coachee_id}, ${r.goal}, ${r.model_id}, ${r.session_minutes}, ${r.status}, ${r.link_version}, ${r.link_expires_at}, ${r.created_at},
      ${r.welcome}, ${r.intake_questions}, ${r.touchpoint_defaults}, ${r.consent_at}, ${r.closed_at})`);
  return r;
}

/** Updates the coach-editable fields of an engagement (never the link: see `rotateLink`). */
export async function updateEngagement(db: D1Database, r: EngagementRow): Promise<void> {
  await run(sql(db)`UPDATE engagements SET goal = ${r.goal}, model_id = ${r.model_id}, session_minutes = ${r.session_minutes}, status = ${r.status},
      welcome = ${r.welcome}, intake_questions = ${r.intake_questions}, touchpoint_defaults = ${r.touchpoint_defaults}, closed_at = ${r.closed_at}
    WHERE id = ${r.id} AND coach_id = ${r.coach_id}`);
}

/**
 * Invalidates every earlier coachee link of the engagement by bumping its version in SQL (so a concurrent update can't write an old
 * version back), and sets the new link's expiry; `expiresAtMs = 0` revokes without a new link. Answers the updated row.
 */
export const rotateLink = (db: D1Database, coachId: string, id: string, expiresAtMs: number) =>
  first<EngagementRow>(sql(db)`UPDATE engagements SET link_version = link_version + 1, link_expires_at = ${expiresAtMs}
    WHERE id = ${id} AND coach_id = ${coachId} RETURNING *`);
