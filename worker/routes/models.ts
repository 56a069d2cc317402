/** `/api/models`: built-in conversation models (read-only) and the coach's own, copied or written from scratch. */
import { Hono } from 'hono';
import { z } from 'zod';
import { isBuiltInModelId } from '../../shared/models/builtin';
import { ConversationModel, Locale, ModelCreate, ModelInput } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach, ownDb } from '../auth/require-coach';
import { endpoint, param } from '../http/endpoint';
import { ApiProblem, notFound } from '../http/problem';
import { deleteModel, findModel, listModels, modelInUse, saveModel } from '../storage/models';
import { currentCoach } from './me';
import { coachDb } from '../storage/databases';

/** Routes under `/api/models`. */
export const modelRoutes = new Hono<AppEnv>();
modelRoutes.use('*', requireCoach);
const M = '/api/models';
const LocaleQuery = z.strictObject({ locale: Locale.optional() });

endpoint(modelRoutes, M, { method: 'get', path: '/', tag: 'models', summary: 'Built-in models (in the coach\'s or the asked locale), then the coach\'s own.', query: LocaleQuery, response: z.array(ConversationModel) }, async (c, { query }) => {
  const locale = query.locale ?? (await currentCoach(c)).locale;
  return c.json(await listModels(ownDb(c), c.get('coachId'), locale));
});

endpoint(modelRoutes, M, { method: 'get', path: '/:id', tag: 'models', summary: 'One model.', query: LocaleQuery, response: ConversationModel }, async (c, { query }) => {
  const locale = query.locale ?? (await currentCoach(c)).locale;
  const model = await findModel(ownDb(c), c.get('coachId'), param(c, 'id'), locale);
  if (!model) throw notFound('Model');
  return c.json(model);
});

endpoint(modelRoutes, M, { method: 'post', path: '/', tag: 'models', summary: 'Creates a model, or copies one with { copyOf } to edit it.', body: ModelCreate, response: ConversationModel, status: 201 }, async (c, { body }) => {
  const coachId = c.get('coachId');
  let input: ModelInput;
  if ('copyOf' in body) {
    const source = await findModel(coachDb(c.env, coachId), coachId, body.copyOf, body.locale ?? (await currentCoach(c)).locale);
    if (!source) throw new ApiProblem(422, '/problems/validation', 'copyOf: no such model', [{ in: 'body', field: 'copyOf', pointer: '#/copyOf', detail: 'no such model' }]);
    const { id: _id, builtIn: _b, ...rest } = source;
    input = ModelInput.parse({ ...rest, name: `${rest.name} (${rest.locale === 'nl' ? 'kopie' : 'copy'})`.slice(0, 200) });
  } else {
    input = body;
  }
  return c.json(await saveModel(coachDb(c.env, coachId), coachId, crypto.randomUUID(), input, Date.now()), 201);
});

endpoint(modelRoutes, M, { method: 'put', path: '/:id', tag: 'models', summary: 'Replaces one of the coach\'s models (built-ins are read-only: copy them).', body: ModelInput, response: ConversationModel }, async (c, { body }) => {
  const id = param(c, 'id');
  if (isBuiltInModelId(id)) throw new ApiProblem(403, '/problems/read-only', 'Built-in models are read-only; copy it with POST /api/models { copyOf } and edit the copy');
  if (!(await findModel(ownDb(c), c.get('coachId'), id, 'nl'))) throw notFound('Model');
  return c.json(await saveModel(ownDb(c), c.get('coachId'), id, body, Date.now()));
});

endpoint(modelRoutes, M, { method: 'delete', path: '/:id', tag: 'models', summary: 'Deletes one of the coach\'s models that no engagement or session uses.', status: 204 }, async (c) => {
  const id = param(c, 'id');
  if (isBuiltInModelId(id)) throw new ApiProblem(403, '/problems/read-only', 'Built-in models cannot be deleted');
  if (await modelInUse(ownDb(c), c.get('coachId'), id)) throw new ApiProblem(409, '/problems/conflict', 'This model is still used by an engagement or session');
  if (!(await deleteModel(ownDb(c), c.get('coachId'), id))) throw notFound('Model');
  return c.body(null, 204);
});
