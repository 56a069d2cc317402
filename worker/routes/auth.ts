/** Sign-in routes: dev login (only with DEV_LOGIN=true) and token renewal; host identity exchanges live in host-auth.ts. */
import { Hono } from 'hono';
import { z } from 'zod';
import { LIMITS, text } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach } from '../auth/require-coach';
import { issueCoachToken } from '../auth/tokens';
import { endpoint } from '../http/endpoint';
import { notFound } from '../http/problem';
import { devOnly } from '../http/dev-only';
import { getCoach, upsertCoachByEmail } from '../storage/coaches';

/** Routes under `/api/auth`. */
export const authRoutes = new Hono<AppEnv>();
const M = '/api/auth';
/** What every sign-in answers: our bearer token. */
export const Token = z.object({ token: z.string() });

authRoutes.use('/dev', devOnly);
endpoint(
  authRoutes,
  M,
  {
    method: 'post',
    path: '/dev',
    tag: 'auth',
    auth: 'none',
    summary: 'Dev login: signs in (creating the coach if new) by e-mail. Answers 404 unless DEV_LOGIN is on.',
    body: z.strictObject({ email: z.email({ message: 'must be an e-mail address' }).max(LIMITS.email), name: text(LIMITS.name).optional() }),
    response: Token,
  },
  async (c, { body }) => {
    const coach = await upsertCoachByEmail(c.env.DB, body.email, body.name, Date.now());
    return c.json({ token: await issueCoachToken(c.env, coach.id) });
  },
);

authRoutes.use('/refresh', requireCoach);
endpoint(authRoutes, M, { method: 'post', path: '/refresh', tag: 'auth', summary: 'Renews a still-valid token.', response: Token }, async (c) => {
  const coach = await getCoach(c.env.DB, c.get('coachId'));
  if (!coach) throw notFound('Coach');
  return c.json({ token: await issueCoachToken(c.env, coach.id) });
});
