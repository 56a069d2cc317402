/** Token buckets for a SessionRoom: how many ops each side may send, and how many sockets each side may hold open. */
import type { Actor } from '../../shared/protocol';

/** A bucket's size (the burst allowed) and how many tokens it regains per second. */
export type BucketRule = { burst: number; perSecond: number };

/**
 * Ops per side of one session. The coachee's side (their link: page, socket and REST calls together) gets a small budget,
 * the coach's a larger one; neither can use up the other's, so a flooding link never slows the coach down.
 */
export const OP_RULES: Record<Actor, BucketRule> = {
  coach: { burst: 120, perSecond: 10 },
  coachee: { burst: 30, perSecond: 1 },
};

/** Open sockets per side of one session (tabs and devices); the next one is refused with 429. */
export const SOCKET_LIMITS: Record<Actor, number> = { coach: 10, coachee: 5 };

/** A classic token bucket on epoch ms; `take` says how long to wait when it is empty. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rule: BucketRule,
    nowMs: number,
  ) {
    this.tokens = rule.burst;
    this.at = nowMs;
  }

  /** Takes one token: 0 when granted, else the milliseconds until one is back. */
  take(nowMs: number): number {
    this.tokens = Math.min(this.rule.burst, this.tokens + ((nowMs - this.at) / 1000) * this.rule.perSecond);
    this.at = nowMs;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.rule.perSecond) * 1000);
  }
}
