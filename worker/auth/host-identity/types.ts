/** What a verified host sign-in tells us about the user, in our own terms (no vendor claim names beyond this folder). */

/** The hosts whose sign-in we accept. */
export type Host = 'teams' | 'zoom' | 'google';

/**
 * A user as a host vouched for them. `subject` is the host's stable id for the user (Teams `tid:oid`, Zoom user id, Google
 * `sub`); `email` is set only when the host vouches that the address is the user's, so it may link or create a coach.
 */
export interface HostIdentity {
  host: Host;
  subject: string;
  email?: string;
  name?: string;
  tenant?: string;
}

/** Outbound HTTP of the verifiers (JWKS, Zoom OAuth and REST), injectable so tests can serve the vendors' endpoints. */
export type HostFetch = (request: Request) => Promise<Response>;
