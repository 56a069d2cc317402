/** The coachee's answers: stored, and a low check-in score alerts the coach at once (mail + alert) and sends the coachee the coach's personal message. */
import type { TouchpointAnswer } from '../../shared/protocol';
import { formText, isLowScore } from '../../shared/touchpoints/texts';
import type { Env } from '../env';
import { logError } from '../http/log';
import { invalidField } from '../http/problem';
import { composeAlertMail, composeAnswersMail, composeCoacheeMail } from '../mail/compose';
import { sendOnce } from '../mail/port';
import { getMailPrefs, insertAlert } from '../storage/alerts';
import { coachDb } from '../storage/databases';
import { batch, first, sql } from '../storage/sql';
import { getSettings, getTouchpoint, previousScore, saveAnswer, type TouchpointRow } from '../storage/touchpoints';
import { enqueue, JOB_HANDLERS } from '../jobs/outbox';
import { coachMailContext, coacheeMailContext, loadParties } from './mail-context';

/** Kinds the coachee answers on their page. */
export const ANSWERABLE = new Set(['reflection', 'checkin', 'evaluation']);

/** What answering did: whether it alerted the coach. */
export type AnswerOutcome = { alerted: boolean; score: number | null };

/** Checks an answer against its kind: a check-in needs a score; a reflection or evaluation needs at least one answer. */
function validate(tp: TouchpointRow, body: TouchpointAnswer, questions: number): void {
  if (!ANSWERABLE.has(tp.kind)) throw invalidField('body', 'kind', 'this touchpoint takes no answer', 409);
  if (tp.kind === 'checkin' && body.score === undefined) throw invalidField('body', 'score', 'a check-in needs a score from 1 to 5');
  if (tp.kind !== 'checkin') {
    if (!body.answers?.some((a) => a.length > 0)) throw invalidField('body', 'answers', 'answer at least one question');
    if (body.answers.length > questions) throw invalidField('body', 'answers', `there are ${questions} questions`);
  }
}

/**
 * Stores the coachee's answer to a sent touchpoint (answering again replaces it). A check-in score of 1 or 2, or a drop of 2
 * or more, records a `low_score` alert and, once per check-in, mails the coach and sends the coachee the coach's message;
 * other answers record an `answer` alert, mailed to the coach at once or in their daily digest. A mail that cannot go out now
 * goes through the outbox; the answer is never lost to a mail fault.
 */
export async function answerTouchpoint(env: Env, tp: TouchpointRow, body: TouchpointAnswer, nowMs: number): Promise<AnswerOutcome> {
  const db = coachDb(env, tp.coach_id);
  const parties = await loadParties(env, tp.coach_id, tp.engagement_id);
  if (!parties) throw invalidField('path', 'id', 'no such touchpoint', 404);
  const { settings } = await getSettings(db, tp.coach_id, tp.engagement_id);
  const questions = formText(tp.kind, parties.coachee.locale, settings.reflection.questions).questions.length;
  validate(tp, body, questions);
  if (tp.status !== 'sent' && tp.status !== 'answered') throw invalidField('path', 'id', 'this form is not open', 409);
  const score = body.score ?? null;
  const prev = tp.kind === 'checkin' ? ((await previousScore(db, tp.coach_id, tp.engagement_id, tp.id))?.score ?? null) : null;
  const low = tp.kind === 'checkin' && score !== null && isLowScore(score, prev);
  // The answer and its alert land together.
  await batch(db, [
    saveAnswer(db, tp.coach_id, tp.id, { score, json: JSON.stringify({ answers: body.answers ?? [], comment: body.comment ?? '' }) }, nowMs),
    insertAlert(db, { coachId: tp.coach_id, engagementId: tp.engagement_id, touchpointId: tp.id, kind: low ? 'low_score' : 'answer', score, previousScore: prev, nowMs }),
  ]);
  try {
    await sendAnswerMails(env, tp.coach_id, tp.id, nowMs);
  } catch (error) {
    // The answer and the alert are stored; the mails go through the outbox instead (each once, by its dedupe key).
    logError('answer mails deferred to the outbox', error, tp.id);
    await enqueue(env, [{ id: `answer-mails:${tp.id}`, kind: ANSWER_MAILS_KIND, coachId: tp.coach_id, touchpointId: tp.id }]);
  }
  return { alerted: low, score };
}

/** Outbox job kind that (re)sends the mails of an answer. */
export const ANSWER_MAILS_KIND = 'touchpoint.answer-mails';

/**
 * The mails an answer causes, each at most once (dedupe keys `alert:`, `care:`, `answer:` + touchpoint id): after a low score
 * the coach's alert and the coachee's personal message; otherwise the coach's answer mail, unless they chose the digest.
 */
export async function sendAnswerMails(env: Env, coachId: string, touchpointId: string, nowMs: number): Promise<void> {
  const db = coachDb(env, coachId);
  const tp = await getTouchpoint(db, coachId, touchpointId);
  const parties = tp ? await loadParties(env, coachId, tp.engagement_id) : null;
  const alert = tp ? await first<{ kind: 'low_score' | 'answer'; score: number | null; previous_score: number | null }>(sql(db)`SELECT kind, score, previous_score FROM alerts WHERE coach_id = ${coachId} AND touchpoint_id = ${touchpointId} ORDER BY kind DESC LIMIT 1`) : null;
  if (!tp || !parties || !alert) return;
  const { settings, prefs } = await getSettings(db, coachId, tp.engagement_id);
  const comment = tp.answer ? ((JSON.parse(tp.answer) as { comment?: string }).comment || null) : null;
  const item = { coacheeName: parties.coachee.name, kind: tp.kind, score: alert.score, previousScore: alert.previous_score, comment };
  const coachCtx = coachMailContext(env, parties.coach);
  const rec = (dedupeKey: string, recipient: 'coach' | 'coachee') => ({ coachId, engagementId: tp.engagement_id, dedupeKey, recipient });
  if (alert.kind === 'low_score') {
    await sendOnce(env, rec(`alert:${tp.id}`, 'coach'), composeAlertMail(coachCtx, { ...item, score: alert.score ?? 1 }), nowMs);
    if (parties.coachee.email && !prefs.mailOff) {
      const ctx = await coacheeMailContext(env, parties, null, nowMs);
      await sendOnce(env, rec(`care:${tp.id}`, 'coachee'), composeCoacheeMail(ctx, { kind: 'lowscore', template: settings.lowScoreMessage }), nowMs);
    }
  } else if (!(await getMailPrefs(db, coachId)).digest) {
    await sendOnce(env, rec(`answer:${tp.id}`, 'coach'), composeAnswersMail(coachCtx, [item]), nowMs);
  }
}

JOB_HANDLERS.set(ANSWER_MAILS_KIND, async (env, job) => {
  if (typeof job.coachId === 'string' && typeof job.touchpointId === 'string') await sendAnswerMails(env, job.coachId, job.touchpointId, Date.now());
});
