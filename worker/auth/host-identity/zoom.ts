/** Zoom: in-client OAuth (PKCE `plain`) — exchanges the authorization code and reads the signed-in user from `GET /v2/users/me`. */
import { z } from 'zod';
import { LIMITS } from '../../../shared/protocol';
import { hostFetch } from './outbound';
import { providerUnavailable, rejected } from './problems';
import type { HostFetch, HostIdentity } from './types';

/** Zoom's OAuth token endpoint. @see https://developers.zoom.us/docs/integrations/oauth/#request-an-access-token */
export const ZOOM_TOKEN_URL = 'https://zoom.us/oauth/token';
/** The signed-in user. @see https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId} */
export const ZOOM_ME_URL = 'https://api.zoom.us/v2/users/me';

/** Our Zoom app's OAuth client (the secret also keys the app context, see `zoom-app-context.ts`). */
export type ZoomClient = { clientId: string; clientSecret: string };
/** What `zoomSdk.onAuthorized` gave the panel, plus the verifier it generated (with `plain`, the challenge it sent to `authorize`). */
export type ZoomAuthorization = { code: string; codeVerifier: string; redirectUri: string };

/** How long one call to Zoom may take before sign-in gives up with 502 (Workers would otherwise wait as long as the client does). */
const ZOOM_TIMEOUT_MS = 10_000;

const TokenResponse = z.object({ access_token: z.string().min(1), token_type: z.string().regex(/^bearer$/i).optional() });
const TokenError = z.object({ error: z.string().regex(/^[\w.-]{1,64}$/).optional() });
const ZoomUser = z.object({
  id: z.string().min(1).max(255),
  email: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  display_name: z.string().optional(),
  /** 1 when the account's e-mail address is verified. */
  verified: z.number().optional(),
});
const Email = z.email().max(LIMITS.email);

/**
 * Exchanges an in-client OAuth code (form body, HTTP Basic client authentication, `code_verifier`) and reads the user it was
 * issued for. Subject: the Zoom user id (the app context's `uid`). The e-mail counts only when Zoom marks it verified. A code
 * Zoom refuses answers 401 naming `code`; Zoom failing or refusing our client answers 502. The Zoom tokens are not kept.
 * @see https://developers.zoom.us/docs/zoom-apps/authentication/#in-client-oauth-flow
 */
export async function verifyZoomAuthorization(auth: ZoomAuthorization, client: ZoomClient, fetchImpl: HostFetch = hostFetch): Promise<HostIdentity> {
  return readZoomUser(await exchangeCode(auth, client, fetchImpl), fetchImpl);
}

/** The Zoom user an access token was issued for (`GET /v2/users/me`); the e-mail counts only when Zoom marks it verified. */
export async function readZoomUser(accessToken: string, fetchImpl: HostFetch = hostFetch): Promise<HostIdentity> {
  const res = await send(fetchImpl, new Request(ZOOM_ME_URL, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } }));
  if (res.status !== 200) throw providerUnavailable('Zoom', `reading your Zoom user answered ${res.status}`);
  const user = ZoomUser.safeParse(await res.json().catch(() => null));
  if (!user.success) throw providerUnavailable('Zoom', 'your Zoom user came back in an unexpected shape');
  const { id, email, verified } = user.data;
  const name = (user.data.display_name ?? [user.data.first_name, user.data.last_name].filter(Boolean).join(' ')).trim();
  const trusted = verified === 1 && email !== undefined && Email.safeParse(email).success ? email.toLowerCase() : undefined;
  return { host: 'zoom', subject: id, ...(trusted ? { email: trusted } : {}), ...(name ? { name } : {}) };
}

async function exchangeCode(auth: ZoomAuthorization, client: ZoomClient, fetchImpl: HostFetch): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'authorization_code', code: auth.code, redirect_uri: auth.redirectUri, code_verifier: auth.codeVerifier });
  const basic = btoa(String.fromCharCode(...new TextEncoder().encode(`${client.clientId}:${client.clientSecret}`)));
  const res = await send(
    fetchImpl,
    new Request(ZOOM_TOKEN_URL, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: form }),
  );
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 200) {
    const token = TokenResponse.safeParse(body);
    if (!token.success) throw providerUnavailable('Zoom', 'the token response came back in an unexpected shape');
    return token.data.access_token;
  }
  const error = TokenError.safeParse(body).data?.error;
  if (res.status >= 500 || res.status === 429 || error === 'invalid_client') throw providerUnavailable('Zoom', `the code exchange answered ${res.status}${error ? ` ${error}` : ''}`);
  throw rejected('code', `Zoom refused the authorization code (${error ?? res.status}); authorize again`);
}

async function send(fetchImpl: HostFetch, request: Request): Promise<Response> {
  try {
    return await fetchImpl(new Request(request, { signal: AbortSignal.timeout(ZOOM_TIMEOUT_MS) }));
  } catch {
    throw providerUnavailable('Zoom', 'it could not be reached');
  }
}
