/** Storage seam: outside worker/storage/databases.ts no Worker code reads the D1 binding; every repository gets its database through the seam. */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files';

const ROOT = resolve(__dirname, '../..');
const SEAM = 'worker/storage/databases.ts';

/** Reads of the `DB` binding in one source text: `env.DB`, `this.env.DB`, `c.env.DB`, `env['DB']`, `{ DB } = env`. */
export function bindingReads(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\.\s*DB\b|\[\s*['"`]DB['"`]\s*\]|\{[^{}]*\bDB\b[^{}]*\}\s*=\s*[\w.]*env\b/g)) found.push(m[0]);
  return found;
}

describe('storage seam', () => {
  it('recognises the ways the binding can be read', () => {
    expect(bindingReads('await env.DB.prepare(q)')).toHaveLength(1);
    expect(bindingReads('batch(this.env.DB, w)')).toHaveLength(1);
    expect(bindingReads("const db = c.env['DB'];")).toHaveLength(1);
    expect(bindingReads('const { DB } = env;')).toHaveLength(1);
    expect(bindingReads('coachDb(c.env, coachId); const DBX = 1; type T = Pick<Env, "DB">')).toHaveLength(0);
  });

  it('holds: worker/ reads the D1 binding only in the seam', () => {
    const problems = sourceFiles(join(ROOT, 'worker'))
      .filter((file) => relative(ROOT, file) !== SEAM)
      .flatMap((file) => bindingReads(readFileSync(file, 'utf8')).map((hit) => `${relative(ROOT, file)}: ${hit.trim()} (use coachDb/directoryDb/allCoachDbs from ${SEAM})`));
    expect(problems).toEqual([]);
  });
});
