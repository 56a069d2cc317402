/** Our own short-lived bearer tokens (HS256 JWT via jose), issued after a host identity or dev login is verified. */
import { SignJWT, jwtVerify } from 'jose';
import type { Env } from '../env';

const ISSUER = 'coaching-companion';
const AUDIENCE = 'api-v1';
/** Lifetime of a coach token; panels renew through `POST /api/auth/refresh` before it runs out. */
export const COACH_TOKEN_SECONDS = 2 * 60 * 60;

const keys = new Map<string, CryptoKey>();

/** The HMAC key for our tokens, imported once per isolate (the key is cached, never a promise: those are bound to one request). */
async function secret(env: Pick<Env, 'AUTH_SECRET'>): Promise<CryptoKey> {
  let key = keys.get(env.AUTH_SECRET);
  if (!key) {
    key = await crypto.subtle.importKey('raw', new TextEncoder().encode(env.AUTH_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(env.AUTH_SECRET, key);
  }
  return key;
}

/**
 * Issues a coach token: `sub` = coach id.
 * @see https://github.com/panva/jose/blob/main/docs/jwt/sign/classes/SignJWT.md
 */
export async function issueCoachToken(env: Pick<Env, 'AUTH_SECRET'>, coachId: string): Promise<string> {
  return new SignJWT({ role: 'coach' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(coachId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${COACH_TOKEN_SECONDS}s`)
    .sign(await secret(env));
}

/** Verifies a coach token; returns the coach id, or null when missing, forged or expired. */
export async function verifyCoachToken(env: Pick<Env, 'AUTH_SECRET'>, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, await secret(env), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    return payload.role === 'coach' && typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
