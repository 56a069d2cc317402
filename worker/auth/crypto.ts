/** Application-level encryption at rest (AES-256-GCM via WebCrypto) with key ids for rotation. */

/** Ciphertext as stored: the key id, a random 96-bit IV and the sealed bytes, base64. */
export type Sealed = { keyId: string; iv: string; data: string };

const keyCache = new Map<string, CryptoKey>();

function parseKeys(spec: string): { id: string; raw: string }[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, raw] = part.split(':');
      if (!id || !raw) throw new Error('NOTES_KEYS must look like kid:base64key[,kid:base64key]');
      return { id, raw };
    });
}

async function importKey(id: string, raw: string): Promise<CryptoKey> {
  const cached = keyCache.get(id + raw);
  if (cached) return cached;
  const bytes = fromBase64(raw);
  if (bytes.length !== 32) throw new Error(`key ${id} must be 32 bytes (base64)`);
  const key = await crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
  keyCache.set(id + raw, key);
  return key;
}

/**
 * Encrypts text with the first key of `keys`; `context` is bound as additional data so a ciphertext can't be moved to another row.
 * @see https://developer.mozilla.org/docs/Web/API/SubtleCrypto/encrypt#aes-gcm
 */
export async function seal(keys: string, plaintext: string, context: string): Promise<Sealed> {
  const current = parseKeys(keys)[0];
  if (!current) throw new Error('no encryption key configured');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await importKey(current.id, current.raw);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) }, key, new TextEncoder().encode(plaintext));
  return { keyId: current.id, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Decrypts with the key named in `sealed.keyId` (older keys stay listed after rotation). */
export async function open(keys: string, sealed: Sealed, context: string): Promise<string> {
  const entry = parseKeys(keys).find((k) => k.id === sealed.keyId);
  if (!entry) throw new Error(`encryption key ${sealed.keyId} is no longer configured`);
  const key = await importKey(entry.id, entry.raw);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: new TextEncoder().encode(context) }, key, fromBase64(sealed.data));
  return new TextDecoder().decode(plain);
}

/** Standard base64 of bytes. */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Bytes of standard base64. */
export function fromBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
