/** Records what the Worker asks of D1 through the storage seam during a test file: statement texts, round trips, rows read. */
import { env } from 'cloudflare:test';
import { observeStatements } from '../../worker/storage/databases';

/** One D1 round trip: the statements it carried (one, or a batch) and the rows D1 says it read. */
export type Trip = { texts: string[]; rowsRead: number };

/** Every statement text prepared through the seam in this test file, and the round trips since the last `reset()`. */
export const recorder = {
  texts: new Set<string>(),
  trips: [] as Trip[],
  reset() {
    this.trips = [];
  },
  /** Round trips and rows read since the last reset. */
  totals() {
    return { trips: this.trips.length, rowsRead: this.trips.reduce((n, t) => n + t.rowsRead, 0) };
  },
};

/** Starts recording (the worker test setup does this for every file). */
export function startRecording(): void {
  observeStatements({
    prepared: (text) => recorder.texts.add(text),
    roundTrip: (texts, rowsRead) => recorder.trips.push({ texts, rowsRead }),
  });
}

/** A query-plan step that reads a whole base table (or a whole index of one), from `EXPLAIN QUERY PLAN`'s detail column. */
export function isFullScan(detail: string): boolean {
  const m = /^SCAN (\S+)(.*)$/.exec(detail);
  if (!m) return false;
  const rest = m[2]!;
  if (m[1] === 'CONSTANT' || m[1]!.startsWith('(') || /VIRTUAL TABLE/.test(rest) || /^json_/.test(m[1]!)) return false;
  return true;
}

/** How many parameters a statement text takes (`?NNN` numbered, else plain `?`), for binding NULLs to explain it. */
export function parameterCount(text: string): number {
  const numbered = [...text.matchAll(/\?(\d+)/g)].map((m) => Number(m[1]));
  if (numbered.length > 0) return Math.max(...numbered);
  return (text.match(/\?/g) ?? []).length;
}

/** The steps of a statement's query plan that scan a base table; throws with the statement when SQLite cannot explain it. */
export async function fullScansOf(text: string): Promise<string[]> {
  const stmt = env.DB.prepare(`EXPLAIN QUERY PLAN ${text}`);
  const n = parameterCount(text);
  const plan = await (n > 0 ? stmt.bind(...Array.from({ length: n }, () => null)) : stmt).all<{ detail: string }>();
  return plan.results.map((r) => r.detail).filter(isFullScan);
}

/**
 * Statements allowed to scan a base table, each with why. Keep it short: a scan here reads every row of its table on every call.
 */
export const SCAN_ALLOWED: { statement: RegExp; why: string }[] = [
  {
    statement: /FROM mails WHERE transport = 'local' ORDER BY sent_at DESC LIMIT \?1$/,
    why: 'The dev mailbox (local mail transport, DEV_LOGIN only): walks the sent_at index newest first and stops after LIMIT rows.',
  },
];

/** Each recorded statement whose plan scans a base table outside `SCAN_ALLOWED`, with the scanning steps. */
export async function planProblems(texts: Iterable<string>): Promise<string[]> {
  const problems: string[] = [];
  for (const text of texts) {
    if (/^\s*EXPLAIN\b/i.test(text) || SCAN_ALLOWED.some((a) => a.statement.test(text))) continue;
    const scans = await fullScansOf(text);
    if (scans.length > 0) problems.push(`${scans.join('; ')} — in: ${text.replace(/\s+/g, ' ').trim()}`);
  }
  return problems;
}
