/** `/api/alerts` (the coach's alerts: low check-in scores and answers, unread first) and `/api/me/mail` (single mails or a daily digest). */
import { Hono } from 'hono';
import { z } from 'zod';
import { Alert, AlertList, CoachMailPrefs, CoachMailPrefsPut } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach } from '../auth/require-coach';
import { endpoint, param } from '../http/endpoint';
import { notFound } from '../http/problem';
import { nextDigestAt } from '../between/digest';
import { countUnread, getMailPrefs, listAlerts, markRead, saveMailPrefs, toAlert } from '../storage/alerts';
import { getCoach } from '../storage/coaches';
import { coachDb } from '../storage/databases';

/** Routes under `/api`. */
export const alertRoutes = new Hono<AppEnv>();
alertRoutes.use('/alerts', requireCoach);
alertRoutes.use('/alerts/*', requireCoach);
alertRoutes.use('/me/mail', requireCoach);
const M = '/api';

endpoint(
  alertRoutes,
  M,
  { method: 'get', path: '/alerts', tag: 'between', summary: 'The coach\'s alerts, unread first, then newest.', query: z.strictObject({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }), response: AlertList },
  async (c, { query }) => {
    const coachId = c.get('coachId');
    const db = coachDb(c.env, coachId);
    const [rows, unread] = await Promise.all([listAlerts(db, coachId, { unreadOnly: query.unread === 'true', limit: query.limit ?? 50 }), countUnread(db, coachId)]);
    c.header('cache-control', 'no-store');
    return c.json({ alerts: rows.map(toAlert), unread } satisfies AlertList);
  },
);

endpoint(alertRoutes, M, { method: 'post', path: '/alerts/:id/read', tag: 'between', summary: 'Marks an alert read.', response: z.object({ id: Alert.shape.id }) }, async (c) => {
  const coachId = c.get('coachId');
  const row = await markRead(coachDb(c.env, coachId), coachId, param(c, 'id'), Date.now());
  if (!row) throw notFound('Alert');
  return c.json({ id: row.id });
});

endpoint(alertRoutes, M, { method: 'get', path: '/me/mail', tag: 'between', summary: 'The coach\'s mail choice: single mails or one daily digest (alerts always come at once).', response: CoachMailPrefs }, async (c) => {
  const coachId = c.get('coachId');
  return c.json({ digest: (await getMailPrefs(coachDb(c.env, coachId), coachId)).digest === 1 });
});

endpoint(alertRoutes, M, { method: 'put', path: '/me/mail', tag: 'between', summary: 'Chooses single mails or a daily digest at 08:00 (the coach\'s time).', body: CoachMailPrefsPut, response: CoachMailPrefs }, async (c, { body }) => {
  const coachId = c.get('coachId');
  const db = coachDb(c.env, coachId);
  const coach = await getCoach(db, coachId);
  await saveMailPrefs(db, coachId, body.digest, body.digest ? nextDigestAt(coach?.time_zone ?? 'Europe/Amsterdam', Date.now()) : null);
  return c.json({ digest: body.digest });
});
