/** `POST /addons/google/{home,event-open,publish}` (Google Workspace HTTP add-on cards for Calendar) and `GET /addons/google/logo.png`. */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Env } from '../env';
import { homeCard, messageCard, notify, pushCard, sessionCard, updateCard, type CardContext, type SessionView } from '../addon/cards';
import { AddonEvent, cardLocale, cardZone } from '../addon/event-object';
import { logoPng } from '../addon/logo';
import { coachForGoogleUser, sessionIdForGoogleEvent, upcomingSessions, type GoogleUser } from '../addon/lookup';
import { ADDON_STRINGS } from '../addon/strings';
import { verifySystemToken, verifyUserToken } from '../addon/verify';
import { HandoffCodes } from '../auth/handoff';
import { nowSeconds } from '../auth/tokens';
import { endpoint } from '../http/endpoint';
import { ApiProblem, notFound } from '../http/problem';
import { configuredPublicUrl, publicUrl } from '../http/public-url';
import { requestCalendarSync } from '../services/calendar-outbox';
import type { CoachRow } from '../storage/coaches';
import { loadSessionContext } from '../storage/session-context';
import { getSession } from '../storage/sessions';
import { coachDb, directoryDb } from '../storage/databases';

/** Routes under `/addons/google`. */
export const googleAddonRoutes = new Hono<AppEnv>();
const M = '/addons/google';

/** Sessions listed on the homepage. */
const UPCOMING = 10;
/** Largest event object accepted (bytes). */
const MAX_EVENT_BYTES = 64 * 1024;
const AUTH_HEADER = { authorization: "Bearer <Google's system ID token for the add-on service account, audience = this URL>" };

/** The add-on's service account and OAuth client, or null when the add-on is not configured (its routes then answer 404). */
function addonConfig(env: Env): { serviceAccount: string; clientId: string } | null {
  const serviceAccount = env.GOOGLE_ADDON_SERVICE_ACCOUNT?.trim();
  const clientId = env.GOOGLE_ADDON_CLIENT_ID?.trim();
  return serviceAccount && clientId ? { serviceAccount, clientId } : null;
}

/** The URL Google called, which is the audience of its system ID token: our public base URL with this path and query. */
function endpointUrl(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  return `${configuredPublicUrl(c.env) ?? url.origin}${url.pathname}${url.search}`;
}

const unauthorized = (detail: string, error: string) =>
  new ApiProblem(401, '/problems/unauthorized', detail, [{ in: 'header', field: 'authorization', pointer: '#/authorization', detail }], {
    'www-authenticate': `Bearer realm="google-addon", error="${error}"`,
  });
const userTokenRejected = (detail: string) =>
  new ApiProblem(401, '/problems/unauthorized', `authorizationEventObject.userIdToken: ${detail}`, [
    { in: 'body', field: 'authorizationEventObject.userIdToken', pointer: '#/authorizationEventObject/userIdToken', detail },
  ]);
const keysUnavailable = () => new ApiProblem(502, '/problems/identity-provider-unavailable', "Google's signing keys could not be loaded; please try again");

/**
 * 404 unless configured, then the system ID token: Google signs every request for the add-on's service account with the
 * endpoint URL as audience; anything else is 401 before the body is read.
 * @see https://developers.google.com/workspace/add-ons/guides/alternate-runtimes#verify_requests
 */
const requireGoogleAddon = createMiddleware<AppEnv>(async (c, next) => {
  const config = addonConfig(c.env);
  if (!config) throw notFound('Route');
  const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (!token) throw unauthorized("Send Google's system ID token: Authorization: Bearer <token>", 'invalid_request');
  const check = await verifySystemToken(token, endpointUrl(c), config.serviceAccount);
  if (!check.ok) throw check.keysUnavailable ? keysUnavailable() : unauthorized(`The system ID token is not accepted: ${check.reason}`, 'invalid_token');
  await next();
});
const limitBody = bodyLimit({
  maxSize: MAX_EVENT_BYTES,
  onError: () => {
    throw new ApiProblem(413, '/problems/payload-too-large', `The event object is larger than ${MAX_EVENT_BYTES / 1024} KB`);
  },
});
for (const path of ['/home', '/event-open', '/publish']) googleAddonRoutes.use(path, requireGoogleAddon, limitBody);

/** The Google user behind the request (from `userIdToken`, for the add-on's OAuth client) and the coach they are, if any. */
async function identify(c: Context<AppEnv>, event: AddonEvent): Promise<{ coach: CoachRow | null; user: GoogleUser }> {
  const token = event.authorizationEventObject?.userIdToken;
  if (!token) throw userTokenRejected('is missing (the deployment needs the userinfo.email scope)');
  const check = await verifyUserToken(token, addonConfig(c.env)?.clientId ?? '');
  if (!check.ok) throw check.keysUnavailable ? keysUnavailable() : userTokenRejected(check.reason);
  const user = { subject: check.subject, email: check.email, emailAuthoritative: check.emailAuthoritative };
  return { coach: await coachForGoogleUser(directoryDb(c.env), user, Date.now()), user };
}

/** What to tell a Google user who is no coach of ours yet: open the panel once, or (for an address Google cannot vouch for) why that will not link. */
const connectText = (event: AddonEvent, user: GoogleUser) => {
  const s = ADDON_STRINGS[cardLocale(event, null)];
  return user.emailAuthoritative ? s.connectText(user.email) : s.connectUnverifiedText(user.email);
};
const connectCard = (event: AddonEvent, user: GoogleUser) => messageCard(ADDON_STRINGS[cardLocale(event, null)].connectTitle, connectText(event, user));

/**
 * Language, zone and panel links for one coach's cards. Each panel link carries a fresh single-use hand-off code in its
 * fragment (`#handoff=`), never a token: Google renders and keeps the card. The codes are stored by `send` before the card
 * leaves; the panel trades one at `POST /api/auth/handoff`.
 */
function cardContext(c: Context<AppEnv>, event: AddonEvent, coach: CoachRow): CardContext & { codes: HandoffCodes } {
  const locale = cardLocale(event, coach.locale);
  const base = publicUrl(c);
  const codes = new HandoffCodes(coach.id, nowSeconds());
  return {
    s: ADDON_STRINGS[locale],
    locale,
    zone: cardZone(event, coach.time_zone),
    panelUrl: (sessionId) => `${base}/panel?${new URLSearchParams({ session: sessionId, lang: locale })}#handoff=${codes.next()}`,
    codes,
  };
}

/** Stores the hand-off codes the response's links carry, then answers it. */
async function send(c: Context<AppEnv>, codes: HandoffCodes, response: object): Promise<Response> {
  await codes.save(directoryDb(c.env), Date.now());
  return c.json(response);
}

/** One session of the coach as the event card shows it (read without notes), or null. */
async function sessionView(c: Context<AppEnv>, coachId: string, sessionId: string): Promise<SessionView | null> {
  const ctx = await loadSessionContext(coachDb(c.env, coachId), c.env.NOTES_KEYS, coachId, sessionId, false);
  if (!ctx) return null;
  const { session, coachee, state } = ctx;
  return { id: session.id, coacheeName: coachee.name, startsAtMs: session.starts_at, endsAtMs: session.ends_at, calendarStatus: session.calendar_status, agenda: state.agenda, agreements: state.agreements };
}

const publishUrl = (c: Context<AppEnv>) => `${publicUrl(c)}${M}/publish`;

endpoint(
  googleAddonRoutes,
  M,
  {
    method: 'post',
    path: '/home',
    tag: 'google-addon',
    auth: 'none',
    headers: AUTH_HEADER,
    summary:
      "Calendar homepage trigger: a card with the coach's upcoming sessions, each with a link that opens its panel (`/panel?session=…&lang=…#handoff=<single-use code>`, traded at POST /api/auth/handoff).",
    body: AddonEvent,
  },
  async (c, { body }) => {
    const { coach, user } = await identify(c, body);
    if (!coach) return c.json(pushCard(connectCard(body, user)));
    const ctx = cardContext(c, body, coach);
    const rows = await upcomingSessions(coachDb(c.env, coach.id), coach.id, Date.now(), UPCOMING);
    const sessions = rows.map((r) => ({ id: r.id, coacheeName: r.coachee_name, startsAtMs: r.starts_at, endsAtMs: r.ends_at, calendarStatus: r.calendar_status }));
    return send(c, ctx.codes, pushCard(homeCard(ctx, coach.name, sessions)));
  },
);

endpoint(
  googleAddonRoutes,
  M,
  {
    method: 'post',
    path: '/event-open',
    tag: 'google-addon',
    auth: 'none',
    headers: AUTH_HEADER,
    summary: "Calendar eventOpenTrigger: for one of the coach's sessions its agenda, open agreements and invite status (never notes), with “Publish to invite”.",
    body: AddonEvent,
  },
  async (c, { body }) => {
    const { coach, user } = await identify(c, body);
    if (!coach) return c.json(pushCard(connectCard(body, user)));
    const ctx = cardContext(c, body, coach);
    const eventId = body.calendar?.id;
    const sessionId = eventId ? await sessionIdForGoogleEvent(coachDb(c.env, coach.id), coach.id, eventId) : null;
    const view = sessionId ? await sessionView(c, coach.id, sessionId) : null;
    if (!view) return c.json(pushCard(messageCard(ctx.s.notOursTitle, ctx.s.notOursText)));
    return send(c, ctx.codes, pushCard(sessionCard(ctx, view, publishUrl(c))));
  },
);

endpoint(
  googleAddonRoutes,
  M,
  {
    method: 'post',
    path: '/publish',
    tag: 'google-addon',
    auth: 'none',
    headers: AUTH_HEADER,
    summary: 'Button action (parameter sessionId): publishes the session to its calendar invite through the outbox; answers renderActions with the updated card.',
    body: AddonEvent,
  },
  async (c, { body }) => {
    const { coach, user } = await identify(c, body);
    if (!coach) return c.json(notify(connectText(body, user)));
    const ctx = cardContext(c, body, coach);
    const sessionId = body.commonEventObject?.parameters?.sessionId ?? '';
    const row = sessionId ? await getSession(coachDb(c.env, coach.id), coach.id, sessionId) : null;
    if (!row) return c.json(notify(ctx.s.sessionGone));
    await requestCalendarSync(c.env, coachDb(c.env, coach.id), [row.id], row.seq);
    const view = await sessionView(c, coach.id, row.id);
    return send(c, ctx.codes, view ? updateCard(sessionCard(ctx, view, publishUrl(c)), ctx.s.published) : notify(ctx.s.published));
  },
);

/** The add-on's logo (`logoUrl` of the deployment), public: Google fetches it without credentials. */
googleAddonRoutes.get('/logo.png', () => new Response(logoPng(), { headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' } }));
