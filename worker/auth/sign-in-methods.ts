/**
 * The ways a coach can sign in to the web home `/app`, as the page lists them (`GET /api/auth/methods`). Each way registers
 * itself here: the dev login by e-mail (with DEV_LOGIN=true), and top-level OAuth sign-in per provider (`GET /auth/:id/start`,
 * which hands the token back to `/app` in the URL fragment `#token=` or as a single-use `#handoff=` code).
 */
import type { Env } from '../env';

/** One way to sign in: `email` posts an address to `POST /api/auth/dev`; `redirect` sends the browser to `startUrl`. */
export type SignInMethod = { id: string; kind: 'email' | 'redirect'; startUrl?: string };

/** A registered way to sign in and when this deployment offers it. */
export type SignInMethodEntry = SignInMethod & { available(env: Env): boolean };

/** Every registered way; provider sign-in modules push theirs at load (e.g. `{ id: 'google', kind: 'redirect', startUrl: '/auth/google/start', available }`). */
export const SIGN_IN_METHODS: SignInMethodEntry[] = [{ id: 'dev', kind: 'email', available: (env) => env.DEV_LOGIN === 'true' }];

/** The ways this deployment offers now, in registration order. */
export const availableSignInMethods = (env: Env): SignInMethod[] =>
  SIGN_IN_METHODS.filter((m) => m.available(env)).map(({ id, kind, startUrl }) => ({ id, kind, ...(startUrl === undefined ? {} : { startUrl }) }));
