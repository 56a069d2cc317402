/** One-at-a-time execution inside a Durable Object: each call starts after the previous one settled, whatever its outcome. */

/**
 * A queue of async tasks. Durable Objects run one event at a time but interleave at every await (D1 calls included), so
 * read-check-write sequences against D1 need this to stay atomic within the object.
 * @see https://developers.cloudflare.com/durable-objects/concepts/durable-object-lifecycle/
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `fn` after every task queued before it. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
