/**
 * The sign-in seam of the coach's home: where a token comes from. A provider sign-in (`GET /auth/:provider/start` → callback)
 * sends the browser back to `/app` with `#token=<bearer>` or `#handoff=<single-use code>` in the fragment (never the query, so
 * it reaches no server log); the dev login answers the token directly. The token is kept in this origin's localStorage.
 */
import type { KeyValueStore } from '../../common/ports';

/** One way to sign in, as `GET /api/auth/methods` lists it. */
export type SignInMethod = { id: string; kind: 'email' | 'redirect'; startUrl?: string };

const KEY = 'token';

/** What the URL fragment hands back: a token, a hand-off code to redeem at `POST /api/auth/handoff`, or nothing. */
export function handBack(hash: string): { token: string } | { handoff: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  if (token) return { token };
  const handoff = params.get('handoff');
  return handoff ? { handoff } : null;
}

/** The kept token, the place to keep a new one, and to forget it (sign out, or the API refused it). */
export const tokenStore = (store: KeyValueStore) => ({
  get: () => store.get(KEY),
  set: (token: string) => store.set(KEY, token),
  clear: () => store.remove(KEY),
});
