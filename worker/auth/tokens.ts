/** Our own short-lived bearer tokens (HS256 JWT via jose), issued after a host identity or dev login is verified. */
import { SignJWT, jwtVerify } from 'jose';
import type { Env } from '../env';

const ISSUER = 'coaching-companion';
const AUDIENCE = 'api-v1';
/** Lifetime of a coach token; panels renew through `POST /api/auth/refresh` before it runs out. */
export const COACH_TOKEN_SECONDS = 2 * 60 * 60;
/**
 * How old the sign-in behind a token (its `auth_time`) may be for `POST /api/auth/refresh` to renew it. Renewal keeps the
 * original `auth_time`, so a token that leaks stops working at most this long plus one token lifetime after the sign-in;
 * after that the panel signs in again through its host (silent for Teams, Zoom and Google).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDToken (auth_time)
 */
export const MAX_SIGN_IN_AGE_SECONDS = 12 * 60 * 60;

/** What a valid coach token says: whose it is, when that coach signed in (epoch seconds; null in tokens issued before `auth_time` existed) and when it runs out (`exp`). */
export type CoachClaims = { coachId: string; authTime: number | null; expiresAt: number };

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

/** The current time in epoch seconds, as JWT claims count it. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * Issues a coach token: `sub` = coach id, `auth_time` = when the coach signed in (now for a fresh sign-in; the original
 * sign-in's time when a token is renewed or handed over).
 * @see https://github.com/panva/jose/blob/main/docs/jwt/sign/classes/SignJWT.md
 */
export async function issueCoachToken(env: Pick<Env, 'AUTH_SECRET'>, coachId: string, authTime: number = nowSeconds()): Promise<string> {
  return new SignJWT({ role: 'coach', auth_time: authTime })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(coachId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${COACH_TOKEN_SECONDS}s`)
    .sign(await secret(env));
}

/** Verifies a coach token; returns its claims, or null when missing, forged or expired. */
export async function verifyCoachToken(env: Pick<Env, 'AUTH_SECRET'>, token: string): Promise<CoachClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await secret(env), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    if (payload.role !== 'coach' || typeof payload.sub !== 'string') return null;
    const authTime = typeof payload.auth_time === 'number' && Number.isSafeInteger(payload.auth_time) ? payload.auth_time : null;
    return { coachId: payload.sub, authTime, expiresAt: payload.exp ?? 0 };
  } catch {
    return null;
  }
}

/** Whether `POST /api/auth/refresh` may renew a token with these claims at `now` (epoch seconds): only within MAX_SIGN_IN_AGE_SECONDS of the sign-in. */
export const mayRenew = (claims: CoachClaims, now: number): boolean => claims.authTime !== null && now - claims.authTime <= MAX_SIGN_IN_AGE_SECONDS;
