/** iCalendar routes of the local calendar: the coach's feed `GET /ics/:token.ics` and REQUEST invites for the coach and the coachee. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { requireCoach, ownDb } from '../auth/require-coach';
import { endpoint, param, ROUTES } from '../http/endpoint';
import { ApiProblem, notFound } from '../http/problem';
import { engagementOfLink } from '../services/coachee-link';
import { cancelInvite, coachFeed, sessionInvite } from '../services/ics';
import { getCancellation } from '../storage/cancellations';
import { getCoach } from '../storage/coaches';
import { getCoachee } from '../storage/coachees';
import { getEngagement } from '../storage/engagements';
import { getCoachByIcsToken } from '../storage/coaches';
import { loadSessionContext } from '../storage/session-context';
import { currentSessionOfEngagement } from '../storage/sessions';
import { publicUrl } from '../http/public-url';
import { coachDb, replicaDb } from '../storage/databases';

/** Routes `/ics/…`, `/api/sessions/:id/invite.ics` and `/api/c/:token/invite.ics`. */
export const icsRoutes = new Hono<AppEnv>();
icsRoutes.use('/api/sessions/:id/invite.ics', requireCoach);
const M = '';

/** RFC 5545 §8.1: the media type; invites name their iTIP method (RFC 6047 §2.4). */
const ICS_TYPE = 'text/calendar; charset=utf-8';
const INVITE_TYPE = 'text/calendar; method=REQUEST; charset=utf-8';
const CANCEL_TYPE = 'text/calendar; method=CANCEL; charset=utf-8';

const feedSpec = { method: 'get', path: '/ics/:token.ics', tag: 'calendar', auth: 'capability', summary: "The coach's local calendar as an iCalendar feed to subscribe to; the token is the capability (see calendar.icsUrl in GET /api/me)." } as const;
ROUTES.push({ ...feedSpec, fullPath: feedSpec.path });

// Hono reads `:token.ics` as one parameter named `token.ics`; the pattern keeps the suffix out of other routes' way.
icsRoutes.get('/ics/:file{[^/]+\\.ics}', async (c) => {
  const token = param(c, 'file').slice(0, -'.ics'.length);
  // Calendar clients poll the feed and may cache it for five minutes: a read replica a few seconds behind is as good as the primary.
  const coach = token ? await getCoachByIcsToken(replicaDb(c.env, null).db, token) : null;
  // A coach who moved to Google, Outlook or another calendar has no local feed any more: its old address goes quiet.
  if (!coach || coach.calendar_provider !== 'local') throw new ApiProblem(404, '/problems/not-found', 'No calendar feed with this address (it may have been replaced)');
  const body = await coachFeed(replicaDb(c.env, coach.id).db, coach, publicUrl(c), Date.now());
  return c.body(body, 200, { 'content-type': ICS_TYPE, 'cache-control': 'private, max-age=300' });
});

/** Only the local calendar needs our invites; Google and Microsoft send their own, with their own UIDs. */
function requireLocal(provider: string) {
  if (provider !== 'local') {
    throw new ApiProblem(409, '/problems/invite-by-provider', 'This calendar sends the invitation itself; there is no separate invite file');
  }
}

function inviteResponse(c: Context<AppEnv>, body: string, sessionId: string) {
  return c.body(body, 200, { 'content-type': INVITE_TYPE, 'content-disposition': `attachment; filename="session-${sessionId}.ics"`, 'cache-control': 'no-store' });
}

/**
 * The METHOD:CANCEL of a cancelled session of this coach (and, from a link, of that trajectory); 404 when there is none.
 * @see https://www.rfc-editor.org/rfc/rfc5546#section-3.2.5
 */
async function cancelledInvite(c: Context<AppEnv>, coachId: string, sessionId: string, engagementId?: string): Promise<Response> {
  const cancelled = await getCancellation(coachDb(c.env, coachId), coachId, sessionId);
  if (!cancelled || (engagementId !== undefined && cancelled.engagement_id !== engagementId)) throw notFound('Session');
  const [coach, engagement] = await Promise.all([getCoach(coachDb(c.env, coachId), coachId), getEngagement(coachDb(c.env, coachId), coachId, cancelled.engagement_id)]);
  const coachee = engagement ? await getCoachee(coachDb(c.env, coachId), coachId, engagement.coachee_id) : null;
  if (!coach || !coachee) throw notFound('Session');
  requireLocal(coach.calendar_provider);
  const body = await cancelInvite(c.env, publicUrl(c), coach, coachee, sessionId, Date.now());
  if (!body) throw notFound('Session');
  return c.body(body, 200, { 'content-type': CANCEL_TYPE, 'content-disposition': `attachment; filename="session-${sessionId}.ics"`, 'cache-control': 'no-store' });
}

endpoint(icsRoutes, M, { method: 'get', path: '/api/sessions/:id/invite.ics', tag: 'sessions', summary: 'The session as an RFC 5546 METHOD:REQUEST invite to send the coachee (local calendar only; never notes); a cancelled session answers its METHOD:CANCEL.' }, async (c) => {
  const ctx = await loadSessionContext(ownDb(c), c.env.NOTES_KEYS, c.get('coachId'), param(c, 'id'), false);
  if (!ctx) return cancelledInvite(c, c.get('coachId'), param(c, 'id'));
  requireLocal(ctx.coach.calendar_provider);
  return inviteResponse(c, await sessionInvite(c.env, publicUrl(c), ctx, Date.now()), ctx.session.id);
});

/** The coachee's invite for one session of their engagement (another engagement's session answers 404, like an unknown id). */
async function coacheeInvite(c: Context<AppEnv>, pick: (db: D1Database, engagementId: string, nowMs: number) => Promise<{ id: string } | null>) {
  const nowMs = Date.now();
  const engagement = await engagementOfLink(c.env, param(c, 'token'), nowMs);
  const session = await pick(coachDb(c.env, engagement.coach_id), engagement.id, nowMs);
  if (!session) throw new ApiProblem(409, '/problems/no-session', 'There is no session planned yet');
  const ctx = await loadSessionContext(coachDb(c.env, engagement.coach_id), c.env.NOTES_KEYS, engagement.coach_id, session.id, false);
  if (!ctx) return cancelledInvite(c, engagement.coach_id, session.id, engagement.id);
  if (ctx.engagement.id !== engagement.id) throw notFound('Session');
  requireLocal(ctx.coach.calendar_provider);
  return inviteResponse(c, await sessionInvite(c.env, publicUrl(c), ctx, nowMs), ctx.session.id);
}

endpoint(icsRoutes, M, { method: 'get', path: '/api/c/:token/invite.ics', tag: 'coachee', auth: 'capability', summary: "The coachee's current session as an iCalendar invite to add to their own calendar (local calendar only)." }, (c) =>
  coacheeInvite(c, (db, engagementId, nowMs) => currentSessionOfEngagement(db, engagementId, nowMs)),
);

endpoint(icsRoutes, M, { method: 'get', path: '/api/c/:token/sessions/:id/invite.ics', tag: 'coachee', auth: 'capability', summary: 'One session of the coachee\'s engagement (e.g. the one they just booked) as an iCalendar invite (local calendar only); a cancelled one answers its METHOD:CANCEL.' }, (c) =>
  coacheeInvite(c, async () => ({ id: param(c, 'id') })),
);
