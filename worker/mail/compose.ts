/** Composes each between-session mail (nl/en by the recipient's locale, times in the recipient's zone): content only from what the coachee may see, never private notes. */
import type { Locale, TouchpointKind } from '../../shared/protocol';
import { learningText } from '../../shared/touchpoints/learning-library';
import { LOW_SCORE_MESSAGE, scoreLabels } from '../../shared/touchpoints/texts';
import { formatInstant } from '../../shared/time/zone';
import type { LearningId } from '../../shared/schemas/touchpoints';
import { renderHtml, renderText, type MailContent } from './render';
import { MAIL_STRINGS } from './strings';
import type { OutgoingMail } from './port';

/** Who and what a coachee mail is about. */
export type CoacheeMailContext = {
  coach: { name: string; email: string };
  coachee: { name: string; email: string; locale: Locale; timeZone: string };
  /** The coachee's page for this touchpoint (with `extra` query parameters, e.g. a preselected score); null when the link is revoked. */
  pageUrl: ((extra?: Record<string, string>) => string) | null;
  /** The preferences page (its own token: it works after the coachee link was replaced) and the one-click unsubscribe URL. */
  prefsUrl: string;
  unsubscribeUrl: string;
};

/** What one touchpoint mail needs beyond the context. */
export type TouchpointMailInput =
  | { kind: 'reflection'; sessionEndsAt: number }
  | { kind: 'checkin' }
  | { kind: 'reminder.session'; startsAt: number; meetingUrl: string | null }
  | { kind: 'reminder.agreement'; what: string; due: string }
  | { kind: 'learning'; learningId: LearningId }
  | { kind: 'evaluation' }
  | { kind: 'followup' }
  | { kind: 'lowscore'; template: string | null };

const dueText = (due: string, zone: string, locale: Locale) => (/^\d{4}-\d{2}-\d{2}$/.test(due) ? formatInstant(Date.parse(`${due}T12:00:00Z`), 'UTC', locale, 'date') : formatInstant(Date.parse(due), zone, locale, 'full'));

/** Fills `{name}` and `{coach}` in the coach's low-score template. */
export const fillTemplate = (template: string, name: string, coach: string) => template.replaceAll('{name}', name).replaceAll('{coach}', coach);

/**
 * The mail a coachee gets for a touchpoint, with `List-Unsubscribe` (one-click, RFC 8058) and a footer link to their
 * preferences; the coachee link only where the mail asks them to do something on their page.
 * @see https://www.rfc-editor.org/rfc/rfc8058
 */
export function composeCoacheeMail(ctx: CoacheeMailContext, input: TouchpointMailInput): OutgoingMail {
  const { locale, timeZone, name } = ctx.coachee;
  const s = MAIL_STRINGS[locale];
  const coach = ctx.coach.name;
  const page = ctx.pageUrl;
  const base: MailContent = {
    lang: locale,
    preheader: '',
    greeting: s.hello(name),
    paragraphs: [],
    actions: [],
    footer: [s.footer.why(coach)],
    footerLink: { label: s.footer.prefs, href: ctx.prefsUrl },
  };
  let subject: string;
  let m: MailContent;
  switch (input.kind) {
    case 'reflection': {
      const date = formatInstant(input.sessionEndsAt, timeZone, locale, 'date');
      subject = s.reflection.subject(date);
      m = { ...base, paragraphs: [s.reflection.lead(date)], actions: page ? [{ label: s.reflection.action, href: page() }] : [] };
      break;
    }
    case 'checkin': {
      subject = s.checkin.subject;
      const labels = scoreLabels('checkin', locale);
      m = {
        ...base,
        paragraphs: [s.checkin.lead(coach)],
        choices: page ? { label: s.checkin.pick, options: [1, 2, 3, 4, 5].map((n) => ({ label: String(n), href: page({ score: String(n) }) })) } : undefined,
        list: page ? undefined : labels,
      };
      break;
    }
    case 'reminder.session': {
      const when = formatInstant(input.startsAt, timeZone, locale, 'full');
      subject = s.sessionReminder.subject(when);
      m = {
        ...base,
        paragraphs: [s.sessionReminder.lead(coach, when)],
        actions: [...(input.meetingUrl ? [{ label: s.sessionReminder.join, href: input.meetingUrl }] : []), ...(page ? [{ label: s.sessionReminder.agenda, href: page() }] : [])],
      };
      break;
    }
    case 'reminder.agreement': {
      const due = dueText(input.due, timeZone, locale);
      subject = s.agreementReminder.subject(due);
      m = { ...base, paragraphs: [s.agreementReminder.lead], quote: `${s.agreementReminder.you} — ${input.what} — ${s.agreementReminder.by} ${due}`, actions: page ? [{ label: s.agreementReminder.done, href: page({ done: '1' }) }] : [] };
      break;
    }
    case 'learning': {
      const piece = learningText(input.learningId, locale);
      subject = s.learning.subject(piece.title);
      m = { ...base, paragraphs: [s.learning.lead(coach), piece.summary, ...piece.body, `${s.learning.tryThis} ${piece.tryThis}`] };
      break;
    }
    case 'evaluation':
      subject = s.evaluation.subject;
      m = { ...base, paragraphs: [s.evaluation.lead(coach)], actions: page ? [{ label: s.evaluation.action, href: page() }] : [] };
      break;
    case 'followup':
      subject = s.followup.subject;
      // The trajectory is closed, so its page books nothing: the coachee answers the coach directly.
      m = { ...base, paragraphs: [s.followup.lead, s.followup.signoff(coach)], actions: [{ label: s.followup.action, href: `mailto:${encodeURIComponent(ctx.coach.email)}?subject=${encodeURIComponent(s.followup.subject)}` }] };
      break;
    case 'lowscore':
      subject = s.lowScore.subject(coach);
      m = { ...base, greeting: '', paragraphs: fillTemplate(input.template ?? LOW_SCORE_MESSAGE[locale], name, coach).split(/\n{2,}/) };
      break;
  }
  m.preheader = m.paragraphs[0]?.slice(0, 120) ?? '';
  return {
    to: ctx.coachee.email,
    subject,
    text: renderText(m),
    html: renderHtml(m),
    replyTo: ctx.coach.email,
    headers: { 'List-Unsubscribe': `<${ctx.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Content-Language': locale },
  };
}

/** One answer in a coach mail: who, which form, the score and comment (the coachee's own words, meant for the coach). */
export type CoachMailItem = { coacheeName: string; kind: TouchpointKind; score: number | null; previousScore: number | null; comment: string | null };

/** What a coach mail needs. */
export type CoachMailContext = { coach: { name: string; email: string; locale: Locale }; appUrl: string };

/** The coach's alert mail after a low check-in score: at once, never in a digest. */
export function composeAlertMail(ctx: CoachMailContext, item: CoachMailItem & { score: number }): OutgoingMail {
  const s = MAIL_STRINGS[ctx.coach.locale].coach;
  const m: MailContent = {
    lang: ctx.coach.locale,
    preheader: s.alertLead(item.coacheeName, item.score, item.previousScore),
    greeting: MAIL_STRINGS[ctx.coach.locale].hello(ctx.coach.name),
    paragraphs: [s.alertLead(item.coacheeName, item.score, item.previousScore)],
    quote: item.comment ? `${s.commentLabel}: ${item.comment}` : undefined,
    actions: [{ label: s.open, href: ctx.appUrl }],
    footer: [s.footer],
  };
  return { to: ctx.coach.email, subject: s.alertSubject(item.coacheeName, item.score), text: renderText(m), html: renderHtml(m), headers: { 'Content-Language': ctx.coach.locale } };
}

/** A mail to the coach about answers that came in: one answer at once, or the daily digest. */
export function composeAnswersMail(ctx: CoachMailContext, items: CoachMailItem[], digest = false): OutgoingMail {
  const s = MAIL_STRINGS[ctx.coach.locale].coach;
  const what = (i: CoachMailItem) => s.kinds[i.kind] ?? i.kind;
  const line = (i: CoachMailItem) => `${i.coacheeName}: ${what(i)}${i.score !== null ? ` (${i.score}/5)` : ''}${i.comment ? ` — ${i.comment}` : ''}`;
  const single = !digest && items.length === 1 ? items[0]! : null;
  const lead = single ? s.answerLead(single.coacheeName, what(single)) : s.digestLead(items.length);
  const m: MailContent = {
    lang: ctx.coach.locale,
    preheader: lead,
    greeting: MAIL_STRINGS[ctx.coach.locale].hello(ctx.coach.name),
    paragraphs: [lead],
    list: single ? undefined : items.map(line),
    quote: single?.comment ? `${s.commentLabel}: ${single.comment}` : undefined,
    actions: [{ label: s.open, href: ctx.appUrl }],
    footer: [s.footer],
  };
  const subject = single ? s.answerSubject(single.coacheeName, what(single)) : s.digestSubject(items.length);
  return { to: ctx.coach.email, subject, text: renderText(m), html: renderHtml(m), headers: { 'Content-Language': ctx.coach.locale } };
}
