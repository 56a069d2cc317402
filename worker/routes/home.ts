/** The coach's web home: the `/app` page (top level, never framed) and `GET /api/auth/methods`, the sign-in ways it offers. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { availableSignInMethods } from '../auth/sign-in-methods';
import { endpoint } from '../http/endpoint';
import { shellResponse } from './page-shell';

/** Routes mounted at `/`. */
export const homeRoutes = new Hono<AppEnv>();

/** `?lang=`, else English when the browser's first choice is English, else Dutch; the coach's own locale takes over after sign-in. */
const langOf = (c: Context<AppEnv>): 'nl' | 'en' => {
  const asked = c.req.query('lang');
  if (asked === 'en' || asked === 'nl') return asked;
  return /^en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'nl';
};

/**
 * The coach's home. Top level only (`frame-ancestors 'none'`): sign-in happens here, so no other site may frame it. The token
 * lives in this origin's storage and travels as a bearer header; no cookies.
 */
homeRoutes.get('/app', (c) => {
  const lang = langOf(c);
  const theme = c.req.query('theme');
  return shellResponse(c, { entry: 'app', frameAncestors: "'none'", lang, theme: theme === 'light' || theme === 'dark' ? theme : null, title: lang === 'en' ? 'Coaching companion' : 'Coachingcompagnon' });
});

const Methods = z.object({ methods: z.array(z.object({ id: z.string(), kind: z.enum(['email', 'redirect']), startUrl: z.string().optional() })) });

endpoint(homeRoutes, '', { method: 'get', path: '/api/auth/methods', tag: 'auth', auth: 'none', summary: 'The ways a coach can sign in to /app on this deployment (dev e-mail login, provider sign-in).', response: Methods }, (c) =>
  c.json({ methods: availableSignInMethods(c.env) }),
);
