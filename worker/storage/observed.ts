/** Statement observation for the storage seam: which SQL runs, how many D1 round trips it takes and how many rows it reads. */

/** What an observer is told: each statement text as it is prepared, and each round trip with the rows D1 says it read. */
export interface StatementObserver {
  prepared(text: string): void;
  roundTrip(texts: string[], rowsRead: number): void;
}

const inner = new WeakMap<object, { stmt: D1PreparedStatement; text: string }>();

/** A prepared statement that reports its round trip; `first()` runs as `all()` so D1's `meta.rows_read` is seen too. */
class ObservedStatement {
  constructor(
    private readonly stmt: D1PreparedStatement,
    private readonly text: string,
    private readonly observer: StatementObserver,
  ) {
    inner.set(this, { stmt, text });
  }
  bind(...values: unknown[]): D1PreparedStatement {
    return new ObservedStatement(this.stmt.bind(...values), this.text, this.observer) as unknown as D1PreparedStatement;
  }
  async first(column?: string): Promise<unknown> {
    const r = await this.all();
    const row = (r.results[0] ?? null) as Record<string, unknown> | null;
    return column === undefined ? row : row === null ? null : (row[column] ?? null);
  }
  async all(): Promise<D1Result> {
    const r = await this.stmt.all();
    this.observer.roundTrip([this.text], r.meta.rows_read ?? 0);
    return r;
  }
  async run(): Promise<D1Result> {
    const r = await this.stmt.run();
    this.observer.roundTrip([this.text], r.meta.rows_read ?? 0);
    return r;
  }
  async raw(options?: { columnNames?: boolean }): Promise<unknown[]> {
    const r = await this.stmt.raw(options as { columnNames: true });
    this.observer.roundTrip([this.text], 0);
    return r;
  }
}

/**
 * `db` with every statement reported to `observer`; batches count as one round trip. Only tests and the bench's statistics
 * install an observer (see `observeStatements` in databases.ts); without one the seam hands out the binding itself.
 */
export function observedDb<T extends D1Database | D1DatabaseSession>(db: T, observer: StatementObserver): T {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (text: string) => {
          observer.prepared(text);
          return new ObservedStatement(target.prepare(text), text, observer);
        };
      }
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          const results = await target.batch(statements.map((s) => inner.get(s)?.stmt ?? s));
          observer.roundTrip(
            statements.map((s) => inner.get(s)?.text ?? ''),
            results.reduce((n, r) => n + (r.meta.rows_read ?? 0), 0),
          );
          return results;
        };
      }
      if (prop === 'withSession') {
        return (constraint?: string) => observedDb((target as D1Database).withSession(constraint), observer);
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
