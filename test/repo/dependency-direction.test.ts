/** Dependency direction: shared/ imports only zod; worker/ and addons/ never import each other; browser apps share only addons/common/. */
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
    if (area === 'addons' && target === 'addons') return browserAppViolations(file, spec);
    return [];
  });
}

/**
 * What each folder of addons/ may import from the others: `common/` is the browser apps' shared code and imports no app;
 * the apps (`panel/` with its host adapters in `hosts/`, `coachee/`, `home/`) import only themselves and `common/`;
 * `entries/` wire everything together.
 */
const ADDONS_MAY_IMPORT: Record<string, readonly string[]> = {
  common: ['common'],
  panel: ['panel', 'hosts', 'common'],
  coachee: ['coachee', 'common'],
  home: ['home', 'common'],
  hosts: ['hosts', 'panel', 'common'],
};

function browserAppViolations(file: string, spec: string): string[] {
  const from = relative(join(ROOT, 'addons'), file).split(/[\\/]/);
  const to = relative(join(ROOT, 'addons'), resolve(file, '..', spec)).split(/[\\/]/);
  if (from.length < 2 || to.length < 2) return [];
  const allowed = ADDONS_MAY_IMPORT[from[0]!];
  if (!allowed || allowed.includes(to[0]!)) return [];
  return [`addons/${from[0]} must not import addons/${to[0]} (${spec}); move what both need to addons/common/`];
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
    expect(violations(join(ROOT, 'addons/coachee/x.ts'), "import { Loader } from '../panel/components/loader';")).toHaveLength(1);
    expect(violations(join(ROOT, 'addons/home/sign-in/x.ts'), "import { c } from '../../coachee/coachee-model';")).toHaveLength(1);
    expect(violations(join(ROOT, 'addons/common/x.ts'), "import type { HostPort } from '../hosts/host-port';")).toHaveLength(1);
    expect(violations(join(ROOT, 'addons/panel/x.ts'), "import { formatWhen } from '../common/format';")).toEqual([]);
    expect(violations(join(ROOT, 'addons/hosts/boot/x.ts'), "import { mountPanel } from '../../panel/shell/mount-panel';")).toEqual([]);
    expect(violations(join(ROOT, 'addons/entries/x.tsx'), "import { mountCoachee } from '../coachee/mount-coachee';")).toEqual([]);
  });
});
