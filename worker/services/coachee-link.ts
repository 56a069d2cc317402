/** Coachee links for one engagement: building the URL that goes on the invite, and resolving a token back to its engagement. */
import type { Env } from '../env';
import { signLink, verifyLink, type LinkClaims } from '../auth/links';
import { ApiProblem } from '../http/problem';
import { directoryDb } from '../storage/databases';
import { getEngagementForLink, type EngagementRow } from '../storage/engagements';

/** The coachee's session page URL for this engagement, or null when the link is revoked or expired. */
export async function coacheeUrl(env: Env, base: string, e: EngagementRow, nowMs: number): Promise<{ url: string; expiresAtMs: number } | null> {
  if (e.link_expires_at <= nowMs) return null;
  const token = await signLink(env, { engagementId: e.id, version: e.link_version, expiresAtMs: e.link_expires_at });
  return { url: `${base}/c/${token}`, expiresAtMs: e.link_expires_at };
}

/**
 * The engagement a coachee token opens. Forged, expired, revoked (older version) and unknown tokens all answer the same 404,
 * so a token reveals nothing about other engagements.
 */
export async function engagementOfLink(env: Env, token: string, nowMs: number): Promise<EngagementRow> {
  const claims = await claimsOfLink(env, token, nowMs);
  return linkedEngagement(claims, await getEngagementForLink(directoryDb(env), claims.engagementId), nowMs);
}

/** The claims of a correctly signed, unexpired coachee token (no storage read); 404 like every other invalid link. */
export async function claimsOfLink(env: Env, token: string, nowMs: number): Promise<LinkClaims> {
  return (await verifyLink(env, token, nowMs)) ?? linkNotValid();
}

/** The engagement the claims name, when the link is still its current one (same version and expiry, not expired); else 404. */
export function linkedEngagement(claims: LinkClaims, e: EngagementRow | null, nowMs: number): EngagementRow {
  if (!e || e.link_version !== claims.version || Math.floor(e.link_expires_at / 1000) * 1000 !== claims.expiresAtMs || e.link_expires_at <= nowMs) return linkNotValid();
  return e;
}

function linkNotValid(): never {
  throw new ApiProblem(404, '/problems/link-not-valid', 'This link is not valid (any more). Ask your coach for a new one.');
}
