/** Coachee capability links: HMAC-signed, scoped to one engagement, expiring, revocable by bumping the engagement's link version. */
import type { Env } from '../env';

/** What a valid link grants. */
export type LinkClaims = { engagementId: string; version: number; expiresAtMs: number };

/** Default lifetime of a coachee link: a trajectory's length with room to spare. */
export const LINK_LIFETIME_MS = 365 * 24 * 3600_000;

const keyCache = new Map<string, CryptoKey>();

async function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keyCache.set(secret, key);
  }
  return key;
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
function fromB64url(s: string): Uint8Array<ArrayBuffer> | null {
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * Signs a link token `engagementId.version.expiresAtSeconds.signature`.
 * @see https://www.rfc-editor.org/rfc/rfc2104 (HMAC)
 */
export async function signLink(env: Pick<Env, 'LINK_SECRET'>, claims: LinkClaims): Promise<string> {
  const payload = `${claims.engagementId}.${claims.version}.${Math.floor(claims.expiresAtMs / 1000)}`;
  const sig = await crypto.subtle.sign('HMAC', await hmacKey(env.LINK_SECRET), new TextEncoder().encode(payload));
  return `${payload}.${b64url(new Uint8Array(sig))}`;
}

/** Checks signature and expiry (not revocation: the caller compares `version` with the engagement's). */
export async function verifyLink(env: Pick<Env, 'LINK_SECRET'>, token: string, nowMs: number): Promise<LinkClaims | null> {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [engagementId, version, exp, sig] = parts as [string, string, string, string];
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(engagementId) || !/^\d{1,9}$/.test(version) || !/^\d{1,12}$/.test(exp)) return null;
  const sigBytes = fromB64url(sig);
  if (!sigBytes) return null;
  const ok = await crypto.subtle.verify('HMAC', await hmacKey(env.LINK_SECRET), sigBytes, new TextEncoder().encode(`${engagementId}.${version}.${exp}`));
  const expiresAtMs = Number(exp) * 1000;
  if (!ok || expiresAtMs <= nowMs) return null;
  return { engagementId, version: Number(version), expiresAtMs };
}
