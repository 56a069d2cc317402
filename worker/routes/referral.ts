/** `GET /api/sessions/:id/referral`: the discreet referral checklist for a session — served on demand, nothing in it is stored. */
import { Hono } from 'hono';
import { z } from 'zod';
import { crisisLine, referralChecklist } from '../../shared/models/referral';
import { Locale, ReferralView } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach } from '../auth/require-coach';
import { endpoint } from '../http/endpoint';
import { notFound } from '../http/problem';
import { getCoach } from '../storage/coaches';
import { getCoachee } from '../storage/coachees';
import { ownSession } from './sessions';
import { coachDb } from '../storage/databases';

/** Routes under `/api/sessions/:id/referral`. */
export const referralRoutes = new Hono<AppEnv>();
referralRoutes.use('/:id/referral', requireCoach);
const M = '/api/sessions';

endpoint(
  referralRoutes,
  M,
  {
    method: 'get',
    path: '/:id/referral',
    tag: 'sessions',
    summary: "When coaching is not enough: the checklist in the asked (or coach's) language, the crisis line of the coachee's locale, and the coach's own referral contacts. Nothing is stored.",
    query: z.strictObject({ locale: Locale.optional() }),
    response: ReferralView,
  },
  async (c, { query }) => {
    const session = await ownSession(c);
    const [coach, coachee] = await Promise.all([getCoach(coachDb(c.env, session.coach_id), session.coach_id), getCoachee(coachDb(c.env, session.coach_id), session.coach_id, session.coachee_id)]);
    if (!coach || !coachee) throw notFound('Session');
    const { crisisLine: _line, ...checklist } = referralChecklist(query.locale ?? coach.locale);
    const line = crisisLine(coachee.locale);
    return c.json({ checklist, crisisLine: { locale: coachee.locale, ...line }, contacts: coach.referral_contacts } satisfies ReferralView);
  },
);
