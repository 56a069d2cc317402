/** The verifiers' network: one replaceable fetch, and the identity providers' signing keys (JWKS) cached per isolate. */
import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import type { HostFetch } from './types';

let override: HostFetch | null = null;
const keySets = new Map<string, JWTVerifyGetKey>();

/** The fetch every host verifier uses: the global one, unless a test replaced it. */
export const hostFetch: HostFetch = (request) => (override ?? fetch)(request);

/**
 * Replaces the verifiers' fetch (null = the global fetch) and forgets cached key sets. Tests run in the Worker's isolate, so
 * this module-level seam reaches the routes they call through `SELF`; they serve the vendors' JWKS and Zoom endpoints with it.
 */
export function setHostIdentityFetch(fetchImpl: HostFetch | null): void {
  override = fetchImpl;
  keySets.clear();
}

/**
 * The signing keys published at `jwksUrl`, fetched on first use and cached by jose (10 min, refetched at most every 30 s when
 * a token names an unknown key id, as after a key rotation). jose does not share a pending fetch across requests on Workers.
 * @see https://github.com/panva/jose/blob/main/docs/jwks/remote/functions/createRemoteJWKSet.md
 */
export function remoteKeys(jwksUrl: string): JWTVerifyGetKey {
  let keys = keySets.get(jwksUrl);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUrl), { [customFetch]: (url, init) => hostFetch(new Request(url, init)) });
    keySets.set(jwksUrl, keys);
  }
  return keys;
}
