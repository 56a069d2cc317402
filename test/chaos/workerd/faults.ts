/** Provider faults at random for the chaos runs: 5xx, 429 with Retry-After, timeouts (before or after the vendor acted) and expired tokens. */
import type { FakeOAuth } from '../../fakes/fake-support';
import type { Fetch } from '../../../worker/providers/types';

/** The kinds of fault injected. `lostAnswer` is a timeout after the vendor applied the request: the worst kind, its answer never arrives. */
export const FAULT_KINDS = ['5xx', '429', 'timeout', 'lostAnswer', 'expiredToken'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A vendor fake as the injector needs it: its fetch, its OAuth authority and its fault queue. */
export interface Faultable {
  fetch: Fetch;
  auth: FakeOAuth;
  failNext(status: number, headers?: Record<string, string>): void;
}

/**
 * Wraps vendor fakes so that a share `rate` of their API requests (token endpoint excluded) meets one fault, picked evenly:
 * 500/502/503, 429 with `Retry-After: 1–5`, a timeout before the request reaches the vendor, a timeout after the vendor applied
 * it (the answer is lost), or access tokens expired early (the next request gets 401 and the Worker must refresh).
 */
export class FaultInjector {
  readonly counts: Record<FaultKind, number> = { '5xx': 0, '429': 0, timeout: 0, lostAnswer: 0, expiredToken: 0 };
  requests = 0;

  constructor(
    private readonly random: () => number,
    private readonly rate: number,
  ) {}

  /** The fake's fetch with faults injected. */
  wrap(fake: Faultable): Fetch {
    return async (req) => {
      if (fake.auth.isTokenRequest(req)) return fake.fetch(req);
      this.requests += 1;
      if (this.random() >= this.rate) return fake.fetch(req);
      const kind = FAULT_KINDS[Math.floor(this.random() * FAULT_KINDS.length)]!;
      this.counts[kind] += 1;
      switch (kind) {
        case '5xx':
          fake.failNext([500, 502, 503][Math.floor(this.random() * 3)]!);
          return fake.fetch(req);
        case '429':
          fake.failNext(429, { 'retry-after': String(1 + Math.floor(this.random() * 5)) });
          return fake.fetch(req);
        case 'timeout':
          throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
        case 'lostAnswer':
          await (await fake.fetch(req)).body?.cancel();
          throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
        case 'expiredToken':
          fake.auth.revokeAccessTokens();
          return fake.fetch(req);
      }
    };
  }

  /** "5xx 12 · 429 10 · …" for the table. */
  summary(): string {
    return FAULT_KINDS.map((k) => `${k} ${this.counts[k]}`).join(' · ');
  }

  total(): number {
    return FAULT_KINDS.reduce((n, k) => n + this.counts[k], 0);
  }
}
