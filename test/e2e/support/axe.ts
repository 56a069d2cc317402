/** axe-core for the browser tests: runs WCAG 2.x A/AA and best-practice rules on a page and answers the violations. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A violation as the failure message shows it: rule, impact and the elements it found. */
export type Finding = { rule: string; impact: string | null; help: string; targets: string[] };

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices) on the page as it is now. The script is evaluated through the DevTools
 * protocol, which the page's CSP does not govern, so the page's own headers stay as served.
 * @see https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#api-name-axerun
 */
export async function axe(page: Page): Promise<Finding[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
