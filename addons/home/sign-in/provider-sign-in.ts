/** Provider sign-in on /app (DOM-free): which "sign in with …" buttons to show, and what a provider sign-in handed back in the URL fragment. */

/** One way to sign in, as `GET /api/auth/methods` lists them: `redirect` ways start at `startUrl` (a top-level navigation). */
export type SignInMethod = { id: string; kind: 'email' | 'redirect'; startUrl?: string };

/** Why a provider sign-in came back without the coach signed in (`/app#sign-in-error=…`, worker/routes/web-sign-in.ts). */
export type SignInFailure = 'denied' | 'state' | 'browser' | 'code' | 'unavailable' | 'not-linked' | 'rejected';
const FAILURES: readonly SignInFailure[] = ['denied', 'state', 'browser', 'code', 'unavailable', 'not-linked', 'rejected'];

/** What the fragment carries after `/auth/:provider/callback`: a single-use hand-off code, a failure, or nothing. */
export type SignInReturn = { kind: 'code'; code: string } | { kind: 'failed'; reason: SignInFailure } | null;

/** Reads `#handoff=<code>` or `#sign-in-error=<reason>` (an unknown reason reads as `rejected`). */
export function readSignInReturn(hash: string): SignInReturn {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('handoff');
  if (code && /^[0-9a-f]{32}$/.test(code)) return { kind: 'code', code };
  const error = params.get('sign-in-error');
  if (error !== null) return { kind: 'failed', reason: FAILURES.includes(error as SignInFailure) ? (error as SignInFailure) : 'rejected' };
  return null;
}

/** The provider buttons to show: the `redirect` ways this deployment offers, in its order. */
export async function providerMethods(doFetch: typeof fetch): Promise<SignInMethod[]> {
  const res = await doFetch('/api/auth/methods', { headers: { accept: 'application/json' } });
  if (!res.ok) return [];
  const { methods } = (await res.json()) as { methods: SignInMethod[] };
  return methods.filter((m) => m.kind === 'redirect' && typeof m.startUrl === 'string' && m.startUrl.startsWith('/auth/'));
}

/**
 * Trades the hand-off code for our bearer token (`POST /api/auth/handoff`, once, within two minutes). Answers the token, or
 * null when the code was refused (used, expired): then the coach signs in again.
 */
export async function redeemSignIn(doFetch: typeof fetch, code: string): Promise<string | null> {
  const res = await doFetch('/api/auth/handoff', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  if (!res.ok) return null;
  return ((await res.json()) as { token: string }).token;
}

/**
 * On /app's load: reads the fragment, wipes it from the address bar (the code is single-use, but it need not linger in
 * history), and trades a code for the token. Answers the token, the failure to show, or nothing to do.
 */
export async function completeProviderSignIn(win: Pick<Window, 'location' | 'history'>, doFetch: typeof fetch): Promise<{ token: string } | { failed: SignInFailure } | null> {
  const back = readSignInReturn(win.location.hash);
  if (!back) return null;
  win.history.replaceState(null, '', win.location.pathname + win.location.search);
  if (back.kind === 'failed') return { failed: back.reason };
  const token = await redeemSignIn(doFetch, back.code);
  return token ? { token } : { failed: 'state' };
}
