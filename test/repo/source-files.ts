/** The source files under a folder, for the repository's structure tests. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts/.tsx/.mjs/.js file under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}
