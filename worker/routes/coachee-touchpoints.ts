/** The coachee's between-session routes: their forms behind the page link (`/api/c/:token/touchpoints…`, preferences) and the preferences link in every mail (`/api/p/:token`). */
import { Hono, type Context } from 'hono';
import { CoacheePrefs, CoacheePrefsPatch, CoacheeTouchpoint, CoacheeTouchpointList, TouchpointAnswer, type CoacheeTouchpoint as CoacheeTouchpointT } from '../../shared/protocol';
import { formText, LOW_SCORE_MESSAGE } from '../../shared/touchpoints/texts';
import { learningText } from '../../shared/touchpoints/learning-library';
import type { LearningId } from '../../shared/schemas/touchpoints';
import type { AppEnv } from '../env';
import { endpoint, param } from '../http/endpoint';
import { notFound } from '../http/problem';
import { answerTouchpoint } from '../between/answers';
import { loadParties } from '../between/mail-context';
import { verifyPrefsToken } from '../between/prefs-token';
import { replanEngagement } from '../between/replan';
import { toCoacheeTouchpoint } from '../between/views';
import { fillTemplate } from '../mail/compose';
import { engagementOfLink } from '../services/coachee-link';
import { coachDb, directoryDb } from '../storage/databases';
import { getEngagementForLink, type EngagementRow } from '../storage/engagements';
import { batch, first, sql } from '../storage/sql';
import { iso } from '../storage/time';
import { getSettings, getTouchpoint, listTouchpoints, saveSettings, type TouchpointRow } from '../storage/touchpoints';

/** Routes under `/api/c/:token/…` and `/api/p/:token…`. */
export const coacheeTouchpointRoutes = new Hono<AppEnv>();
const M = '/api';

async function trajectory(c: Context<AppEnv>) {
  const engagement = await engagementOfLink(c.env, param(c, 'token'), Date.now());
  const parties = await loadParties(c.env, engagement.coach_id, engagement.id);
  if (!parties) throw notFound('Link');
  return { ...parties, db: coachDb(c.env, engagement.coach_id) };
}

/** A touchpoint the coachee may see: theirs, and already sent (planned ones are not theirs to open yet). */
async function visible(c: Context<AppEnv>, db: D1Database, e: EngagementRow): Promise<TouchpointRow> {
  const t = await getTouchpoint(db, e.coach_id, param(c, 'id'));
  if (!t || t.engagement_id !== e.id || t.status === 'planned' || t.status === 'cancelled' || (t.status === 'skipped' && t.sent_at === null)) throw notFound('Touchpoint');
  return t;
}

async function view(db: D1Database, t: TouchpointRow, p: Awaited<ReturnType<typeof trajectory>>): Promise<CoacheeTouchpointT> {
  const { settings } = await getSettings(db, t.coach_id, t.engagement_id);
  const agreement = t.agreement_id
    ? await first<{ id: string; what: string; due: string | null; status: string }>(sql(db)`SELECT id, what, due, status FROM agreements WHERE id = ${t.agreement_id} AND coach_id = ${t.coach_id}`)
    : null;
  const low = t.kind === 'checkin' && t.score !== null ? await first<{ id: string }>(sql(db)`SELECT id FROM alerts WHERE coach_id = ${t.coach_id} AND touchpoint_id = ${t.id} AND kind = 'low_score'`) : null;
  const message = low ? fillTemplate(settings.lowScoreMessage ?? LOW_SCORE_MESSAGE[p.coachee.locale], p.coachee.name, p.coach.name) : null;
  return toCoacheeTouchpoint(t, { locale: p.coachee.locale, coachName: p.coach.name, settings, agreement, message });
}

const title = (t: TouchpointRow, locale: 'nl' | 'en') => (t.kind === 'learning' && t.learning_id ? learningText(t.learning_id as LearningId, locale).title : formText(t.kind, locale).title);

endpoint(coacheeTouchpointRoutes, M, { method: 'get', path: '/c/:token/touchpoints', tag: 'coachee', auth: 'capability', summary: 'What reached the coachee between sessions, open forms first, and their mail preferences.', response: CoacheeTouchpointList }, async (c) => {
  const p = await trajectory(c);
  const rows = (await listTouchpoints(p.db, p.engagement.coach_id, p.engagement.id)).filter((t) => t.status === 'sent' || t.status === 'answered');
  const open = (t: TouchpointRow) => (t.status === 'sent' && ['reflection', 'checkin', 'evaluation'].includes(t.kind) ? 0 : 1);
  rows.sort((a, b) => open(a) - open(b) || b.due_at - a.due_at);
  c.header('cache-control', 'no-store');
  return c.json({ items: rows.map((t) => ({ id: t.id, kind: t.kind, status: t.status, dueAt: iso(t.due_at), title: title(t, p.coachee.locale) })), prefs: (await getSettings(p.db, p.engagement.coach_id, p.engagement.id)).prefs } satisfies CoacheeTouchpointList);
});

endpoint(coacheeTouchpointRoutes, M, { method: 'get', path: '/c/:token/touchpoints/:id', tag: 'coachee', auth: 'capability', summary: 'One form or message for the coachee (reading it never answers it).', response: CoacheeTouchpoint }, async (c) => {
  const p = await trajectory(c);
  const t = await visible(c, p.db, p.engagement);
  c.header('cache-control', 'no-store');
  return c.json(await view(p.db, t, p));
});

endpoint(coacheeTouchpointRoutes, M, { method: 'post', path: '/c/:token/touchpoints/:id/answer', tag: 'coachee', auth: 'capability', summary: 'The coachee\'s answer; a low check-in score alerts the coach at once.', body: TouchpointAnswer, response: CoacheeTouchpoint }, async (c, { body }) => {
  const p = await trajectory(c);
  const t = await visible(c, p.db, p.engagement);
  await answerTouchpoint(c.env, t, body, Date.now());
  return c.json(await view(p.db, (await getTouchpoint(p.db, t.coach_id, t.id))!, p));
});

async function updatePrefs(c: Context<AppEnv>, e: EngagementRow, patch: Partial<CoacheePrefs>): Promise<CoacheePrefs> {
  const db = coachDb(c.env, e.coach_id);
  const nowMs = Date.now();
  const stored = await getSettings(db, e.coach_id, e.id);
  const prefs: CoacheePrefs = { ...stored.prefs, ...patch };
  await batch(db, [saveSettings(db, e.coach_id, e.id, { ...stored, prefs }, nowMs)]);
  await replanEngagement(c.env, e.coach_id, e.id, nowMs);
  return prefs;
}

endpoint(coacheeTouchpointRoutes, M, { method: 'get', path: '/c/:token/preferences', tag: 'coachee', auth: 'capability', summary: 'The coachee\'s mail preferences.', response: CoacheePrefs }, async (c) => {
  const p = await trajectory(c);
  return c.json((await getSettings(p.db, p.engagement.coach_id, p.engagement.id)).prefs);
});

endpoint(coacheeTouchpointRoutes, M, { method: 'patch', path: '/c/:token/preferences', tag: 'coachee', auth: 'capability', summary: 'Pause, fewer check-ins, or no mail at all.', body: CoacheePrefsPatch, response: CoacheePrefs }, async (c, { body }) => {
  const p = await trajectory(c);
  return c.json(await updatePrefs(c, p.engagement, body));
});

async function prefsEngagement(c: Context<AppEnv>): Promise<EngagementRow> {
  const id = await verifyPrefsToken(c.env, param(c, 'token'));
  const e = id ? await getEngagementForLink(directoryDb(c.env), id) : null;
  if (!e) throw notFound('Link');
  return e;
}

endpoint(coacheeTouchpointRoutes, M, { method: 'get', path: '/p/:token', tag: 'coachee', auth: 'capability', summary: 'Mail preferences from a mail\'s footer link.', response: CoacheePrefs }, async (c) => {
  const e = await prefsEngagement(c);
  return c.json((await getSettings(coachDb(c.env, e.coach_id), e.coach_id, e.id)).prefs);
});

endpoint(coacheeTouchpointRoutes, M, { method: 'patch', path: '/p/:token', tag: 'coachee', auth: 'capability', summary: 'Changes mail preferences from a mail\'s footer link.', body: CoacheePrefsPatch, response: CoacheePrefs }, async (c, { body }) => {
  return c.json(await updatePrefs(c, await prefsEngagement(c), body));
});

/**
 * One-click unsubscribe (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click`; mail stops, the page keeps everything.
 * @see https://www.rfc-editor.org/rfc/rfc8058#section-3.1
 */
endpoint(coacheeTouchpointRoutes, M, { method: 'post', path: '/p/:token/unsubscribe', tag: 'coachee', auth: 'capability', summary: 'One-click unsubscribe from the List-Unsubscribe header.', response: CoacheePrefs }, async (c) => {
  return c.json(await updatePrefs(c, await prefsEngagement(c), { mailOff: true }));
});
