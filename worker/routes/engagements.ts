/** `/api/engagements`: trajectories (coachee, goal, model, session length, status) and their coachee links. */
import { Hono } from 'hono';
import { z } from 'zod';
import { Engagement, EngagementCreate, EngagementIntake, EngagementPatch, Id } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { LINK_LIFETIME_MS } from '../auth/links';
import { requireCoach, ownDb } from '../auth/require-coach';
import { endpoint, param } from '../http/endpoint';
import { ApiProblem, invalidField, notFound } from '../http/problem';
import { getCoachee } from '../storage/coachees';
import { createEngagement, getEngagement, listEngagements, rotateLink, toEngagement, updateEngagement, type EngagementRow } from '../storage/engagements';
import { findModel } from '../storage/models';
import { loadOnboarding } from '../storage/onboarding';
import { iso } from '../storage/time';
import { coacheeUrl } from '../services/coachee-link';
import { closeCoacheeSockets } from '../services/room';
import { publicUrl } from '../http/public-url';
import { coachDb } from '../storage/databases';
import { onEngagementChanged } from '../between/hooks';

/** Routes under `/api/engagements`. */
export const engagementRoutes = new Hono<AppEnv>();
engagementRoutes.use('*', requireCoach);
const M = '/api/engagements';
const Link = z.object({ url: z.string(), expiresAt: z.string() });

async function checkModel(db: D1Database, coachId: string, modelId: string) {
  if (!(await findModel(db, coachId, modelId, 'nl'))) throw invalidField('body', 'modelId', 'no such model');
}

async function found(db: D1Database, coachId: string, id: string): Promise<EngagementRow> {
  const row = await getEngagement(db, coachId, id);
  if (!row) throw notFound('Engagement');
  return row;
}

endpoint(engagementRoutes, M, { method: 'get', path: '/', tag: 'engagements', summary: 'The coach\'s engagements, newest first.', query: z.strictObject({ coacheeId: Id.optional() }), response: z.array(Engagement) }, async (c, { query }) => {
  if (query.coacheeId && !(await getCoachee(ownDb(c), c.get('coachId'), query.coacheeId))) throw invalidField('query', 'coacheeId', 'no such coachee', 404);
  return c.json((await listEngagements(ownDb(c), c.get('coachId'), query.coacheeId)).map(toEngagement));
});

endpoint(engagementRoutes, M, { method: 'post', path: '/', tag: 'engagements', summary: 'Starts a trajectory with a coachee.', body: EngagementCreate, response: Engagement, status: 201 }, async (c, { body }) => {
  const coachId = c.get('coachId');
  if (!(await getCoachee(coachDb(c.env, coachId), coachId, body.coacheeId))) throw invalidField('body', 'coacheeId', 'no such coachee', 404);
  await checkModel(coachDb(c.env, coachId), coachId, body.modelId);
  const now = Date.now();
  const row = await createEngagement(coachDb(c.env, coachId), {
    id: crypto.randomUUID(),
    coach_id: coachId,
    coachee_id: body.coacheeId,
    goal: body.goal,
    model_id: body.modelId,
    session_minutes: body.sessionMinutes,
    status: 'active',
    link_version: 1,
    link_expires_at: Math.floor((now + LINK_LIFETIME_MS) / 1000) * 1000,
    created_at: now,
    welcome: body.welcome,
    intake_questions: body.intakeQuestions === null ? null : JSON.stringify(body.intakeQuestions),
    touchpoint_defaults: body.touchpoints === null ? null : JSON.stringify(body.touchpoints),
    consent_at: null,
    closed_at: null,
  });
  return c.json(toEngagement(row), 201);
});

endpoint(engagementRoutes, M, { method: 'get', path: '/:id', tag: 'engagements', summary: 'One engagement.', response: Engagement }, async (c) =>
  c.json(toEngagement(await found(ownDb(c), c.get('coachId'), param(c, 'id')))),
);

endpoint(engagementRoutes, M, { method: 'patch', path: '/:id', tag: 'engagements', summary: 'Updates goal, model, session length, status (closed: the coachee link turns read-only), welcome, intake questions or touchpoint defaults.', body: EngagementPatch, response: Engagement }, async (c, { body }) => {
  const row = await found(ownDb(c), c.get('coachId'), param(c, 'id'));
  if (body.modelId) await checkModel(coachDb(c.env, row.coach_id), row.coach_id, body.modelId);
  const status = body.status ?? row.status;
  const json = (value: unknown, current: string | null) => (value === undefined ? current : value === null ? null : JSON.stringify(value));
  const next: EngagementRow = {
    ...row,
    goal: body.goal ?? row.goal,
    model_id: body.modelId ?? row.model_id,
    session_minutes: body.sessionMinutes ?? row.session_minutes,
    status,
    welcome: body.welcome ?? row.welcome,
    intake_questions: json(body.intakeQuestions, row.intake_questions),
    touchpoint_defaults: json(body.touchpoints, row.touchpoint_defaults),
    closed_at: status === 'closed' ? (row.closed_at ?? Date.now()) : null,
  };
  await updateEngagement(coachDb(c.env, row.coach_id), next);
  if (next.status === 'closed' && row.status !== 'closed') await closeCoacheeSockets(c.env, row.coach_id, row.id, 'closed');
  // Closing sends the evaluation and plans the follow-up; pausing holds check-ins; reopening plans them again.
  if (body.status && body.status !== row.status) await onEngagementChanged(c.env, row.coach_id, row.id);
  return c.json(toEngagement(next));
});

endpoint(engagementRoutes, M, { method: 'get', path: '/:id/link', tag: 'engagements', summary: 'The coachee\'s link to their session page.', response: Link }, async (c) => {
  const row = await found(ownDb(c), c.get('coachId'), param(c, 'id'));
  const link = await coacheeUrl(c.env, publicUrl(c), row, Date.now());
  if (!link) throw new ApiProblem(404, '/problems/link-revoked', 'The coachee link was revoked or has expired; POST to this URL issues a new one');
  return c.json({ url: link.url, expiresAt: iso(link.expiresAtMs) });
});

endpoint(engagementRoutes, M, { method: 'post', path: '/:id/link', tag: 'engagements', summary: 'Issues a new coachee link; earlier links stop working.', response: Link, status: 201 }, async (c) => {
  const next = await rotateLink(ownDb(c), c.get('coachId'), param(c, 'id'), Math.floor((Date.now() + LINK_LIFETIME_MS) / 1000) * 1000);
  if (!next) throw notFound('Engagement');
  await closeCoacheeSockets(c.env, next.coach_id, next.id);
  const link = await coacheeUrl(c.env, publicUrl(c), next, Date.now());
  return c.json({ url: link!.url, expiresAt: iso(next.link_expires_at) }, 201);
});

endpoint(engagementRoutes, M, { method: 'delete', path: '/:id/link', tag: 'engagements', summary: 'Revokes the coachee link.', status: 204 }, async (c) => {
  const revoked = await rotateLink(ownDb(c), c.get('coachId'), param(c, 'id'), 0);
  if (!revoked) throw notFound('Engagement');
  await closeCoacheeSockets(c.env, revoked.coach_id, revoked.id);
  return c.body(null, 204);
});

endpoint(engagementRoutes, M, { method: 'get', path: '/:id/intake', tag: 'engagements', summary: "The trajectory's welcome, the coachee's consent and their intake answers (for the coach only; never on an invite).", response: EngagementIntake }, async (c) => {
  const coachId = c.get('coachId');
  const engagement = await getEngagement(ownDb(c), coachId, param(c, 'id'));
  const coachee = engagement ? await getCoachee(ownDb(c), coachId, engagement.coachee_id) : null;
  if (!engagement || !coachee) throw notFound('Engagement');
  const onboarding = await loadOnboarding(ownDb(c), engagement, coachee.locale);
  return c.json({ ...onboarding, consentAt: engagement.consent_at === null ? null : new Date(engagement.consent_at).toISOString() });
});
