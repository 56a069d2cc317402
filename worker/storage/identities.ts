/** D1 repository for host identities (Teams, Zoom, Google user ids) linked to coaches. */
import type { Host } from '../auth/host-identity/types';
import { first, run, sql } from './sql';

/** One link as stored: the host's id for the user, the coach it signs in as, and the verified e-mail the link was made with. */
export type IdentityRow = { host: Host; subject: string; coach_id: string; email: string | null; created_at: number };

/** The link for a host's user, or null when they never signed in through that host. */
export function getIdentity(db: D1Database, host: Host, subject: string): Promise<IdentityRow | null> {
  return first<IdentityRow>(sql(db)`SELECT * FROM coach_identities WHERE host = ${host} AND subject = ${subject}`);
}

/**
 * Links a host's user to a coach unless they are linked already, and answers the link that holds: when two first sign-ins
 * race, the first insert wins and both sign in as its coach. An existing link is never moved.
 */
export async function linkIdentity(db: D1Database, link: { host: Host; subject: string; coachId: string; email: string | null }, nowMs: number): Promise<IdentityRow> {
  await run(sql(db)`INSERT INTO coach_identities (host, subject, coach_id, email, created_at)
    VALUES (${link.host}, ${link.subject}, ${link.coachId}, ${link.email}, ${nowMs})
    ON CONFLICT (host, subject) DO NOTHING`);
  const row = await getIdentity(db, link.host, link.subject);
  if (!row) throw new Error('identity link lost');
  return row;
}
