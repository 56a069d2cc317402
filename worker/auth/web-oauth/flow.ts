/** Authorization code flows with PKCE S256, state and nonce (oauth4webapi): start one bound to this browser, complete it once. */
import * as oauth from 'oauth4webapi';
import type { Env } from '../../env';
import { sha256Hex } from '../../http/hash';
import { CRON_TASKS } from '../../jobs/cron';
import { directoryDb } from '../../storage/databases';
import { insertFlow, pruneFlows, takeFlow, type OAuthFlowRow } from '../../storage/oauth-flows';
import { open, seal } from '../crypto';
import { GOOGLE_ISSUERS } from '../host-identity/google';
import { hostFetch } from '../host-identity/outbound';
import type { VendorConfig } from './vendors';
import { logError } from '../../http/log';

/** How long a consent may take, from the start link to the callback. */
export const FLOW_TTL_MS = 10 * 60_000;

/** Why a flow did not complete; each reads as one sentence on the page the coach lands on. */
export type FlowFailure = 'denied' | 'state' | 'browser' | 'code' | 'scopes' | 'unavailable';

/** A flow that did not complete, with the vendor's error code where it gave one. */
export class FlowError extends Error {
  constructor(
    readonly reason: FlowFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/** What a flow's start stores under its state. */
type FlowStart = { purpose: 'sign-in' | 'connect'; coachId: string | null; browser: string; redirectUri: string; scopes: string[] };

const fetchOption = { [oauth.customFetch]: (url: string, init: RequestInit) => hostFetch(new Request(url, init)) };
const sealContext = (vendor: string) => `oauth:${vendor}`;

/**
 * Starts a flow: a fresh state, PKCE verifier (S256 challenge) and nonce; the verifier and nonce are stored sealed under the
 * state's hash with the hash of the browser binding, and the authorization URL is answered.
 * @see https://www.rfc-editor.org/rfc/rfc7636 (PKCE)
 * @see https://github.com/panva/oauth4webapi/blob/main/examples/oidc.ts
 */
export async function startFlow(env: Env, v: VendorConfig, f: FlowStart, nowMs: number): Promise<URL> {
  const state = oauth.generateRandomState();
  const verifier = oauth.generateRandomCodeVerifier();
  const nonce = oauth.generateRandomNonce();
  const sealed = await seal(env.NOTES_KEYS, JSON.stringify({ verifier, nonce, redirectUri: f.redirectUri }), sealContext(v.vendor));
  const row: OAuthFlowRow = {
    purpose: f.purpose,
    provider: v.vendor,
    coach_id: f.coachId,
    browser_hash: await sha256Hex(f.browser),
    key_id: sealed.keyId,
    iv: sealed.iv,
    secrets: sealed.data,
    expires_at: nowMs + FLOW_TTL_MS,
  };
  await insertFlow(directoryDb(env), await sha256Hex(state), row);
  const url = new URL(v.as.authorization_endpoint!);
  const params: Record<string, string> = {
    client_id: v.client.client_id,
    redirect_uri: f.redirectUri,
    response_type: 'code',
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...(f.scopes.length ? { scope: f.scopes.join(' ') } : {}),
    ...(f.scopes.includes('openid') ? { nonce } : {}),
    ...(f.purpose === 'sign-in' ? v.extra.signIn : v.extra.connect),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}

/** What a completed flow gives: the token response and whom it was started for. */
export type Completed = { tokens: oauth.TokenEndpointResponse; coachId: string | null; nowMs: number };

/**
 * Completes a flow from the callback URL: the state must name a stored flow of this purpose and vendor (taken, so a replay
 * finds nothing), unexpired, started in this browser (`browser`, the binding cookie); the vendor must not report an error
 * (consent denied); then the code is exchanged with the verifier (a PKCE mismatch or used code is refused by the vendor)
 * and an ID token, if asked for, is checked for issuer, audience, expiry and nonce (its signature by `identity.ts`, with jose).
 * @see https://github.com/panva/oauth4webapi/blob/main/docs/functions/validateAuthResponse.md
 * @see https://github.com/panva/oauth4webapi/blob/main/docs/functions/processAuthorizationCodeResponse.md
 */
export async function completeFlow(env: Env, v: VendorConfig, purpose: FlowStart['purpose'], callback: URL, browser: string | null, nowMs: number): Promise<Completed> {
  const state = callback.searchParams.get('state');
  if (!state) throw new FlowError('state', 'the answer carries no state');
  const row = await takeFlow(directoryDb(env), await sha256Hex(state));
  if (!row || row.purpose !== purpose || row.provider !== v.vendor || row.expires_at <= nowMs || !row.secrets || !row.key_id || !row.iv) {
    throw new FlowError('state', 'unknown, used or expired state');
  }
  if (!browser || (await sha256Hex(browser)) !== row.browser_hash) throw new FlowError('browser', 'the flow was started in another browser');
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(v.as, v.client, callback, state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) throw new FlowError('denied', error.error);
    throw new FlowError('state', (error as Error).message);
  }
  const secrets = JSON.parse(await open(env.NOTES_KEYS, { keyId: row.key_id, iv: row.iv, data: row.secrets }, sealContext(v.vendor))) as { verifier: string; nonce: string; redirectUri: string };
  let response: Response;
  try {
    response = await oauth.authorizationCodeGrantRequest(v.as, v.client, v.auth, params, secrets.redirectUri, secrets.verifier, fetchOption);
  } catch (error) {
    throw new FlowError('unavailable', (error as Error).message);
  }
  if (purpose === 'connect') response = await withoutIdToken(response);
  const as = v.vendor === 'zoom' || purpose === 'connect' ? v.as : { ...v.as, issuer: await idTokenIssuer(v.vendor, response.clone(), v.as.issuer) };
  // Sign-in with Google and Microsoft is OpenID Connect (an ID token with our nonce); connecting asks no `openid` scope.
  const oidc = v.vendor !== 'zoom' && purpose === 'sign-in';
  try {
    const tokens = await oauth.processAuthorizationCodeResponse(as, v.client, response, oidc ? { expectedNonce: secrets.nonce, requireIdToken: true } : undefined);
    return { tokens, coachId: row.coach_id, nowMs };
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) throw new FlowError(error.status >= 500 ? 'unavailable' : 'code', error.error);
    throw new FlowError('code', (error as Error).message);
  }
}

/**
 * The issuer the ID token must name. Entra signs ID tokens of every tenant with one pattern,
 * `https://login.microsoftonline.com/{tid}/v2.0`, so behind the multi-tenant endpoints it is that of the tenant the token
 * names; Google issues under either spelling of its issuer. Read without trust here: the signature, and the issuer against
 * the token's own tenant (or Google's two spellings), are checked with jose afterwards.
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference
 * @see https://developers.google.com/identity/openid-connect/openid-connect#validatinganidtoken
 */
async function idTokenIssuer(vendor: 'google' | 'microsoft', response: Response, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => null)) as { id_token?: unknown } | null;
  const payload = typeof body?.id_token === 'string' ? body.id_token.split('.')[1] : undefined;
  try {
    const claims = payload ? (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { tid?: unknown; iss?: unknown }) : {};
    if (vendor === 'google') return typeof claims.iss === 'string' && GOOGLE_ISSUERS.includes(claims.iss) ? claims.iss : fallback;
    return typeof claims.tid === 'string' && /^[0-9a-f-]{36}$/i.test(claims.tid) ? `https://login.microsoftonline.com/${claims.tid}/v2.0` : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Connecting needs the tokens only: an ID token that incremental authorization may add (Google, for a coach who signed in
 * with Google before) is dropped unread rather than checked against a nonce this flow never sent.
 */
async function withoutIdToken(response: Response): Promise<Response> {
  if (!response.ok) return response;
  const body = (await response.clone().json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || !('id_token' in body)) return response;
  const { id_token: _dropped, ...rest } = body;
  return new Response(JSON.stringify(rest), { status: response.status, headers: response.headers });
}

/** The scopes the coach granted: the token response's `scope` (space-separated; users can untick some), else those asked for. */
export const grantedScopes = (tokens: oauth.TokenEndpointResponse, asked: readonly string[]): string[] =>
  typeof tokens.scope === 'string' ? tokens.scope.split(/[\s,]+/).filter(Boolean) : [...asked];

/**
 * Revokes a grant at the vendor (RFC 7009), by its refresh token where there is one; Microsoft has no revocation endpoint
 * (there the coach removes the app at myapps or account.live.com, which the README says). Failures are reported, not thrown.
 * @see https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke
 * @see https://developers.zoom.us/docs/integrations/oauth/#revoking-an-access-token
 */
export async function revokeGrant(v: VendorConfig, token: string): Promise<boolean> {
  if (!v.as.revocation_endpoint) return false;
  try {
    await oauth.processRevocationResponse(await oauth.revocationRequest(v.as, v.client, v.auth, token, fetchOption));
    return true;
  } catch (error) {
    logError(`oauth: revoking the ${v.vendor} grant failed`, error);
    return false;
  }
}

/** Flows nobody completed (consent pages left open, links never opened) are removed on every cron run. */
CRON_TASKS.push(async (env, nowMs) => void (await pruneFlows(directoryDb(env), nowMs)));
