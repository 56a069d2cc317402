/** Verifies the Google Workspace add-on's tokens: the system ID token on every request and the user's ID token in the event object. */
import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { GOOGLE_ISSUERS, GOOGLE_JWKS_URL, googleEmailIsAuthoritative } from '../auth/host-identity/google';
import { remoteKeys } from '../auth/host-identity/outbound';

/** Clock skew tolerated between Google and us on `exp`/`nbf`/`iat`. */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * What a verification found: the verified e-mail, Google's user id and whether Google's word on the address is authoritative
 * (`googleEmailIsAuthoritative`), or why the token was refused.
 */
export type TokenCheck = { ok: true; email: string; subject: string; emailAuthoritative: boolean } | { ok: false; reason: string; keysUnavailable?: boolean };

let injectedKeys: JWTVerifyGetKey | null = null;

/**
 * Replaces Google's signing keys (null = the published JWKS). Tests run in the Worker's isolate and sign their own tokens,
 * so this module-level seam reaches the routes they call.
 */
export function setGoogleAddonKeys(keys: JWTVerifyGetKey | null): void {
  injectedKeys = keys;
}

const googleKeys = (): JWTVerifyGetKey => injectedKeys ?? remoteKeys(GOOGLE_JWKS_URL);

/**
 * Verifies a Google-signed ID token (RS256, issuer accounts.google.com, `audience`, expiry) whose e-mail Google verified.
 * @see https://developers.google.com/identity/openid-connect/openid-connect#validatinganidtoken
 */
async function verifyGoogleToken(token: string, audience: string): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, googleKeys(), { issuer: GOOGLE_ISSUERS, audience, algorithms: ['RS256'], clockTolerance: CLOCK_TOLERANCE_SECONDS });
    const verified = payload.email_verified === true || payload.email_verified === 'true';
    if (typeof payload.email !== 'string' || !verified) return { ok: false, reason: 'it carries no e-mail address Google has verified' };
    const email = payload.email.trim().toLowerCase();
    const hd = typeof payload.hd === 'string' ? payload.hd : undefined;
    return { ok: true, email, subject: typeof payload.sub === 'string' ? payload.sub : '', emailAuthoritative: googleEmailIsAuthoritative(email, hd) };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): TokenCheck {
  if (error instanceof errors.JWTExpired) return { ok: false, reason: 'it has expired' };
  if (error instanceof errors.JWTClaimValidationFailed) return { ok: false, reason: `its ${error.claim} claim is ${error.reason === 'missing' ? 'missing' : 'not accepted'}` };
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return { ok: false, reason: 'it is not signed by Google' };
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return { ok: false, reason: 'it uses a signing algorithm we do not accept' };
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return { ok: false, reason: 'it is not a well-formed signed token' };
  return { ok: false, reason: "Google's signing keys could not be loaded", keysUnavailable: true };
}

/**
 * Checks the `Authorization` bearer of an add-on request: a Google ID token for the add-on's service account, with the
 * exact endpoint URL (including any query) as audience and a verified `email` equal to that service account.
 * @see https://developers.google.com/workspace/add-ons/guides/alternate-runtimes#verify_requests
 * @see https://github.com/googleworkspace/add-ons-samples/blob/main/node/chat/secured-app/index.js (verifyAddOnRequest)
 */
export async function verifySystemToken(token: string, endpointUrl: string, serviceAccount: string): Promise<TokenCheck> {
  const check = await verifyGoogleToken(token, endpointUrl);
  if (check.ok && check.email !== serviceAccount.trim().toLowerCase()) return { ok: false, reason: 'it was not issued to the add-on service account' };
  return check;
}

/**
 * Checks `authorizationEventObject.userIdToken`: the signed-in user's Google ID token for the add-on's OAuth client, with
 * the Google user id (`sub`) the add-on finds the coach by.
 * @see https://developers.google.com/workspace/add-ons/concepts/event-objects#authorization-event-object
 */
export async function verifyUserToken(token: string, clientId: string): Promise<TokenCheck> {
  const check = await verifyGoogleToken(token, clientId);
  if (check.ok && !check.subject) return { ok: false, reason: 'it carries no Google user id (sub)' };
  return check;
}
