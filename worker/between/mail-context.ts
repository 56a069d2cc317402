/** Who a trajectory's mails go to and the links they carry: coach, coachee, the coachee's page and preferences. */
import type { Env } from '../env';
import { configuredPublicUrl } from '../http/public-url';
import type { CoacheeMailContext, CoachMailContext } from '../mail/compose';
import { coacheeUrl } from '../services/coachee-link';
import { getCoach, type CoachRow } from '../storage/coaches';
import { getCoachee, type CoacheeRow } from '../storage/coachees';
import { coachDb } from '../storage/databases';
import { getEngagement, type EngagementRow } from '../storage/engagements';
import { signPrefsToken } from './prefs-token';

/** The base of links in mail (`PUBLIC_URL`; jobs have no request to take an origin from). */
export const mailBase = (env: Env) => configuredPublicUrl(env) ?? 'http://localhost:8787';

/** Coach, coachee and engagement of a trajectory, or null when any is gone (erased). */
export async function loadParties(env: Env, coachId: string, engagementId: string): Promise<{ coach: CoachRow; coachee: CoacheeRow; engagement: EngagementRow } | null> {
  const db = coachDb(env, coachId);
  const engagement = await getEngagement(db, coachId, engagementId);
  if (!engagement) return null;
  const [coach, coachee] = await Promise.all([getCoach(db, coachId), getCoachee(db, coachId, engagement.coachee_id)]);
  return coach && coachee ? { coach, coachee, engagement } : null;
}

/** The context of a coachee mail about one touchpoint (or none): links to their page for it and to their preferences. */
export async function coacheeMailContext(env: Env, p: { coach: CoachRow; coachee: CoacheeRow; engagement: EngagementRow }, touchpointId: string | null, nowMs: number): Promise<CoacheeMailContext> {
  const base = mailBase(env);
  const link = await coacheeUrl(env, base, p.engagement, nowMs);
  const prefs = await signPrefsToken(env, p.engagement.id);
  return {
    coach: { name: p.coach.name, email: p.coach.email },
    coachee: { name: p.coachee.name, email: p.coachee.email ?? '', locale: p.coachee.locale, timeZone: p.coachee.time_zone },
    pageUrl: link
      ? (extra = {}) => {
          const q = new URLSearchParams(touchpointId ? { tp: touchpointId, ...extra } : extra).toString();
          return q ? `${link.url}?${q}` : link.url;
        }
      : null,
    prefsUrl: `${base}/p/${prefs}`,
    unsubscribeUrl: `${base}/api/p/${prefs}/unsubscribe`,
  };
}

/** The context of a coach mail: their language and the link to their home. */
export const coachMailContext = (env: Env, coach: CoachRow): CoachMailContext => ({ coach: { name: coach.name, email: coach.email, locale: coach.locale }, appUrl: `${mailBase(env)}/app` });
