/** `/api/c/:token/…`: the coachee's API behind their capability link — their current session's agenda and agreements, no notes, no prompts. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AgendaItem, Agreement, AgreementStatus, CoacheeView, LIMITS, text } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { endpoint, param } from '../http/endpoint';
import { ApiProblem } from '../http/problem';
import { currentSessionOfEngagement } from '../storage/sessions';
import { iso } from '../storage/time';
import { claimsOfLink, engagementOfLink, linkedEngagement } from '../services/coachee-link';
import { loadCoacheeView } from '../storage/coachee-view';
import { applyThroughRoom, connectToRoom, restOpId } from '../services/room';
import { journeyOf, journeyQueries, requireOpen } from '../services/coachee-journey';
import { coachDb, directoryDb } from '../storage/databases';

/** Routes under `/api/c/:token`. */
export const coacheeLinkRoutes = new Hono<AppEnv>();
const M = '/api/c';

async function resolve(c: Context<AppEnv>) {
  const nowMs = Date.now();
  const engagement = await engagementOfLink(c.env, param(c, 'token'), nowMs);
  const session = await currentSessionOfEngagement(coachDb(c.env, engagement.coach_id), engagement.id, nowMs);
  return { engagement, session, nowMs };
}

/** The link's current session, for a change through the link: 409 when there is none or the trajectory is closed. */
async function requireSession(c: Context<AppEnv>) {
  const r = await resolve(c);
  requireOpen(r.engagement);
  if (!r.session) throw new ApiProblem(409, '/problems/no-session', 'There is no session planned yet');
  return { ...r, session: r.session };
}

endpoint(coacheeLinkRoutes, M, { method: 'get', path: '/:token', tag: 'coachee', auth: 'capability', summary: 'The coachee\'s view of their current session.', response: CoacheeView }, async (c) => {
  const nowMs = Date.now();
  const claims = await claimsOfLink(c.env, param(c, 'token'), nowMs);
  // One round trip: the link's engagement, its current session and what the page shows of it (the room persists every op to D1
  // first), and in the same batch the trajectory around it.
  const db = directoryDb(c.env);
  const read = await loadCoacheeView(db, claims.engagementId, nowMs, journeyQueries(db, claims.engagementId, nowMs));
  const view = read.view;
  const engagement = linkedEngagement(claims, view?.engagement ?? null, nowMs);
  const { coach, coachee, session, next, state } = view!;
  c.header('cache-control', 'no-store');
  return c.json({
    coachName: coach.name,
    coacheeName: coachee.name,
    locale: coachee.locale,
    timeZone: coachee.time_zone,
    goal: engagement.goal,
    session: session ? { id: session.id, startsAt: iso(session.starts_at), endsAt: iso(session.ends_at), meetingUrl: session.meeting_url } : null,
    nextSession: next ? { id: next.id, startsAt: iso(next.starts_at), endsAt: iso(next.ends_at) } : null,
    agenda: state?.agenda ?? [],
    agreements: state?.agreements ?? [],
    seq: session?.seq ?? 0,
    expiresAt: iso(engagement.link_expires_at),
    inviteFiles: coach.calendar_provider === 'local',
    ...journeyOf(read.alongside, engagement, coach, coachee, nowMs),
  } satisfies CoacheeView);
});

endpoint(coacheeLinkRoutes, M, { method: 'post', path: '/:token/agenda', tag: 'coachee', auth: 'capability', summary: 'The coachee proposes a topic for the agenda.', body: z.strictObject({ title: text(LIMITS.title) }), response: AgendaItem, status: 201 }, async (c, { body }) => {
  const { session } = await requireSession(c);
  const id = crypto.randomUUID();
  const { state } = await applyThroughRoom(c.env, session.id, { opId: restOpId(), kind: 'agenda.add', id, title: body.title }, 'coachee');
  return c.json(state.agenda.find((i) => i.id === id), 201);
});

endpoint(coacheeLinkRoutes, M, { method: 'patch', path: '/:token/agreements/:id', tag: 'coachee', auth: 'capability', summary: 'The coachee ticks one of their agreements done (or reopens it).', body: z.strictObject({ status: AgreementStatus }), response: Agreement }, async (c, { body }) => {
  const { session } = await requireSession(c);
  const id = param(c, 'id');
  const { state } = await applyThroughRoom(c.env, session.id, { opId: restOpId(), kind: 'agreement.update', id, patch: { status: body.status } }, 'coachee');
  return c.json(state.agreements.find((a) => a.id === id));
});

endpoint(coacheeLinkRoutes, M, { method: 'get', path: '/:token/live', tag: 'coachee', auth: 'capability', summary: 'WebSocket upgrade for the coachee\'s live view.', status: 101 }, async (c) => {
  const { session, engagement } = await requireSession(c);
  return connectToRoom(c.env, c.req.raw, session.id, { actor: 'coachee', expiresAtMs: engagement.link_expires_at, engagementId: engagement.id, linkVersion: engagement.link_version });
});
