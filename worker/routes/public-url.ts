/** The public base URL for links we hand out (coachee pages, calendar feed). */
import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** `PUBLIC_URL` when configured, else the origin the request came to. */
export const publicUrl = (c: Context<AppEnv> | { env: AppEnv['Bindings']; req?: { url: string } }): string =>
  (c.env.PUBLIC_URL || (c.req ? new URL(c.req.url).origin : '')).replace(/\/$/, '');
