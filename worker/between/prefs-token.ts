/** The preferences token in every mail's footer and List-Unsubscribe header: it opens only the coachee's mail preferences, and keeps working after their page link was replaced. */
import type { Env } from '../env';

const enc = new TextEncoder();
const keys = new Map<string, CryptoKey>();

async function key(secret: string): Promise<CryptoKey> {
  let k = keys.get(secret);
  if (!k) {
    k = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, k);
  }
  return k;
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * `engagementId.signature`, signed with the link secret under its own purpose label, so it cannot stand in for a page link.
 * @see https://www.rfc-editor.org/rfc/rfc2104
 */
export async function signPrefsToken(env: Pick<Env, 'LINK_SECRET'>, engagementId: string): Promise<string> {
  const sig = await crypto.subtle.sign('HMAC', await key(env.LINK_SECRET), enc.encode(`prefs:${engagementId}`));
  return `${engagementId}.${b64url(new Uint8Array(sig))}`;
}

/** The engagement id a preferences token names, or null when it is not one of ours. */
export async function verifyPrefsToken(env: Pick<Env, 'LINK_SECRET'>, token: string): Promise<string | null> {
  const [id, sig] = token.split('.');
  if (!id || !sig || !/^[A-Za-z0-9_-]{8,64}$/.test(id) || !/^[A-Za-z0-9_-]{43}$/.test(sig) || token.split('.').length !== 2) return null;
  const bytes = Uint8Array.from(atob(sig.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));
  // Constant-time comparison through the platform's HMAC verify.
  return (await crypto.subtle.verify('HMAC', await key(env.LINK_SECRET), bytes, enc.encode(`prefs:${id}`))) ? id : null;
}
