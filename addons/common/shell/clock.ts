/** The `Clock` port on `Date.now()` and `setTimeout`, shifted by the offset to the server's clock. */
import type { Clock } from '../ports';

/** A clock whose `now()` follows the server's clock once `sync` has seen a server time. */
export function createClock(): Clock & { sync(serverTimeMs: number): void } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    schedule(fn, ms) {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
    sync(serverTimeMs) {
      offset = serverTimeMs - Date.now();
    },
  };
}
