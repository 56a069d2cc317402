/** Conversation models: the built-ins from shared/ (read-only) and each coach's own copies in D1. */
import { builtInModels, findBuiltInModel } from '../../shared/models/builtin';
import type { ConversationModel, Locale, ModelInput } from '../../shared/protocol';
import { all, first, run, sql } from './sql';

type ModelRow = { id: string; coach_id: string; body: string };

const fromRow = (r: ModelRow): ConversationModel => ({ ...(JSON.parse(r.body) as ModelInput), id: r.id, builtIn: false });

/** Built-ins in the given locale, then the coach's own models. */
export async function listModels(db: D1Database, coachId: string, locale: Locale): Promise<ConversationModel[]> {
  const own = await all<ModelRow>(sql(db)`SELECT id, coach_id, body FROM models WHERE coach_id = ${coachId} ORDER BY created_at`);
  return [...builtInModels(locale), ...own.map(fromRow)];
}

/** A built-in (in `locale`) or one of this coach's models; null for unknown or another coach's. */
export async function findModel(db: D1Database, coachId: string, id: string, locale: Locale): Promise<ConversationModel | null> {
  const builtIn = findBuiltInModel(id, locale);
  if (builtIn) return builtIn;
  const row = await first<ModelRow>(sql(db)`SELECT id, coach_id, body FROM models WHERE id = ${id} AND coach_id = ${coachId}`);
  return row ? fromRow(row) : null;
}

/** Stores a coach's model. */
export async function saveModel(db: D1Database, coachId: string, id: string, input: ModelInput, nowMs: number): Promise<ConversationModel> {
  await run(sql(db)`INSERT INTO models (id, coach_id, body, created_at, updated_at) VALUES (${id}, ${coachId}, ${JSON.stringify(input)}, ${nowMs}, ${nowMs})
    ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at WHERE models.coach_id = ${coachId}`);
  return { ...input, id, builtIn: false };
}

/** Deletes a coach's model; returns whether it existed. */
export async function deleteModel(db: D1Database, coachId: string, id: string): Promise<boolean> {
  const r = await run(sql(db)`DELETE FROM models WHERE id = ${id} AND coach_id = ${coachId}`);
  return r.meta.changes > 0;
}

/** Whether any engagement or session of this coach still uses the model. */
export async function modelInUse(db: D1Database, coachId: string, id: string): Promise<boolean> {
  const row = await first<{ n: number }>(sql(db)`SELECT (SELECT COUNT(*) FROM engagements WHERE coach_id = ${coachId} AND model_id = ${id})
    + (SELECT COUNT(*) FROM sessions WHERE coach_id = ${coachId} AND model_id = ${id}) AS n`);
  return (row?.n ?? 0) > 0;
}
