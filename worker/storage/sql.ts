/** A tagged-template `sql` helper for D1: binds every value, names the failing query, and batches multi-row writes. */

/** A prepared statement with its text kept for error messages. */
export type Query = { stmt: D1PreparedStatement; text: string };

/** Thrown when D1 rejects a query; carries the query text, never the bound values. */
export class StorageError extends Error {
  constructor(readonly query: string, readonly causeMessage: string) {
    super(`D1 query failed: ${causeMessage} — in: ${query.slice(0, 200)}`);
  }
  /** Whether a UNIQUE or PRIMARY KEY constraint refused the write. */
  get isUniqueViolation(): boolean {
    return /UNIQUE constraint failed|PRIMARY KEY/i.test(this.causeMessage);
  }
}

type Bindable = string | number | boolean | null | undefined;

/**
 * Builds a parameterised D1 statement: sql(db)`select * from t where id = ${id}`.
 * @see https://developers.cloudflare.com/d1/worker-api/prepared-statements/
 */
export function sql(db: D1Database) {
  return (strings: TemplateStringsArray, ...values: Bindable[]): Query => {
    const binds = values.map((v) => (v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v));
    const query = strings.map((s, i) => (i === 0 ? s : `?${i}${s}`)).join('');
    return { stmt: db.prepare(query).bind(...binds), text: query };
  };
}

/** All rows of one query. */
export async function all<T>(q: Query): Promise<T[]> {
  try {
    return (await q.stmt.all<T>()).results;
  } catch (e) {
    throw new StorageError(q.text, (e as Error).message);
  }
}

/** The first row of one query, or null. */
export async function first<T>(q: Query): Promise<T | null> {
  try {
    return await q.stmt.first<T>();
  } catch (e) {
    throw new StorageError(q.text, (e as Error).message);
  }
}

/** Runs one write. */
export async function run(q: Query): Promise<D1Result> {
  try {
    return await q.stmt.run();
  } catch (e) {
    throw new StorageError(q.text, (e as Error).message);
  }
}

/**
 * Runs several statements as one D1 batch: one round trip, all-or-nothing.
 * @see https://developers.cloudflare.com/d1/worker-api/d1-database/#batch
 */
export async function batch(db: D1Database, queries: Query[]): Promise<D1Result[]> {
  if (queries.length === 0) return [];
  try {
    return await db.batch(queries.map((q) => q.stmt));
  } catch (e) {
    throw new StorageError(queries.map((q) => q.text).join('; '), (e as Error).message);
  }
}
