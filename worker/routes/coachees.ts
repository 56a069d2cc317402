/** `/api/coachees`: the coach's coachees; DELETE erases everything about one, export hands it all over as JSON. */
import { Hono } from 'hono';
import { z } from 'zod';
import { Coachee, CoacheeCreate, CoacheeExport, CoacheePatch } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach, ownDb } from '../auth/require-coach';
import { endpoint, param } from '../http/endpoint';
import { notFound } from '../http/problem';
import { createCoachee, getCoachee, listCoachees, toCoachee, updateCoachee } from '../storage/coachees';
import { eraseCoachee } from '../services/erase';
import { exportCoachee } from '../services/export';
import { coachDb } from '../storage/databases';

/** Routes under `/api/coachees`. */
export const coacheeRoutes = new Hono<AppEnv>();
coacheeRoutes.use('*', requireCoach);
const M = '/api/coachees';

endpoint(coacheeRoutes, M, { method: 'get', path: '/', tag: 'coachees', summary: 'The coach\'s coachees, newest first.', response: z.array(Coachee) }, async (c) =>
  c.json((await listCoachees(ownDb(c), c.get('coachId'))).map(toCoachee)),
);

endpoint(coacheeRoutes, M, { method: 'post', path: '/', tag: 'coachees', summary: 'Adds a coachee.', body: CoacheeCreate, response: Coachee, status: 201 }, async (c, { body }) => {
  const row = await createCoachee(ownDb(c), {
    id: crypto.randomUUID(),
    coach_id: c.get('coachId'),
    name: body.name,
    email: body.email ?? null,
    locale: body.locale,
    time_zone: body.timeZone,
    invite_mode: body.inviteMode,
    created_at: Date.now(),
  });
  return c.json(toCoachee(row), 201);
});

async function found(c: { env: AppEnv['Bindings'] }, coachId: string, id: string) {
  const row = await getCoachee(coachDb(c.env, coachId), coachId, id);
  if (!row) throw notFound('Coachee');
  return row;
}

endpoint(coacheeRoutes, M, { method: 'get', path: '/:id', tag: 'coachees', summary: 'One coachee.', response: Coachee }, async (c) =>
  c.json(toCoachee(await found(c, c.get('coachId'), param(c, 'id')))),
);

endpoint(coacheeRoutes, M, { method: 'patch', path: '/:id', tag: 'coachees', summary: 'Updates a coachee.', body: CoacheePatch, response: Coachee }, async (c, { body }) => {
  const row = await found(c, c.get('coachId'), param(c, 'id'));
  const next = {
    ...row,
    name: body.name ?? row.name,
    email: body.email === undefined ? row.email : body.email,
    locale: body.locale ?? row.locale,
    time_zone: body.timeZone ?? row.time_zone,
    invite_mode: body.inviteMode === undefined ? row.invite_mode : body.inviteMode,
  };
  await updateCoachee(coachDb(c.env, row.coach_id), next);
  return c.json(toCoachee(next));
});

endpoint(coacheeRoutes, M, { method: 'delete', path: '/:id', tag: 'coachees', summary: 'Erases the coachee and everything about them (GDPR Art. 17).', status: 204 }, async (c) => {
  const row = await found(c, c.get('coachId'), param(c, 'id'));
  await eraseCoachee(c.env, row);
  return c.body(null, 204);
});

endpoint(coacheeRoutes, M, { method: 'get', path: '/:id/export', tag: 'coachees', summary: 'Everything stored about the coachee, as JSON (GDPR Art. 15/20).', response: CoacheeExport }, async (c) => {
  const row = await found(c, c.get('coachId'), param(c, 'id'));
  const body = await exportCoachee(c.env, row, Date.now());
  c.header('content-disposition', `attachment; filename="coachee-${row.id}.json"`);
  return c.json(body);
});
