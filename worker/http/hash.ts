/** SHA-256 hex digests: the booking request hash and the calendar content hashes. */

/**
 * The SHA-256 digest of a string's UTF-8 bytes, as 64 lowercase hex characters.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/SubtleCrypto/digest
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The SHA-256 hex digest of a list of values (JSON-encoded, so `['a,b']` and `['a', 'b']` differ): tells whether a write would change anything. */
export const hashParts = (parts: readonly (string | number | boolean | null)[]): Promise<string> => sha256Hex(JSON.stringify(parts));
