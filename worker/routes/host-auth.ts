/** Host sign-in routes: a Teams SSO token, a Google ID token or a Zoom authorization/app context, exchanged for our bearer token. */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import type { AppEnv, Env } from '../env';
import { verifyGoogleIdToken } from '../auth/host-identity/google';
import { coachIdFor } from '../auth/host-identity/link';
import { verifyTeamsToken, type TeamsConfig } from '../auth/host-identity/teams';
import type { HostIdentity } from '../auth/host-identity/types';
import { verifyZoomAuthorization, type ZoomAuthorization, type ZoomClient } from '../auth/host-identity/zoom';
import { verifyZoomAppContext } from '../auth/host-identity/zoom-app-context';
import { issueCoachToken } from '../auth/tokens';
import { endpoint } from '../http/endpoint';
import { notFound } from '../http/problem';
import { publicUrl } from '../http/public-url';
import { Token } from './auth';
import { directoryDb } from '../storage/databases';

/** Routes under `/api/auth`, next to dev login and refresh. Request bodies carry credentials: they are never logged. */
export const hostAuthRoutes = new Hono<AppEnv>();
const M = '/api/auth';

/**
 * Teams SSO settings. The Application ID URI, the audience of Entra's v1.0 tokens, is `TEAMS_APP_ID_URI` or else derived as
 * Teams requires it, `api://<our host>/<client id>` (the host of PUBLIC_URL, else of the request), as the manifest's
 * `webApplicationInfo.resource` has it.
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad#configure-scope-for-access-token
 */
const teamsConfig = (env: Env, origin?: string): TeamsConfig | null =>
  env.TEAMS_CLIENT_ID
    ? {
        clientId: env.TEAMS_CLIENT_ID,
        ...(env.TEAMS_APP_ID_URI ? { appIdUri: env.TEAMS_APP_ID_URI } : origin ? { appIdUri: `api://${new URL(origin).host}/${env.TEAMS_CLIENT_ID}` } : {}),
        allowedTenants: (env.TEAMS_ALLOWED_TENANTS ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean),
      }
    : null;
const googleClientId = (env: Env): string | null => env.GOOGLE_CLIENT_ID || null;
const zoomClient = (env: Env): ZoomClient | null => (env.ZOOM_CLIENT_ID && env.ZOOM_CLIENT_SECRET ? { clientId: env.ZOOM_CLIENT_ID, clientSecret: env.ZOOM_CLIENT_SECRET } : null);

/** A host whose app is not configured here answers 404 for everyone, before its body is read (as dev login does when off). */
function configured<T>(config: T | null): T {
  if (config === null) throw notFound('Route');
  return config;
}
const enabled = (configOf: (env: Env) => unknown) =>
  createMiddleware<AppEnv>(async (c, next) => {
    configured(configOf(c.env));
    await next();
  });

async function signIn(c: Context<AppEnv>, identity: HostIdentity, field: string, unlinked: string) {
  const coachId = await coachIdFor(directoryDb(c.env), identity, Date.now(), field, unlinked);
  return c.json({ token: await issueCoachToken(c.env, coachId) });
}

const compactJwt = z
  .string()
  .max(16_384, 'must be at most 16384 characters')
  .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'must be a signed JWT (three base64url parts)');

hostAuthRoutes.use('/teams', enabled(teamsConfig));
endpoint(
  hostAuthRoutes,
  M,
  {
    method: 'post',
    path: '/teams',
    tag: 'auth',
    auth: 'none',
    summary:
      'Teams sign-in: the Entra access token from TeamsJS authentication.getAuthToken() (scope access_as_user). The first sign-in joins the coach with the verified e-mail (or creates one); later ones go by tenant and user id. 401 names ssoToken; 404 when Teams is not configured.',
    body: z.strictObject({ ssoToken: compactJwt }),
    response: Token,
  },
  async (c, { body }) => {
    const identity = await verifyTeamsToken(body.ssoToken, configured(teamsConfig(c.env, publicUrl(c))));
    return signIn(c, identity, 'ssoToken', 'your Microsoft account is not linked to a coach yet and carries no verified e-mail address to link it by');
  },
);

hostAuthRoutes.use('/google', enabled(googleClientId));
endpoint(
  hostAuthRoutes,
  M,
  {
    method: 'post',
    path: '/google',
    tag: 'auth',
    auth: 'none',
    summary:
      "Google sign-in (Meet panel): a Google ID token from Google Sign-In, issued to our web client, with a verified e-mail. A linked Google account signs in as its coach; an unlinked one links (or creates) by its e-mail only when Google's word on it is authoritative: a Gmail address, or an address in the account's own Workspace domain (hd). Otherwise 401 /problems/identity-not-linked. 401 names idToken; 404 when Google is not configured.",
    body: z.strictObject({ idToken: compactJwt }),
    response: Token,
  },
  async (c, { body }) => {
    const identity = await verifyGoogleIdToken(body.idToken, configured(googleClientId(c.env)));
    return signIn(c, identity, 'idToken', GOOGLE_NOT_LINKED);
  },
);

/** Why an unlinked Google account with a non-authoritative address cannot sign in, and what the coach can do instead. */
const GOOGLE_NOT_LINKED =
  "this Google account is not linked to a coach yet, and Google cannot vouch that its e-mail address is still the account holder's (only Gmail addresses and addresses in the account's own Google Workspace domain count). Sign in with a Gmail or Google Workspace account, or use the panel in Teams or Zoom";

const ZOOM_FIELDS = ['code', 'codeVerifier', 'redirectUri'] as const;
const ZoomBody = z
  .strictObject({
    code: z.string().min(1, 'must not be empty').max(2048, 'must be at most 2048 characters').optional(),
    codeVerifier: z
      .string()
      .regex(/^[A-Za-z0-9._~-]{43,128}$/, 'must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636)')
      .optional(),
    redirectUri: z.url({ protocol: /^https$/, message: 'must be an https URL' }).max(2048, 'must be at most 2048 characters').optional(),
    appContext: z
      .string()
      .max(8192, 'must be at most 8192 characters')
      .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'must be base64')
      .optional(),
  })
  .transform((b, ctx): ZoomAuthorization | { appContext: string } => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: b });
    if (b.appContext !== undefined) {
      const extra = ZOOM_FIELDS.filter((k) => b[k] !== undefined);
      extra.forEach((k) => issue(k, 'send either appContext, or code with codeVerifier and redirectUri'));
      return extra.length ? z.NEVER : { appContext: b.appContext };
    }
    const { code, codeVerifier, redirectUri } = b;
    if (code !== undefined && codeVerifier !== undefined && redirectUri !== undefined) return { code, codeVerifier, redirectUri };
    ZOOM_FIELDS.filter((k) => b[k] === undefined).forEach((k) => issue(k, 'is required (or send appContext instead)'));
    return z.NEVER;
  });

hostAuthRoutes.use('/zoom', enabled(zoomClient));
endpoint(
  hostAuthRoutes,
  M,
  {
    method: 'post',
    path: '/zoom',
    tag: 'auth',
    auth: 'none',
    summary:
      "Zoom sign-in, either in-client OAuth ({ code, codeVerifier, redirectUri } from zoomSdk.authorize/onAuthorized, PKCE plain), linking as for Teams by the Zoom account's verified e-mail, or { appContext } (X-Zoom-App-Context or zoomSdk.getAppContext().context) for a Zoom user already linked: otherwise 401 /problems/identity-not-linked, and the panel falls back to in-client OAuth. 404 when Zoom is not configured.",
    body: ZoomBody,
    response: Token,
  },
  async (c, { body }) => {
    const client = configured(zoomClient(c.env));
    if ('appContext' in body) {
      const identity = await verifyZoomAppContext(body.appContext, client, Date.now());
      return signIn(c, identity, 'appContext', 'this Zoom user is not linked to a coach yet: sign in once with Zoom (in-client OAuth)');
    }
    const identity = await verifyZoomAuthorization(body, client);
    return signIn(c, identity, 'code', "this Zoom account is not linked to a coach yet and Zoom has not verified its e-mail address");
  },
);
