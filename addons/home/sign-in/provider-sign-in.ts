/** Provider sign-in on /app (DOM-free): why a sign-in with Google, Microsoft or Zoom came back without the coach signed in. */

/** Why a provider sign-in failed (`/app#sign-in-error=…`, worker/routes/web-sign-in.ts). */
export type SignInFailure = 'denied' | 'state' | 'browser' | 'code' | 'unavailable' | 'not-linked' | 'rejected';
const FAILURES: readonly SignInFailure[] = ['denied', 'state', 'browser', 'code', 'unavailable', 'not-linked', 'rejected'];

/**
 * The failure in the fragment, if any (`#sign-in-error=<reason>`; an unknown reason reads as `rejected`). A success comes back
 * as `#handoff=<code>`, which `handBack` (hand-back.ts) takes.
 */
export function signInFailureOf(hash: string): SignInFailure | null {
  const error = new URLSearchParams(hash.replace(/^#/, '')).get('sign-in-error');
  if (error === null) return null;
  return FAILURES.includes(error as SignInFailure) ? (error as SignInFailure) : 'rejected';
}
