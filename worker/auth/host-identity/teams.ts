/** Teams: verifies the Entra access token from `authentication.getAuthToken()` (tab SSO) and reads who the user is. */
import type { JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { LIMITS } from '../../../shared/protocol';
import { verifyJwt } from './jwt';
import { remoteKeys } from './outbound';
import { rejected } from './problems';
import type { HostIdentity } from './types';

/**
 * Entra's signing keys (the `jwks_uri` of `https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration`);
 * the same keys sign v1.0 and v2.0 tokens of every tenant, so the issuer is checked against the token's own `tid`.
 */
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/** The scope the app exposes for Teams SSO; a token without it was not issued for signing in to us. */
export const TEAMS_SCOPE = 'access_as_user';

/** Our Entra app: client id, its Application ID URI (`api://<fqdn>/<clientId>`, the audience of v1.0 tokens) and the tenants let in (empty = any). */
export type TeamsConfig = { clientId: string; appIdUri?: string; allowedTenants: readonly string[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const Email = z.email().max(LIMITS.email);

/** The claims we read, in both token versions. @see https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference */
export const EntraClaims = z.object({
  iss: z.string(),
  tid: z.string().regex(GUID),
  oid: z.string().regex(GUID),
  scp: z.string().optional(),
  name: z.string().optional(),
  /** v1.0: the user principal name; its domain is one the tenant has verified (or its onmicrosoft.com domain). */
  upn: z.string().optional(),
  /** v2.0: a display login hint; mutable and not verified by Entra, so never an address we link by (read for nothing else). */
  preferred_username: z.string().optional(),
  email: z.string().optional(),
  /** Optional claim: the `email` domain's owner was verified. */
  xms_edov: z.union([z.boolean(), z.literal('true'), z.literal('1')]).optional(),
  /** Present (and unlike `iss`) when the user signed in through another tenant or provider, as guests do. */
  idp: z.string().optional(),
  /** Optional claim: 1 = guest. */
  acct: z.union([z.number(), z.string()]).optional(),
});
type Claims = z.infer<typeof EntraClaims>;

/**
 * Verifies a Teams SSO token: RS256 signature against Entra's keys, audience = our client id or Application ID URI, issuer
 * `https://login.microsoftonline.com/{tid}/v2.0` (v2.0) or `https://sts.windows.net/{tid}/` (v1.0) for the token's own tenant,
 * scope `access_as_user`, and the tenant allow-list. Subject: `tid:oid` (the object id is unique only within its tenant).
 * Failures answer 401 naming `ssoToken`.
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/authentication/tab-sso-code
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens#validate-tokens
 */
export async function verifyTeamsToken(ssoToken: string, config: TeamsConfig, keys: JWTVerifyGetKey = remoteKeys(ENTRA_JWKS_URL)): Promise<HostIdentity> {
  const field = 'ssoToken';
  const audience = config.appIdUri ? [config.clientId, config.appIdUri] : [config.clientId];
  const payload = await verifyJwt(ssoToken, keys, { audience }, field, 'Microsoft Entra');
  const parsed = EntraClaims.safeParse(payload);
  if (!parsed.success) throw rejected(field, `the ${parsed.error.issues[0]?.path.join('.') || 'token'} claim is missing or malformed`);
  const claims = parsed.data;
  const tid = claims.tid.toLowerCase();
  if (claims.iss !== `https://login.microsoftonline.com/${claims.tid}/v2.0` && claims.iss !== `https://sts.windows.net/${claims.tid}/`) {
    throw rejected(field, 'the iss claim is not Entra for the tenant the token names');
  }
  if (!(claims.scp ?? '').split(' ').includes(TEAMS_SCOPE)) throw rejected(field, `the token does not carry the ${TEAMS_SCOPE} scope`);
  if (config.allowedTenants.length > 0 && !config.allowedTenants.includes(tid)) throw rejected(field, 'your organisation is not allowed to sign in here');
  const email = verifiedEmail(claims);
  const name = claims.name?.trim();
  return { host: 'teams', subject: `${tid}:${claims.oid.toLowerCase()}`, tenant: tid, ...(email ? { email } : {}), ...(name ? { name } : {}) };
}

/**
 * The address Entra vouches for, or undefined. `email` alone is not enough: tenant admins can set it to any address, which is
 * how "nOAuth" account takeovers worked; it counts only with `xms_edov`. A member's UPN (`upn`: v1.0 tokens, or the optional
 * claim in v2.0) lies in a domain the tenant verified. `preferred_username` is treated like any unverified address: Microsoft
 * says it is mutable and must not drive authorization. A guest's names come from elsewhere, so a guest without `xms_edov` has
 * none we trust.
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/migrate-off-email-claim-authorization
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/optional-claims-reference
 */
export function verifiedEmail(claims: Claims): string | undefined {
  const pick = (value: string | undefined) => (value !== undefined && Email.safeParse(value).success ? value.toLowerCase() : undefined);
  if (claims.xms_edov !== undefined && claims.xms_edov !== false && pick(claims.email)) return pick(claims.email);
  const guest = (claims.idp !== undefined && claims.idp !== claims.iss) || String(claims.acct ?? '0') === '1';
  if (guest) return undefined;
  return pick(claims.upn);
}
