/** `GET /healthz` and `GET /openapi.json`. */
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { openApiDocument } from '../http/openapi';
import { publicUrl } from '../http/public-url';

/** Health and API description. */
export const healthRoutes = new Hono<AppEnv>();

healthRoutes.get('/healthz', (c) => c.json({ ok: true }));
healthRoutes.get('/openapi.json', (c) => c.json(openApiDocument(publicUrl(c))));
