/** `PUT/DELETE /api/me/calendar` (the coach's calendar or Zoom connection), `POST /api/me/calendar/feed` (a new feed URL) and `POST /api/sessions/:id/publish` (write the invite). */
import { Hono } from 'hono';
import { z } from 'zod';
import { Coach, Instant, Session } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach } from '../auth/require-coach';
import { endpoint } from '../http/endpoint';
import { invalidField, notFound } from '../http/problem';
import { publicUrl } from '../http/public-url';
import { OAUTH_CLIENT_SECRETS, oauthClientOf } from '../services/calendar-connection';
import { requestCalendarSync } from '../services/calendar-outbox';
import { connectAccount, disconnectAccount } from '../services/calendar-switch';
import { requestRevocation, revokeUnused } from '../services/calendar-grants';
import { getCoach, replaceIcsToken, toCoach } from '../storage/coaches';
import { toSession } from '../storage/sessions';
import { ms } from '../storage/time';
import { currentCoach } from './me';
import { ownSession } from './sessions';
import { coachDb } from '../storage/databases';

/** Routes under `/api/me/calendar` and `/api/sessions/:id/publish`. */
export const calendarRoutes = new Hono<AppEnv>();
calendarRoutes.use('/me/calendar', requireCoach);
calendarRoutes.use('/me/calendar/feed', requireCoach);
calendarRoutes.use('/sessions/:id/publish', requireCoach);
const M = '/api';

/** Tokens of one connection, as the (separate) OAuth flow obtained them. */
const ConnectionPut = z.strictObject({
  provider: z.enum(['google', 'microsoft', 'zoom']),
  accessToken: z.string().min(1).max(4096),
  refreshToken: z.string().min(1).max(4096).optional(),
  expiresAt: Instant.optional(),
  calendarId: z.string().min(1).max(1024).optional(),
});

const ConnectionDelete = z.strictObject({ provider: z.enum(['calendar', 'zoom']).default('calendar') });

endpoint(
  calendarRoutes,
  M,
  {
    method: 'put',
    path: '/me/calendar',
    tag: 'me',
    summary:
      "Connects Google Calendar or Microsoft Outlook (replacing the current calendar: upcoming sessions move to it) or Zoom (for meetings) with tokens the OAuth flow obtained; the OAuth flow itself is not part of this API. Tokens are stored encrypted. Connecting a provider again (fresh tokens, another account or another calendarId) never overwrites the earlier connection: upcoming events and meetings move to the new one (or are taken over when it reaches them), and those made earlier stay reachable through the account and calendar that made them, so they can still be deleted. A refreshToken is accepted only when this server has that provider's OAuth client (it is what refreshes the access token); otherwise 422.",
    body: ConnectionPut,
    response: Coach,
  },
  async (c, { body }) => {
    if (body.refreshToken !== undefined && !oauthClientOf(c.env, body.provider)) {
      // A refresh token nobody can use would only be a long-lived secret kept for nothing.
      throw invalidField('body', 'refreshToken', `this server has no OAuth client for ${body.provider}; connect without a refresh token or configure ${OAUTH_CLIENT_SECRETS[body.provider]}`);
    }
    const coach = await currentCoach(c);
    const credentials = { accessToken: body.accessToken, ...(body.refreshToken ? { refreshToken: body.refreshToken } : {}), ...(body.expiresAt ? { expiresAtMs: ms(body.expiresAt) } : {}) };
    await connectAccount(c.env, coach, body.provider, credentials, body.calendarId ?? null, Date.now());
    return c.json(toCoach((await getCoach(coachDb(c.env, coach.id), coach.id)) ?? coach, publicUrl(c)));
  },
);

endpoint(
  calendarRoutes,
  M,
  {
    method: 'delete',
    path: '/me/calendar',
    tag: 'me',
    summary:
      'Disconnects the calendar (back to the embedded local calendar and its iCalendar feed; upcoming sessions move there) or, with ?provider=zoom, Zoom, and revokes the grant at the provider (Google, Zoom; Microsoft has no revocation endpoint). The old tokens are kept, unused, only until the events and meetings made with them that still need deleting are deleted; the revocation follows right then (cron).',
    query: ConnectionDelete,
    response: Coach,
  },
  async (c, { query }) => {
    const coach = await currentCoach(c);
    const db = coachDb(c.env, coach.id);
    const nowMs = Date.now();
    const provider = query.provider === 'zoom' ? 'zoom' : coach.calendar_provider;
    if (provider !== 'local') await requestRevocation(db, coach.id, provider, nowMs);
    await disconnectAccount(c.env, coach, query.provider, nowMs);
    await revokeUnused(c.env, db, coach.id, nowMs);
    return c.json(toCoach((await getCoach(db, coach.id)) ?? coach, publicUrl(c)));
  },
);

endpoint(
  calendarRoutes,
  M,
  {
    method: 'post',
    path: '/sessions/:id/publish',
    tag: 'sessions',
    summary: "Publishes the session's agenda and agreements to the calendar invite, through the outbox; answers 202 with calendarStatus 'pending'.",
    response: Session,
    status: 202,
  },
  async (c) => {
    const row = await ownSession(c);
    await requestCalendarSync(c.env, coachDb(c.env, row.coach_id), [row.id], row.seq);
    return c.json(toSession({ ...row, calendar_status: 'pending' }), 202);
  },
);

endpoint(calendarRoutes, M, { method: 'post', path: '/me/calendar/feed', tag: 'me', summary: "Replaces the local calendar's feed URL: the old address answers 404 at once. Answers the profile with the new calendar.icsUrl.", response: Coach }, async (c) => {
  const coachId = c.get('coachId');
  const coach = await replaceIcsToken(coachDb(c.env, coachId), coachId);
  if (!coach) throw notFound('Coach');
  return c.json(toCoach(coach, publicUrl(c)));
});
