/** Top-level sign-in for the coach's home `/app` with Google, Microsoft or Zoom: `/auth/:provider/start` → vendor → `/auth/:provider/callback` → `/app#handoff=…`; registers the providers configured here as sign-in methods. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { HandoffCodes } from '../auth/handoff';
import { coachIdFor } from '../auth/host-identity/link';
import { nowSeconds } from '../auth/tokens';
import { bindBrowser, browserBinding } from '../auth/web-oauth/browser-binding';
import { completeFlow, FlowError, startFlow } from '../auth/web-oauth/flow';
import { signInIdentity } from '../auth/web-oauth/identity';
import { SIGN_IN_METHODS } from '../auth/sign-in-methods';
import { vendorConfig, VENDORS, type Vendor } from '../auth/web-oauth/vendors';
import { ApiProblem, notFound } from '../http/problem';
import { publicUrl } from '../http/public-url';
import { directoryDb } from '../storage/databases';

/** The `/auth/*` pages. */
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

// /app lists a "sign in with …" button for each provider configured here (`GET /api/auth/methods`).
for (const vendor of VENDORS) SIGN_IN_METHODS.push({ id: vendor, kind: 'redirect', startUrl: `/auth/${vendor}/start`, available: (env) => vendorConfig(env, vendor) !== null });
