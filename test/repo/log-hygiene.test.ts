/** Log hygiene: production logs keep no request URLs (they carry capabilities), no source maps are uploaded, and Worker code logs failures only through the masking helper. */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files';

const ROOT = resolve(__dirname, '../..');

/** wrangler.jsonc without its comments. */
function wranglerConfig(): Record<string, any> {
  const text = readFileSync(resolve(ROOT, 'wrangler.jsonc'), 'utf8');
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1'));
}

describe('log hygiene', () => {
  it('keeps observability on without invocation logs, and uploads no source maps', () => {
    const config = wranglerConfig();
    expect(config.observability.enabled).toBe(true);
    expect(config.observability.logs.invocation_logs).toBe(false);
    expect(config.upload_source_maps).toBe(false);
  });

  it('logs an error object or message only through logError (worker/http/log.ts)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(resolve(ROOT, 'worker'))) {
      const rel = relative(ROOT, file);
      if (!/\.ts$/.test(rel) || rel === 'worker/http/log.ts') continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/console\.(?:log|info|warn|error|debug)\(([^;]*)\);/g)) {
        // errorSummary (jobs/outbox.ts) keeps only an error's name, kind and status; NO_PUBLIC_URL is a fixed sentence.
        const args = m[1]!.replace(/errorSummary\((?:[^()]|\([^()]*\))*\)/g, '').replace(/NO_PUBLIC_URL/g, '');
        if (/\b(?:e|err|error|reason|cause)\b|\.message|\.stack|url|token|request|req\b/i.test(args)) offenders.push(`${rel}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
