/** `/api/sessions`: plan, list and read sessions; the panel's one-call payload, the invite preview and the live socket. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { Id, InvitePreview, Instant, PanelData, Session, SessionCreate } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { coachClaims, requireCoach, ownDb } from '../auth/require-coach';
import { endpoint, param } from '../http/endpoint';
import { invalidField, notFound } from '../http/problem';
import { getEngagement } from '../storage/engagements';
import { findModel } from '../storage/models';
import { loadSessionContext } from '../storage/session-context';
import { getSession, listSessions, setSessionModel, toSession } from '../storage/sessions';
import { ms } from '../storage/time';
import { planSession } from '../services/booking';
import { buildInvitePreview } from '../services/invite';
import { buildPanelData } from '../services/panel';
import { connectToRoom, roomOf } from '../services/room';
import { publicUrl } from '../http/public-url';
import { coachDb } from '../storage/databases';

/** Routes under `/api/sessions`. */
export const sessionRoutes = new Hono<AppEnv>();
sessionRoutes.use('*', requireCoach);
const M = '/api/sessions';

/** One session of the signed-in coach, or 404. */
export async function ownSession(c: Context<AppEnv>, id = param(c, 'id')) {
  const row = await getSession(ownDb(c), c.get('coachId'), id);
  if (!row) throw notFound('Session');
  return row;
}

endpoint(sessionRoutes, M, { method: 'post', path: '/', tag: 'sessions', summary: 'Plans a session of an engagement.', body: SessionCreate, response: Session, status: 201 }, async (c, { body }) => {
  const coachId = c.get('coachId');
  const engagement = await getEngagement(coachDb(c.env, coachId), coachId, body.engagementId);
  if (!engagement) throw invalidField('body', 'engagementId', 'no such engagement', 404);
  const modelId = body.modelId ?? engagement.model_id;
  if (body.modelId && !(await findModel(coachDb(c.env, coachId), coachId, body.modelId, 'nl'))) throw invalidField('body', 'modelId', 'no such model');
  // Through the coach's CoachBooking object, so a planned session and a booking can never take the same time; the invite is then
  // written through the outbox, so the session starts as "not yet in calendar".
  const session = await planSession(c.env, { coachId, engagementId: engagement.id, coacheeId: engagement.coachee_id, startMs: ms(body.startsAt), endMs: ms(body.endsAt), modelId, calendarStatus: 'pending' });
  return c.json(session, 201);
});

const ListQuery = z
  .strictObject({ engagementId: Id.optional(), from: Instant.optional(), to: Instant.optional() })
  .refine((q) => !q.from || !q.to || ms(q.to) > ms(q.from), { message: 'must be after from', path: ['to'] });

endpoint(sessionRoutes, M, { method: 'get', path: '/', tag: 'sessions', summary: 'Sessions, newest first.', query: ListQuery, response: z.array(Session) }, async (c, { query }) => {
  if (query.engagementId && !(await getEngagement(ownDb(c), c.get('coachId'), query.engagementId))) throw invalidField('query', 'engagementId', 'no such engagement', 404);
  const rows = await listSessions(ownDb(c), c.get('coachId'), { engagementId: query.engagementId, fromMs: query.from ? ms(query.from) : undefined, toMs: query.to ? ms(query.to) : undefined });
  return c.json(rows.map(toSession));
});

endpoint(sessionRoutes, M, { method: 'get', path: '/:id', tag: 'sessions', summary: 'One session.', response: Session }, async (c) => c.json(toSession(await ownSession(c))));

endpoint(sessionRoutes, M, { method: 'patch', path: '/:id', tag: 'sessions', summary: 'Switches the conversation model of this session.', body: z.strictObject({ modelId: z.string().max(64) }), response: Session }, async (c, { body }) => {
  const row = await ownSession(c);
  if (!(await findModel(coachDb(c.env, row.coach_id), row.coach_id, body.modelId, 'nl'))) throw invalidField('body', 'modelId', 'no such model');
  await setSessionModel(coachDb(c.env, row.coach_id), row.coach_id, row.id, body.modelId);
  await roomOf(c.env, row.id).invalidate();
  return c.json(toSession({ ...row, model_id: body.modelId }));
});

async function context(c: Context<AppEnv>, withNotes: boolean) {
  const ctx = await loadSessionContext(ownDb(c), c.env.NOTES_KEYS, c.get('coachId'), param(c, 'id'), withNotes);
  if (!ctx) throw notFound('Session');
  return ctx;
}

endpoint(sessionRoutes, M, { method: 'get', path: '/:id/panel', tag: 'sessions', summary: 'Everything the side panel shows, in one response.', response: PanelData }, async (c) =>
  c.json(await buildPanelData(c.env, publicUrl(c), await context(c, true), Date.now())),
);

endpoint(sessionRoutes, M, { method: 'get', path: '/:id/invite', tag: 'sessions', summary: 'Exactly what the calendar invite will show the coachee (never private notes).', response: InvitePreview }, async (c) =>
  c.json(await buildInvitePreview(c.env, publicUrl(c), await context(c, false), Date.now())),
);

endpoint(sessionRoutes, M, { method: 'get', path: '/:id/live', tag: 'sessions', summary: 'WebSocket upgrade for live sync (token may be passed as ?token=).', status: 101 }, async (c) => {
  const row = await ownSession(c);
  const { expiresAt } = await coachClaims(c);
  return connectToRoom(c.env, c.req.raw, row.id, { actor: 'coach', expiresAtMs: expiresAt * 1000 });
});
