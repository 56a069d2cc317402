/** Read models of between-session work: timeline rows with the coachee's answers, progress series, and the coachee's form. */
import type { CoacheeTouchpoint, Locale, TimelineItem, TouchpointSettings } from '../../shared/protocol';
import { learningText } from '../../shared/touchpoints/learning-library';
import { formText, scoreLabels } from '../../shared/touchpoints/texts';
import type { LearningId } from '../../shared/schemas/touchpoints';
import { iso } from '../storage/time';
import type { TouchpointRow } from '../storage/touchpoints';

type Answer = { answers?: string[]; comment?: string };
const parseAnswer = (t: TouchpointRow): Answer => (t.answer ? (JSON.parse(t.answer) as Answer) : {});

/** A timeline row; answers are paired with the questions the coachee saw (in their language). */
export function toTimelineItem(t: TouchpointRow, locale: Locale, settings: TouchpointSettings): TimelineItem {
  const a = parseAnswer(t);
  const questions = formText(t.kind, locale, settings.reflection.questions).questions;
  return {
    id: t.id,
    kind: t.kind,
    dueAt: iso(t.due_at),
    status: t.status,
    ...(t.session_id ? { sessionId: t.session_id } : {}),
    ...(t.agreement_id ? { agreementId: t.agreement_id } : {}),
    ...(t.learning_id ? { learningId: t.learning_id } : {}),
    ...(t.score !== null ? { score: t.score } : {}),
    ...(t.answered_at !== null ? { answeredAt: iso(t.answered_at) } : {}),
    ...(a.answers?.length ? { answers: a.answers.map((text, i) => ({ question: questions[i] ?? '', text })).filter((x) => x.text) } : {}),
    ...(a.comment ? { comment: a.comment } : {}),
  };
}

/** The coachee's view of one touchpoint: its form in their language, their earlier answer, and what it is about. */
export function toCoacheeTouchpoint(
  t: TouchpointRow,
  ctx: { locale: Locale; coachName: string; settings: TouchpointSettings; agreement: CoacheeTouchpoint['agreement']; message: string | null },
): CoacheeTouchpoint {
  const form = formText(t.kind, ctx.locale, ctx.settings.reflection.questions);
  const a = parseAnswer(t);
  const piece = t.kind === 'learning' && t.learning_id ? learningText(t.learning_id as LearningId, ctx.locale) : null;
  return {
    id: t.id,
    kind: t.kind,
    status: t.status,
    dueAt: iso(t.due_at),
    locale: ctx.locale,
    coachName: ctx.coachName,
    title: piece?.title ?? form.title,
    intro: piece?.summary ?? form.intro,
    questions: form.questions,
    asksScore: t.kind === 'checkin' || t.kind === 'evaluation',
    scoreLabels: scoreLabels(t.kind, ctx.locale),
    answers: t.answer ? (a.answers ?? []) : null,
    score: t.score,
    comment: t.answer ? (a.comment ?? '') : null,
    body: piece ? [...piece.body, piece.tryThis] : [],
    agreement: ctx.agreement,
    message: ctx.message,
  };
}
