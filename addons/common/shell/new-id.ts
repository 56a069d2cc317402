/** Fresh ids for ops and new items: UUIDs, or 22 random URL-safe characters where `randomUUID` is missing (non-secure contexts). */

/**
 * A new id matching the wire `Id` shape (`[A-Za-z0-9_-]{8,64}`).
 * @see https://developer.mozilla.org/en-US/docs/Web/API/Crypto/randomUUID
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
