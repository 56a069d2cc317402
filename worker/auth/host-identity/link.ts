/** Turns a verified host identity into a coach: by its existing link, or on first sign-in by its verified e-mail. */
import { LIMITS } from '../../../shared/protocol';
import { upsertCoachByEmail } from '../../storage/coaches';
import { getIdentity, linkIdentity } from '../../storage/identities';
import { notLinked } from './problems';
import type { HostIdentity } from './types';

/**
 * The coach this identity signs in as. A linked (host, subject) always signs in as its coach, whatever e-mail the host reports
 * today. An unlinked one needs an e-mail the host vouched for: it joins the coach with that address (or a new coach) and is
 * linked for good. Without either, 401 `/problems/identity-not-linked` naming `field`, with `detail` saying what to do.
 */
export async function coachIdFor(db: D1Database, identity: HostIdentity, nowMs: number, field: string, detail: string): Promise<string> {
  const linked = await getIdentity(db, identity.host, identity.subject);
  if (linked) return linked.coach_id;
  if (!identity.email) throw notLinked(field, detail);
  const name = identity.name?.slice(0, LIMITS.name).trim() || undefined;
  const coach = await upsertCoachByEmail(db, identity.email, name, nowMs);
  const link = await linkIdentity(db, { host: identity.host, subject: identity.subject, coachId: coach.id, email: coach.email }, nowMs);
  return link.coach_id;
}
