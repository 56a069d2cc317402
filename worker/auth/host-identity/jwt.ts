/** Verifies a host's RS256 JWT against its published keys and turns every jose failure into our problem naming the body field. */
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { providerUnavailable, rejected } from './problems';

/** Clock skew tolerated on `exp`/`nbf`/`iat` between the identity provider and us. */
export const CLOCK_TOLERANCE_SECONDS = 60;

/**
 * Checks signature (RS256 only: no `none`, no HMAC with a public key), expiry and the given claims; answers the payload.
 * A token that fails answers 401 naming `field`; keys that cannot be loaded answer 502.
 * @see https://github.com/panva/jose/blob/main/docs/jwt/verify/functions/jwtVerify.md
 */
export async function verifyJwt(token: string, keys: JWTVerifyGetKey, options: JWTVerifyOptions, field: string, provider: string): Promise<JWTPayload> {
  try {
    return (await jwtVerify(token, keys, { algorithms: ['RS256'], clockTolerance: CLOCK_TOLERANCE_SECONDS, ...options })).payload;
  } catch (error) {
    throw asProblem(error, field, provider);
  }
}

function asProblem(error: unknown, field: string, provider: string) {
  if (error instanceof errors.JWTExpired) return rejected(field, 'has expired');
  if (error instanceof errors.JWTClaimValidationFailed) return rejected(field, `the ${error.claim} claim is ${error.reason === 'missing' ? 'missing' : 'not accepted'}`);
  if (error instanceof errors.JWSSignatureVerificationFailed) return rejected(field, `its signature does not verify with ${provider}'s keys`);
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return rejected(field, `is not signed by a key ${provider} publishes`);
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return rejected(field, 'uses a signing algorithm we do not accept');
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return rejected(field, 'is not a well-formed signed token');
  // What is left is about fetching the keys (timeout, non-200, unparsable set, network): not the user's fault.
  return providerUnavailable(provider, error instanceof errors.JWKSTimeout ? 'its signing keys timed out' : 'its signing keys could not be loaded');
}
