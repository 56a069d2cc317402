/** Zoom: decrypts and checks the app context (`X-Zoom-App-Context` / `zoomSdk.getAppContext()`), which names the Zoom user but no e-mail. */
import { z } from 'zod';
import { CLOCK_TOLERANCE_SECONDS } from './jwt';
import { rejected } from './problems';
import type { HostIdentity } from './types';
import type { ZoomClient } from './zoom';

/** The issuer Zoom puts in every app context. */
export const ZOOM_CONTEXT_ISSUER = 'marketplace.zoom.us';
const TAG_BYTES = 16;
const FIELD = 'appContext';

const Context = z.object({ uid: z.string().min(1).max(255), iss: z.string(), aud: z.string(), exp: z.number().positive() });

const keys = new Map<string, CryptoKey>();

/** AES-256-GCM key = SHA-256 of the client secret, imported once per isolate (a key, never a promise: those belong to one request). */
async function contextKey(clientSecret: string): Promise<CryptoKey> {
  let key = keys.get(clientSecret);
  if (!key) {
    const raw = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(clientSecret));
    key = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['decrypt']);
    keys.set(clientSecret, key);
  }
  return key;
}

/**
 * `exp` in milliseconds. Zoom's sample compares it with `Date.now()` (milliseconds) but the unit is not documented, so a value
 * too small to be milliseconds after 1973 (< 1e11) is read as seconds. Either reading of a real expiry lands in the right place.
 */
export const expiryMs = (exp: number): number => (exp < 1e11 ? exp * 1000 : exp);

/**
 * Decrypts an app context: base64 of `[1 byte iv length][iv][2 bytes LE aad length][aad][4 bytes LE ciphertext length]
 * [ciphertext][16-byte GCM tag]`, AES-256-GCM with the AAD, JSON inside; then checks `iss`, `aud` (our client id) and `exp`.
 * Subject: `uid`, the Zoom user id. Anything that does not decrypt or check answers 401 naming `appContext`.
 * @see https://developers.zoom.us/docs/zoom-apps/zoom-app-context/
 * @see https://github.com/zoom/zoomapps-advancedsample-react/blob/main/backend/util/zoom-helpers.js
 */
export async function verifyZoomAppContext(appContext: string, client: ZoomClient, nowMs: number): Promise<HostIdentity> {
  const parts = unpack(decodeBase64(appContext));
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: parts.iv, additionalData: parts.aad, tagLength: TAG_BYTES * 8 }, await contextKey(client.clientSecret), parts.sealed);
  } catch {
    throw rejected(FIELD, 'does not decrypt with our Zoom app secret');
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    throw rejected(FIELD, 'does not hold JSON');
  }
  const parsed = Context.safeParse(json);
  if (!parsed.success) throw rejected(FIELD, `the ${parsed.error.issues[0]?.path.join('.') || 'context'} field is missing or malformed`);
  const context = parsed.data;
  if (context.iss !== ZOOM_CONTEXT_ISSUER) throw rejected(FIELD, 'was not issued by the Zoom Marketplace');
  if (context.aud !== client.clientId) throw rejected(FIELD, 'was issued to another Zoom app');
  if (nowMs >= expiryMs(context.exp) + CLOCK_TOLERANCE_SECONDS * 1000) throw rejected(FIELD, 'has expired');
  return { host: 'zoom', subject: context.uid };
}

function decodeBase64(value: string): Uint8Array {
  const standard = value.trim().replace(/-/g, '+').replace(/_/g, '/');
  try {
    return Uint8Array.from(atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  } catch {
    throw rejected(FIELD, 'is not base64');
  }
}

function unpack(bytes: Uint8Array): { iv: Uint8Array<ArrayBuffer>; aad: Uint8Array<ArrayBuffer>; sealed: Uint8Array<ArrayBuffer> } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const need = (length: number) => {
    if (at + length > bytes.length) throw rejected(FIELD, 'is not laid out as a Zoom app context');
  };
  const take = (length: number) => {
    need(length);
    at += length;
    return bytes.slice(at - length, at);
  };
  const uint = (size: 1 | 2 | 4) => {
    need(size);
    const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at, true) : view.getUint32(at, true);
    at += size;
    return value;
  };
  const iv = take(uint(1));
  const aad = take(uint(2));
  const ciphertext = take(uint(4));
  const tag = take(bytes.length - at);
  if (iv.length === 0 || tag.length !== TAG_BYTES) throw rejected(FIELD, 'is not laid out as a Zoom app context');
  const sealed = new Uint8Array(ciphertext.length + TAG_BYTES);
  sealed.set(ciphertext);
  sealed.set(tag, ciphertext.length);
  return { iv, aad, sealed };
}
