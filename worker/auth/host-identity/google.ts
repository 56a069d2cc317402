/** Google (Meet panel): verifies the ID token Google Sign-In gives the panel, since the Meet add-on SDK gives no identity. */
import type { JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { LIMITS } from '../../../shared/protocol';
import { verifyJwt } from './jwt';
import { remoteKeys } from './outbound';
import { rejected } from './problems';
import type { HostIdentity } from './types';

/** Google's signing keys (the `jwks_uri` of `https://accounts.google.com/.well-known/openid-configuration`). */
export const GOOGLE_JWKS_URL = 'https://www.googleapis.com/oauth2/v3/certs';
/** Google issues ID tokens under either spelling. */
export const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];

const Claims = z.object({
  sub: z.string().min(1).max(255),
  email: z.email().max(LIMITS.email).optional(),
  email_verified: z.union([z.boolean(), z.literal('true'), z.literal('false')]).optional(),
  name: z.string().optional(),
  /** The Google Workspace (Cloud organisation) domain of the account; absent for consumer accounts. */
  hd: z.string().max(255).optional(),
});

/** Google's own consumer mail domains: an address there is the Google account itself, so it cannot change hands. */
const GMAIL_DOMAINS = ['gmail.com', 'googlemail.com'];

/**
 * Whether Google's word on this verified address is authoritative: a Gmail address, or an address in the domain that manages
 * the account (`hd`). A consumer Google account on any other address was verified once, and that address may have changed
 * hands since: its former owner must not be able to sign in as the coach who holds it now.
 * @see https://developers.google.com/identity/openid-connect/openid-connect#obtainuserinfo (email, email_verified and hd)
 */
export function googleEmailIsAuthoritative(email: string, hd: string | undefined): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return GMAIL_DOMAINS.includes(domain) || (hd !== undefined && hd.trim().toLowerCase() === domain);
}

/**
 * Verifies a Google ID token: RS256 signature against Google's keys, issuer, audience = our web client id, expiry, and an
 * e-mail address Google has verified. Subject: `sub`. The identity carries the address (which lets a first sign-in find or
 * create the coach) only when it is authoritative (`googleEmailIsAuthoritative`); without it only an existing link signs in.
 * Failures answer 401 naming `idToken`.
 * @see https://developers.google.com/identity/sign-in/web/backend-auth#verify-the-integrity-of-the-id-token
 * @see https://developers.google.com/workspace/meet/add-ons/guides/sign-in-guide
 */
export async function verifyGoogleIdToken(idToken: string, clientId: string, keys: JWTVerifyGetKey = remoteKeys(GOOGLE_JWKS_URL)): Promise<HostIdentity> {
  const field = 'idToken';
  const payload = await verifyJwt(idToken, keys, { issuer: GOOGLE_ISSUERS, audience: clientId }, field, 'Google');
  const parsed = Claims.safeParse(payload);
  if (!parsed.success) throw rejected(field, `the ${parsed.error.issues[0]?.path.join('.') || 'token'} claim is missing or malformed`);
  const claims = parsed.data;
  if (!claims.email) throw rejected(field, 'the token carries no e-mail address; sign in with the email scope');
  if (claims.email_verified !== true && claims.email_verified !== 'true') throw rejected(field, 'Google has not verified this e-mail address');
  const name = claims.name?.trim();
  const email = googleEmailIsAuthoritative(claims.email, claims.hd) ? claims.email.toLowerCase() : undefined;
  return { host: 'google', subject: claims.sub, ...(email ? { email } : {}), ...(name ? { name } : {}) };
}
