/** Telling sign-in failures apart: an identity that belongs to no coach yet, and a consent the coach declined. */
import { ApiError } from '../../common/shell/http';

/**
 * Whether the identity is genuine but belongs to no coach yet (`/problems/identity-not-linked`, worker/auth/host-identity/problems.ts):
 * for a Zoom app context the cue to fall back to in-client OAuth.
 */
export const isNotLinked = (err: unknown): boolean => err instanceof ApiError && !!err.type?.endsWith('/identity-not-linked');

/** The failure of a host step the coach declined (Zoom's consent), read like a refused sign-in (401). */
export const declined = (): ApiError => new ApiError(401, '', '');
