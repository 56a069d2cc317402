/** Dependency direction: shared/ imports only zod; worker/ and addons/ never import each other. */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files';

const ROOT = resolve(__dirname, '../..');

/** Module specifiers a file imports or re-exports (static and dynamic). */
export function importsOf(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm)) {
    found.add((m[1] ?? m[2] ?? m[3])!);
  }
  return [...found];
}

/** Violations of the dependency rules for one file. */
export function violations(file: string, source: string): string[] {
  const area = relative(ROOT, file).split(/[\\/]/)[0];
  return importsOf(source).flatMap((spec) => {
    const target = spec.startsWith('.') ? relative(ROOT, resolve(file, '..', spec)).split(/[\\/]/)[0] : null;
    if (area === 'shared' && (target ? target !== 'shared' : spec !== 'zod' && !spec.startsWith('zod/'))) return [`shared may import only zod and shared/, not ${spec}`];
    if (area === 'worker' && target === 'addons') return [`worker must not import addons/ (${spec})`];
    if (area === 'addons' && target === 'worker') return [`addons must not import worker/ (${spec})`];
    return [];
  });
}

describe('dependency direction', () => {
  it('holds for every source file', () => {
    const problems = ['shared', 'worker', 'addons'].flatMap((area) =>
      sourceFiles(join(ROOT, area)).flatMap((file) => violations(file, readFileSync(file, 'utf8')).map((v) => `${relative(ROOT, file)}: ${v}`)),
    );
    expect(problems).toEqual([]);
  });

  it('catches each kind of violation', () => {
    expect(violations(join(ROOT, 'shared/x.ts'), "import { Hono } from 'hono';")).toHaveLength(1);
    expect(violations(join(ROOT, 'shared/x.ts'), "import type { Env } from '../worker/env';")).toHaveLength(1);
    expect(violations(join(ROOT, 'shared/x.ts'), "import { z } from 'zod';\nimport { a } from './a';")).toEqual([]);
    expect(violations(join(ROOT, 'worker/routes/x.ts'), "export { x } from '../../addons/panel/x';")).toHaveLength(1);
    expect(violations(join(ROOT, 'addons/panel/x.ts'), "const m = await import('../../worker/app');")).toHaveLength(1);
    expect(violations(join(ROOT, 'addons/panel/x.ts'), "import { Op } from '../../shared/protocol';")).toEqual([]);
  });
});
