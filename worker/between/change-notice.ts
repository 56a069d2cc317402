/** Telling the other party that a session was cancelled or moved: one mail per change through the outbox, in the recipient's language and zone, never any note text. */
import type { Locale } from '../../shared/protocol';
import { formatInstant } from '../../shared/time/zone';
import type { Env } from '../env';
import { enqueue, JOB_HANDLERS, type Job } from '../jobs/outbox';
import { renderHtml, renderText, type MailContent } from '../mail/render';
import { MAIL_STRINGS } from '../mail/strings';
import { sendOnce, type OutgoingMail } from '../mail/port';
import { coachDb } from '../storage/databases';
import { getSettings } from '../storage/touchpoints';
import { coacheeMailContext, coachMailContext, loadParties } from './mail-context';

/** Queue job kind of a change notice; its id (and the mail's dedupe key) is `cancel:<sessionId>` or `move:<sessionId>:<newStartMs>`. */
export const CHANGE_NOTICE_KIND = 'session.change-notice';

/** What changed: a cancellation (by whom) or a move from one start to another. Times are epoch ms. */
export type SessionChange = { coachId: string; engagementId: string; sessionId: string } & ({ change: 'cancel'; by: 'coach' | 'coachee'; startMs: number } | { change: 'move'; fromMs: number; toMs: number });

const TEXTS: Record<Locale, {
  cancelledSubject: (when: string) => string;
  cancelledLead: (coach: string, when: string) => string;
  movedSubject: (when: string) => string;
  movedLead: (coach: string, from: string, to: string) => string;
  bookAnother: string;
  open: string;
  coachCancelledSubject: (coachee: string, when: string) => string;
  coachCancelledLead: (coachee: string, when: string) => string;
}> = {
  nl: {
    cancelledSubject: (when) => `Geannuleerd: je sessie van ${when}`,
    cancelledLead: (coach, when) => `${coach} heeft je sessie van ${when} geannuleerd. Via je pagina kies je een nieuw moment.`,
    movedSubject: (when) => `Verplaatst: je sessie is nu op ${when}`,
    movedLead: (coach, from, to) => `${coach} heeft je sessie van ${from} verplaatst naar ${to}. Past dat niet, dan kies je via je pagina een ander moment.`,
    bookAnother: 'Een ander moment kiezen',
    open: 'Je pagina openen',
    coachCancelledSubject: (coachee, when) => `${coachee} annuleerde de sessie van ${when}`,
    coachCancelledLead: (coachee, when) => `${coachee} heeft de sessie van ${when} geannuleerd. Die tijd is weer vrij in je agenda.`,
  },
  en: {
    cancelledSubject: (when) => `Cancelled: your session on ${when}`,
    cancelledLead: (coach, when) => `${coach} cancelled your session on ${when}. You can pick a new time on your page.`,
    movedSubject: (when) => `Moved: your session is now on ${when}`,
    movedLead: (coach, from, to) => `${coach} moved your session from ${from} to ${to}. If that does not suit you, pick another time on your page.`,
    bookAnother: 'Pick another time',
    open: 'Open your page',
    coachCancelledSubject: (coachee, when) => `${coachee} cancelled the session on ${when}`,
    coachCancelledLead: (coachee, when) => `${coachee} cancelled the session on ${when}. That time is free again in your calendar.`,
  },
};

/** The outbox job for a change; a redelivered job, or the same change enqueued twice, mails once. */
export function changeNoticeJob(c: SessionChange): Job {
  const id = c.change === 'cancel' ? `cancel:${c.sessionId}` : `move:${c.sessionId}:${c.toMs}`;
  const times: Record<string, string | number> = c.change === 'cancel' ? { by: c.by, startMs: c.startMs } : { fromMs: c.fromMs, toMs: c.toMs };
  return { id, kind: CHANGE_NOTICE_KIND, coachId: c.coachId, engagementId: c.engagementId, sessionId: c.sessionId, change: c.change, ...times };
}

/** Hands the notice of a change to the outbox. */
export const enqueueChangeNotice = (env: Env, c: SessionChange) => enqueue(env, [changeNoticeJob(c)]);

const jobChange = (job: Job): SessionChange => {
  const base = { coachId: String(job.coachId), engagementId: String(job.engagementId), sessionId: String(job.sessionId) };
  return job.change === 'cancel' ? { ...base, change: 'cancel', by: job.by === 'coachee' ? 'coachee' : 'coach', startMs: Number(job.startMs) } : { ...base, change: 'move', fromMs: Number(job.fromMs), toMs: Number(job.toMs) };
};

/**
 * Sends the notice of one change: to the coachee when the coach cancelled or moved (only with an address and mail not
 * stopped; with a link to their page to book another time), to the coach when the coachee cancelled (with a link to /app).
 * @returns whether a mail went out now
 */
export async function sendChangeNotice(env: Env, job: Job, nowMs = Date.now()): Promise<boolean> {
  const c = jobChange(job);
  const parties = await loadParties(env, c.coachId, c.engagementId);
  if (!parties) return false;
  const rec = { coachId: c.coachId, engagementId: c.engagementId, dedupeKey: job.id };
  if (c.change === 'cancel' && c.by === 'coachee') {
    const ctx = coachMailContext(env, parties.coach);
    const { locale } = ctx.coach;
    const t = TEXTS[locale];
    const when = formatInstant(c.startMs, parties.coach.time_zone, locale, 'full');
    const m: MailContent = {
      lang: locale,
      preheader: t.coachCancelledLead(parties.coachee.name, when).slice(0, 120),
      greeting: MAIL_STRINGS[locale].hello(ctx.coach.name),
      paragraphs: [t.coachCancelledLead(parties.coachee.name, when)],
      actions: [{ label: MAIL_STRINGS[locale].coach.open, href: ctx.appUrl }],
      footer: [MAIL_STRINGS[locale].coach.footer],
    };
    const mail: OutgoingMail = { to: ctx.coach.email, subject: t.coachCancelledSubject(parties.coachee.name, when), text: renderText(m), html: renderHtml(m), headers: { 'Content-Language': locale } };
    return sendOnce(env, { ...rec, recipient: 'coach' }, mail, nowMs);
  }
  const { prefs } = await getSettings(coachDb(env, c.coachId), c.coachId, c.engagementId);
  if (prefs.mailOff || !parties.coachee.email) return false;
  const ctx = await coacheeMailContext(env, parties, null, nowMs);
  const { locale, timeZone, name } = ctx.coachee;
  const t = TEXTS[locale];
  const s = MAIL_STRINGS[locale];
  const at = (ms: number) => formatInstant(ms, timeZone, locale, 'full');
  const [subject, lead] = c.change === 'cancel' ? [t.cancelledSubject(at(c.startMs)), t.cancelledLead(ctx.coach.name, at(c.startMs))] : [t.movedSubject(at(c.toMs)), t.movedLead(ctx.coach.name, at(c.fromMs), at(c.toMs))];
  const m: MailContent = {
    lang: locale,
    preheader: lead.slice(0, 120),
    greeting: s.hello(name),
    paragraphs: [lead],
    actions: ctx.pageUrl ? [{ label: c.change === 'cancel' ? t.bookAnother : t.open, href: ctx.pageUrl() }] : [],
    footer: [s.footer.why(ctx.coach.name)],
    footerLink: { label: s.footer.prefs, href: ctx.prefsUrl },
  };
  const mail: OutgoingMail = {
    to: ctx.coachee.email,
    subject,
    text: renderText(m),
    html: renderHtml(m),
    replyTo: ctx.coach.email,
    headers: { 'List-Unsubscribe': `<${ctx.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Content-Language': locale },
  };
  return sendOnce(env, { ...rec, recipient: 'coachee' }, mail, nowMs);
}

JOB_HANDLERS.set(CHANGE_NOTICE_KIND, async (env, job) => {
  await sendChangeNotice(env, job);
});
