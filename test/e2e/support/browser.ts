/** Headless Chromium for the end-to-end tests: Debian's package at /usr/bin/chromium (or $CHROMIUM_PATH), driven by playwright-core. */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Where the browser is expected. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Whether the end-to-end tests can run here. */
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
/** What to do when it is missing. */
export const CHROMIUM_HINT = 'apt-get update && apt-get install -y chromium';

/** In CI a missing browser is a failure, never a silent skip. */
export function requireChromiumInCi(): void {
  if (!HAS_CHROMIUM && process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install it: ${CHROMIUM_HINT}`);
}

/**
 * Launches Chromium with the flags that keep it from reaching for hosts it cannot reach.
 * @see /work/shared/TOOLCHAIN.md (browser tests)
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
