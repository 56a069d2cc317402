/** The coachee's mail-preferences page (`/p/:token`, the link in every mail's footer): the coachee bundle in its preferences view. */
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { shellResponse } from './page-shell';

/** Page routes mounted at `/`. */
export const preferencesPageRoutes = new Hono<AppEnv>();

preferencesPageRoutes.get('/p/:token', (c) =>
  shellResponse(c, { entry: 'coachee', frameAncestors: "'none'", lang: c.req.query('lang') === 'en' ? 'en' : 'nl', theme: null, title: c.req.query('lang') === 'en' ? 'Mail preferences' : 'Mailvoorkeuren' }),
);
