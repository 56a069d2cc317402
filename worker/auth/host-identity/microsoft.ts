/** Microsoft (web sign-in on /app): verifies the Entra ID token of the authorization code flow; the same user as Teams SSO. */
import type { JWTVerifyGetKey } from 'jose';
import { verifyJwt } from './jwt';
import { remoteKeys } from './outbound';
import { rejected } from './problems';
import { ENTRA_JWKS_URL, EntraClaims, verifiedEmail } from './teams';
import type { HostIdentity } from './types';

/** The tenant of personal Microsoft accounts (outlook.com, Xbox, …). */
export const CONSUMER_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
/** Microsoft's own consumer mail domains: an address there is the Microsoft account itself. */
const CONSUMER_MAIL = /@(outlook|hotmail|live)\.(com|nl|be|co\.uk|de|fr)$|@msn\.com$/i;

/**
 * Verifies an Entra ID token: RS256 against Entra's keys, audience = our client id, issuer
 * `https://login.microsoftonline.com/{tid}/v2.0` of the token's own tenant, expiry. Subject `tid:oid`, as for Teams SSO, so
 * one coach signs in on the web and in Teams alike. The e-mail links only where Microsoft vouches for it: the work account
 * rules of Teams (`verifiedEmail`: `upn`, or `email` with `xms_edov`), and for a personal account only an Outlook.com/Hotmail/Live
 * address, a mailbox Microsoft itself runs. `preferred_username` is like any other unverified address: it counts only there.
 * Failures answer 401 naming `idToken`.
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/migrate-off-email-claim-authorization
 */
export async function verifyEntraIdToken(idToken: string, clientId: string, keys: JWTVerifyGetKey = remoteKeys(ENTRA_JWKS_URL)): Promise<HostIdentity> {
  const field = 'idToken';
  const payload = await verifyJwt(idToken, keys, { audience: clientId }, field, 'Microsoft Entra');
  const parsed = EntraClaims.safeParse(payload);
  if (!parsed.success) throw rejected(field, `the ${parsed.error.issues[0]?.path.join('.') || 'token'} claim is missing or malformed`);
  const claims = parsed.data;
  const tid = claims.tid.toLowerCase();
  if (claims.iss !== `https://login.microsoftonline.com/${claims.tid}/v2.0`) throw rejected(field, 'the iss claim is not Entra for the tenant the token names');
  const email = tid !== CONSUMER_TENANT ? verifiedEmail(claims) : consumerAddress(claims);
  const name = claims.name?.trim();
  return { host: 'teams', subject: `${tid}:${claims.oid.toLowerCase()}`, tenant: tid, ...(email ? { email } : {}), ...(name ? { name } : {}) };
}

/** A personal account's address, only when it is one of Microsoft's own mail domains (as Gmail is for Google). */
function consumerAddress(claims: { email?: string; preferred_username?: string }): string | undefined {
  const address = (claims.email ?? claims.preferred_username)?.toLowerCase();
  return address && CONSUMER_MAIL.test(address) ? address : undefined;
}
