/** Sign-in routes: dev login (only with DEV_LOGIN=true), token renewal and the add-on's hand-off; host identity exchanges live in host-auth.ts. */
import { Hono } from 'hono';
import { z } from 'zod';
import { LIMITS, text } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { HANDOFF_CODE, HANDOFF_TTL_MS, redeemHandoff } from '../auth/handoff';
import { coachClaims, unauthorized } from '../auth/require-coach';
import { MAX_SIGN_IN_AGE_SECONDS, issueCoachToken, mayRenew, nowSeconds } from '../auth/tokens';
import { endpoint } from '../http/endpoint';
import { ApiProblem, notFound } from '../http/problem';
import { devOnly } from '../http/dev-only';
import { getCoach, upsertCoachByEmail } from '../storage/coaches';
import { coachDb, directoryDb } from '../storage/databases';

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
    const coach = await upsertCoachByEmail(directoryDb(c.env), body.email, body.name, Date.now());
    return c.json({ token: await issueCoachToken(c.env, coach.id) });
  },
);

endpoint(
  authRoutes,
  M,
  {
    method: 'post',
    path: '/refresh',
    tag: 'auth',
    summary: `Renews a still-valid token; the new one keeps the original sign-in time (auth_time). 401 /problems/sign-in-too-old once that sign-in is more than ${MAX_SIGN_IN_AGE_SECONDS / 3600} hours old: sign in again.`,
    response: Token,
  },
  async (c) => {
    const claims = await coachClaims(c);
    if (!mayRenew(claims, nowSeconds())) {
      throw unauthorized(`Your sign-in is more than ${MAX_SIGN_IN_AGE_SECONDS / 3600} hours old; sign in again`, 'invalid_token', '/problems/sign-in-too-old');
    }
    const coach = await getCoach(coachDb(c.env, claims.coachId), claims.coachId);
    if (!coach) throw notFound('Coach');
    return c.json({ token: await issueCoachToken(c.env, coach.id, claims.authTime ?? undefined) });
  },
);

const codeRefused = () => {
  const detail = 'is unknown, already used or expired; open the panel from the add-on again';
  return new ApiProblem(401, '/problems/handoff-refused', `code: ${detail}`, [{ in: 'body', field: 'code', pointer: '#/code', detail }]);
};

endpoint(
  authRoutes,
  M,
  {
    method: 'post',
    path: '/handoff',
    tag: 'auth',
    auth: 'none',
    summary: `Trades a hand-off code (the \`#handoff=\` fragment of a panel link from the Google Calendar add-on) for a token. Each code works once, for ${HANDOFF_TTL_MS / 60_000} minutes; otherwise 401 /problems/handoff-refused naming code.`,
    body: z.strictObject({ code: z.string().regex(HANDOFF_CODE, 'must be 32 lowercase hex characters') }),
    response: Token,
  },
  async (c, { body }) => {
    const handed = await redeemHandoff(directoryDb(c.env), body.code, Date.now());
    const coach = handed ? await getCoach(coachDb(c.env, handed.coachId), handed.coachId) : null;
    if (!handed || !coach) throw codeRefused();
    return c.json({ token: await issueCoachToken(c.env, coach.id, handed.authTime) });
  },
);
