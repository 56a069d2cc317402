/** EXPLAIN QUERY PLAN for a list of named statements with sample binds: the plan lines that read a whole table, and one test each. */
import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';

/** A statement to explain: a name for the test, its text, and sample values for its parameters. */
export type PlannedStatement = [name: string, text: string, binds: unknown[]];

/** What counts as a full scan beyond a bare "SCAN t": an index walked end to end, unless `limitStops` and the statement has a LIMIT, or the index is one of `partialIndexes` (they hold only the rows asked for). */
export type ScanRule = { limitStops?: boolean; partialIndexes?: string[] };

/**
 * The statement's query plan and its lines that read a whole table.
 * @see https://www.sqlite.org/eqp.html
 */
export async function fullScans(text: string, binds: unknown[], { limitStops = true, partialIndexes = [] }: ScanRule = {}): Promise<{ scans: string[]; plan: string[] }> {
  const plan = (await env.DB.prepare(`EXPLAIN QUERY PLAN ${text}`).bind(...binds).all<{ detail: string }>()).results.map((r) => r.detail);
  const walksIndex = (d: string) => {
    const m = /^SCAN \w+ USING (?:COVERING )?INDEX (\w+)/.exec(d);
    return m !== null && !partialIndexes.includes(m[1]!) && !(limitStops && /LIMIT/i.test(text));
  };
  return { scans: plan.filter((d) => /^SCAN \w+( AS \w+)?$/.test(d) || walksIndex(d)), plan };
}

/** One test per statement: its plan reads no whole table (the plan is shown when it does). */
export function itUsesIndexes(statements: PlannedStatement[], rule?: ScanRule): void {
  it.each(statements)('%s uses an index', async (_name, text, binds) => {
    const { scans, plan } = await fullScans(text, binds, rule);
    expect(scans, plan.join('\n')).toEqual([]);
  });
}
