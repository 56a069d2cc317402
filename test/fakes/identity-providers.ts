/** HTTP fake of the identity providers' key endpoints (Entra, Google) with test RSA keys, plus Zoom OAuth behind the same fetch. */
import { exportJWK, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { json } from './fake-support';
import type { ZoomOAuthFake } from './zoom-oauth';

/**
 * An RSA signing key made with WebCrypto, published under `kid`. Entra publishes its keys without `alg` (so a key set alone
 * does not stop another RSA algorithm); Google's carry `alg: RS256`. `publishAlg` picks which.
 */
export class SigningKey {
  private constructor(
    readonly kid: string,
    private readonly privateKey: CryptoKey,
    private readonly privateJwk: JWK,
    readonly publicJwk: JWK,
  ) {}

  static async create(kid: string, o: { publishAlg?: boolean } = {}): Promise<SigningKey> {
    const params = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
    // workers-types widen generateKey to CryptoKey | CryptoKeyPair; an RSA algorithm always yields a pair.
    const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
    const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid, use: 'sig', ...(o.publishAlg === false ? {} : { alg: 'RS256' }) };
    return new SigningKey(kid, pair.privateKey, await exportJWK(pair.privateKey), publicJwk);
  }

  /** A JWT with these claims signed by this very key under another RSA algorithm (RS384, RS512, PS256…): a genuine signature, a refused algorithm. */
  async signWithAlgorithm(alg: string, claims: JWTPayload): Promise<string> {
    const key = await importJWK({ ...this.privateJwk, alg }, alg);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iat: now, exp: now + 3600, ...claims }).setProtectedHeader({ alg, typ: 'JWT', kid: this.kid }).sign(key);
  }

  /** An RS256 JWT with exactly these claims, plus `iat` and (unless given) `exp` one hour ahead. */
  sign(claims: JWTPayload, kid = this.kid): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iat: now, exp: now + 3600, ...claims }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(this.privateKey);
  }
}

/** Entra's and Google's published keys, served where the real ones live; other requests go to the Zoom fake, if any. */
export class IdentityProvidersFake {
  readonly requests: string[] = [];

  private constructor(
    readonly entra: SigningKey,
    readonly google: SigningKey,
    private readonly zoom?: ZoomOAuthFake,
  ) {}

  static async create(zoom?: ZoomOAuthFake): Promise<IdentityProvidersFake> {
    return new IdentityProvidersFake(await SigningKey.create('entra-key-1', { publishAlg: false }), await SigningKey.create('google-key-1'), zoom);
  }

  readonly fetch = async (req: Request): Promise<Response> => {
    this.requests.push(`${req.method} ${req.url}`);
    if (req.method === 'GET' && req.url === 'https://login.microsoftonline.com/common/discovery/v2.0/keys') return json(200, { keys: [this.entra.publicJwk] });
    if (req.method === 'GET' && req.url === 'https://www.googleapis.com/oauth2/v3/certs') return json(200, { keys: [this.google.publicJwk] });
    if (this.zoom && /^https:\/\/(api\.)?zoom\.us\//.test(req.url)) return this.zoom.fetch(req);
    return json(404, { error: 'not served by this fake' });
  };
}
