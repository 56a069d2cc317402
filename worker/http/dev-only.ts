/** Middleware: routes for local development only answer 404 unless DEV_LOGIN is "true" (set in .dev.vars, never in production). */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { notFound } from './problem';

/** 404 for everyone unless dev login is switched on. */
export const devOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (c.env.DEV_LOGIN !== 'true') throw notFound('Route');
  await next();
});
