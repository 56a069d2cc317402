/** Top-level sign-in for the coach's home `/app` with Google, Microsoft or Zoom: `/auth/:provider/start` → vendor → `/auth/:provider/callback` → `/app#handoff=…`. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { HandoffCodes } from '../auth/handoff';
import { coachIdFor } from '../auth/host-identity/link';
import { nowSeconds } from '../auth/tokens';
import { bindBrowser, browserBinding } from '../auth/web-oauth/browser-binding';
import { completeFlow, FlowError, startFlow } from '../auth/web-oauth/flow';
import { signInIdentity } from '../auth/web-oauth/identity';
import { configuredVendors, vendorConfig, VENDORS, type Vendor } from '../auth/web-oauth/vendors';
import { endpoint } from '../http/endpoint';
import { ApiProblem, notFound } from '../http/problem';
import { publicUrl } from '../http/public-url';
import { directoryDb } from '../storage/databases';

/** `/auth/*` pages and `GET /api/auth/methods`. */
export const webSignInRoutes = new Hono<AppEnv>();

/** The vendor named in the path, configured here, or 404. */
export function configuredVendor(c: Context<AppEnv>) {
  const vendor = c.req.param('provider') as Vendor;
  const config = VENDORS.includes(vendor) ? vendorConfig(c.env, vendor) : null;
  if (!config) throw notFound('Route');
  return config;
}

/** Never framed, never cached, nothing in a Referer (the callback URL carries a code). */
const TOP_LEVEL = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'content-security-policy': "frame-ancestors 'none'" };

const redirect = (location: string) => new Response(null, { status: 303, headers: { location, ...TOP_LEVEL } });

webSignInRoutes.get('/auth/:provider/start', async (c) => {
  const v = configuredVendor(c);
  const url = await startFlow(c.env, v, { purpose: 'sign-in', coachId: null, browser: bindBrowser(c), redirectUri: `${publicUrl(c)}/auth/${v.vendor}/callback`, scopes: v.signInScopes }, Date.now());
  c.header('cache-control', 'no-store');
  c.header('content-security-policy', "frame-ancestors 'none'");
  return c.redirect(url.toString(), 303);
});

/**
 * The vendor's redirect back. On success the coach is found or created (linking rules of the host sign-ins) and lands on
 * `/app#handoff=<code>`: a single-use code (two minutes) that /app trades at `POST /api/auth/handoff`, so no token is ever in
 * a URL a server sees. A failure lands on `/app#sign-in-error=<reason>` (denied, state, browser, code, unavailable,
 * not-linked, rejected).
 */
webSignInRoutes.get('/auth/:provider/callback', async (c) => {
  const v = configuredVendor(c);
  const nowMs = Date.now();
  try {
    const { tokens } = await completeFlow(c.env, v, 'sign-in', new URL(c.req.url), browserBinding(c), nowMs);
    const identity = await signInIdentity(v, tokens);
    const coachId = await coachIdFor(directoryDb(c.env), identity, nowMs, 'idToken', 'this account is not linked to a coach yet and carries no e-mail address the provider vouches for');
    const codes = new HandoffCodes(coachId, nowSeconds());
    const code = codes.next();
    await codes.save(directoryDb(c.env), nowMs);
    return redirect(`${publicUrl(c)}/app#handoff=${code}`);
  } catch (error) {
    const reason = error instanceof FlowError ? error.reason : error instanceof ApiProblem ? (error.type.endsWith('identity-not-linked') ? 'not-linked' : error.status === 502 ? 'unavailable' : 'rejected') : null;
    if (reason === null) throw error;
    return redirect(`${publicUrl(c)}/app#sign-in-error=${reason}`);
  }
});

const Methods = z.object({ methods: z.array(z.enum(VENDORS as [Vendor, ...Vendor[]])), devLogin: z.boolean() });

endpoint(
  webSignInRoutes,
  '',
  {
    method: 'get',
    path: '/api/auth/methods',
    tag: 'auth',
    auth: 'none',
    summary: "The sign-in methods /app offers: the providers configured here (each starts at /auth/{provider}/start) and whether dev login is on.",
    response: Methods,
  },
  (c) => c.json({ methods: configuredVendors(c.env), devLogin: c.env.DEV_LOGIN === 'true' }),
);
