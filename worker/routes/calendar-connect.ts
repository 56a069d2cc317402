/** Connecting a calendar or Zoom by consent: `POST /api/me/calendar/connect` → `/oauth/:provider/start` → vendor → `/oauth/:provider/callback`. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { requireCoach } from '../auth/require-coach';
import { bindBrowser, browserBinding } from '../auth/web-oauth/browser-binding';
import { completeFlow, FLOW_TTL_MS, FlowError, grantedScopes, revokeGrant, startFlow, type FlowFailure } from '../auth/web-oauth/flow';
import { TEAMS_MEETING_SCOPE, vendorConfig, ZOOM_MEETING_SCOPES, type VendorConfig } from '../auth/web-oauth/vendors';
import { endpoint } from '../http/endpoint';
import { logError } from '../http/log';
import { invalidField } from '../http/problem';
import { sha256Hex } from '../http/hash';
import { publicUrl } from '../http/public-url';
import { requestCalendarSync } from '../services/calendar-outbox';
import { waitingSessions } from '../services/calendar-grants';
import { connectAccount } from '../services/calendar-switch';
import { getCoach, randomToken } from '../storage/coaches';
import { coachDb, directoryDb } from '../storage/databases';
import { insertFlow, takeFlow } from '../storage/oauth-flows';
import { connectPage } from './connect-page';
import { configuredVendor } from './web-sign-in';

/** `/api/me/calendar/connect` and the `/oauth/*` pages. */
export const calendarConnectRoutes = new Hono<AppEnv>();
calendarConnectRoutes.use('/api/me/calendar/connect', requireCoach);

const Connect = z.strictObject({ provider: z.enum(['google', 'microsoft', 'zoom']) });

endpoint(
  calendarConnectRoutes,
  '',
  {
    method: 'post',
    path: '/api/me/calendar/connect',
    tag: 'me',
    summary:
      "The consent URL to connect Google Calendar, Outlook or Zoom: open it top-level (a new tab or pop-up, never inside a panel frame). It works once, for 10 minutes, in the browser that opens it; the provider's page asks the coach for the least scopes (Google: calendar.events.owned + calendar.freebusy; Microsoft: offline_access, User.Read, Calendars.ReadWrite; Zoom: the app's meeting scopes). The callback stores the tokens sealed as a new connection generation. 422 naming provider when it is not configured here.",
    body: Connect,
    response: z.object({ url: z.string() }),
  },
  async (c, { body }) => {
    if (!vendorConfig(c.env, body.provider)) throw invalidField('body', 'provider', `${body.provider} is not configured on this server`);
    const link = randomToken();
    const coachId = c.get('coachId');
    await insertFlow(directoryDb(c.env), await sha256Hex(link), {
      purpose: 'connect-link',
      provider: body.provider,
      coach_id: coachId,
      browser_hash: null,
      key_id: null,
      iv: null,
      secrets: null,
      expires_at: Date.now() + FLOW_TTL_MS,
    });
    return c.json({ url: `${publicUrl(c)}/oauth/${body.provider}/start?link=${link}` });
  },
);

/** Opens the consent: takes the single-use link, binds the flow to this browser, and redirects to the vendor. */
calendarConnectRoutes.get('/oauth/:provider/start', async (c) => {
  const v = configuredVendor(c);
  const link = c.req.query('link') ?? '';
  const row = /^[0-9a-f]{32}$/.test(link) ? await takeFlow(directoryDb(c.env), await sha256Hex(link)) : null;
  if (!row || row.purpose !== 'connect-link' || row.provider !== v.vendor || row.expires_at <= Date.now() || !row.coach_id) {
    return connectPage(c, 'failed', 'state', v.vendor);
  }
  // A coach who meets in Teams also lets us read the online meeting of a short join link, to find its chat thread.
  const coach = await getCoach(coachDb(c.env, row.coach_id), row.coach_id);
  const scopes = v.vendor === 'microsoft' && coach?.meeting_host === 'teams' ? [...v.connectScopes, TEAMS_MEETING_SCOPE] : v.connectScopes;
  const url = await startFlow(c.env, v, { purpose: 'connect', coachId: row.coach_id, browser: bindBrowser(c), redirectUri: `${publicUrl(c)}/oauth/${v.vendor}/callback`, scopes }, Date.now());
  c.header('cache-control', 'no-store');
  c.header('content-security-policy', "frame-ancestors 'none'");
  return c.redirect(url.toString(), 303);
});

/**
 * The vendor's redirect back: the flow must be this browser's and unused; every scope we asked must be granted (a coach can
 * untick one on Google's page: then nothing is stored, the partial grant is revoked and the page says to try again and
 * leave them ticked). The tokens become a new connection generation, and sessions that waited are synced.
 */
calendarConnectRoutes.get('/oauth/:provider/callback', async (c) => {
  const v = configuredVendor(c);
  const nowMs = Date.now();
  try {
    const { tokens, coachId } = await completeFlow(c.env, v, 'connect', new URL(c.req.url), browserBinding(c), nowMs);
    const coach = coachId ? await getCoach(coachDb(c.env, coachId), coachId) : null;
    if (!coach) throw new FlowError('state', 'the coach is gone');
    if (typeof tokens.scope === 'string' && missingScopes(v, grantedScopes(tokens, v.connectScopes)).length > 0) {
      await revokeGrant(v, tokens.refresh_token ?? tokens.access_token);
      throw new FlowError('scopes', 'not every scope was granted');
    }
    const credentials = {
      accessToken: tokens.access_token,
      ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
      ...(typeof tokens.expires_in === 'number' ? { expiresAtMs: nowMs + tokens.expires_in * 1000 } : {}),
    };
    await connectAccount(c.env, coach, v.vendor, credentials, null, nowMs);
    const db = coachDb(c.env, coach.id);
    const waiting = (await waitingSessions(db, coach.id, nowMs)).map((s) => s.id);
    await requestCalendarSync(c.env, db, waiting, 'calendar', nowMs).catch((error: unknown) => logError('connect: could not enqueue the waiting syncs', error));
    return connectPage(c, 'connected', null, v.vendor);
  } catch (error) {
    if (!(error instanceof FlowError)) throw error;
    return connectPage(c, 'failed', error.reason as FlowFailure, v.vendor);
  }
});

/** The scopes we need that the grant lacks (Zoom grants the app's Marketplace scopes, of which we need meeting write); Microsoft may answer them as `https://graph.microsoft.com/<scope>`, matched case-insensitively. */
function missingScopes(v: VendorConfig, granted: string[]): string[] {
  const have = new Set(granted.map((s) => (v.vendor === 'microsoft' ? s.replace(/^https:\/\/graph\.microsoft\.com\//i, '') : s).toLowerCase()));
  const required = v.vendor === 'zoom' ? ZOOM_MEETING_SCOPES : v.connectScopes;
  return required.filter((s) => s !== 'offline_access' && !have.has(s.toLowerCase()));
}

