/** The public base URL for links we hand out (coachee pages, calendar feed, invites written by background jobs). */
import type { Context } from 'hono';
import type { AppEnv, Env } from '../env';

/**
 * `PUBLIC_URL` when it is configured as an absolute http(s) URL (without a trailing slash), else null. Background jobs have
 * no request to take an origin from, so they need this one.
 */
export function configuredPublicUrl(env: { PUBLIC_URL?: string }): string | null {
  const value = env.PUBLIC_URL?.trim() ?? '';
  if (!/^https?:\/\/[^/]/i.test(value)) return null;
  try {
    return new URL(value).href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** `PUBLIC_URL` when configured, else the origin the request came to. */
export const publicUrl = (c: Context<AppEnv> | { env: AppEnv['Bindings']; req?: { url: string } }): string =>
  configuredPublicUrl(c.env) ?? (c.req ? new URL(c.req.url).origin : '');
