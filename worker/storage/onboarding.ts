/** D1 repository of the coachee's first steps on their link: consent and intake answers, scoped to coach and trajectory. */
import { DEFAULT_INTAKE_QUESTIONS, type Intake, type IntakeQuestion, type Locale, type Onboarding } from '../../shared/protocol';
import type { EngagementRow } from './engagements';
import { all, batch, sql, type Query } from './sql';
import { iso } from './time';

/** One stored intake answer. */
export type IntakeAnswerRow = { coach_id: string; engagement_id: string; question_id: string; text: string; updated_at: number };

/** The trajectory's intake questions: its own, else the built-in ones in the coachee's language. */
export function questionsOf(e: Pick<EngagementRow, 'intake_questions'>, locale: Locale): IntakeQuestion[] {
  return e.intake_questions === null ? DEFAULT_INTAKE_QUESTIONS[locale] : (JSON.parse(e.intake_questions) as IntakeQuestion[]);
}

/** The coachee's answers of one trajectory, in no particular order. */
export const listIntakeAnswers = (db: D1Database, coachId: string, engagementId: string) =>
  all<IntakeAnswerRow>(sql(db)`SELECT * FROM intake_answers WHERE coach_id = ${coachId} AND engagement_id = ${engagementId}`);

/** Questions and answers of a trajectory, answers in question order (answers to questions removed since are left out). */
export function intakeOf(questions: IntakeQuestion[], rows: IntakeAnswerRow[]): Intake {
  const byId = new Map(rows.map((r) => [r.question_id, r]));
  return {
    questions: questions.map((q) => ({ id: q.id, text: q.text })),
    answers: questions.flatMap((q) => {
      const r = byId.get(q.id);
      return r && r.text !== '' ? [{ questionId: q.id, text: r.text, updatedAt: iso(r.updated_at) }] : [];
    }),
  };
}

/** The onboarding block of the coachee's view and the coach's intake view. */
export async function loadOnboarding(db: D1Database, e: EngagementRow, locale: Locale): Promise<Onboarding> {
  const rows = await listIntakeAnswers(db, e.coach_id, e.id);
  return { welcome: e.welcome, consentGiven: e.consent_at !== null, intake: intakeOf(questionsOf(e, locale), rows) };
}

/** Records the coachee's consent once (the first moment stays). */
export const giveConsentQuery = (db: D1Database, e: Pick<EngagementRow, 'coach_id' | 'id'>, nowMs: number): Query =>
  sql(db)`UPDATE engagements SET consent_at = COALESCE(consent_at, ${nowMs}) WHERE id = ${e.id} AND coach_id = ${e.coach_id}`;

/** Saves answers as typed, one upsert each, in one batch (all or nothing). */
export async function saveIntakeAnswers(db: D1Database, e: Pick<EngagementRow, 'coach_id' | 'id'>, answers: { questionId: string; text: string }[], nowMs: number): Promise<void> {
  const q = sql(db);
  await batch(
    db,
    answers.map((a) => q`INSERT INTO intake_answers (coach_id, engagement_id, question_id, text, updated_at) VALUES (${e.coach_id}, ${e.id}, ${a.questionId}, ${a.text}, ${nowMs})
      ON CONFLICT (coach_id, engagement_id, question_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`),
  );
}
