/** A fixed-window counter: `count` hits since the window opened, which closes at `resetAt`. */
export type Counter = { count: number; resetAt: number };

/**
 * Where rate-limit counters live: Redis when configured (shared by every instance), process
 * memory otherwise. Keys are opaque strings; expiry is the store's job.
 */
export type RateLimitStore = {
  /** Adds a hit to `key`; the window (of `windowMs`) opens on the first hit. */
  increment(key: string, windowMs: number): Promise<Counter>;
  get(key: string): Promise<Counter | null>;
  /** Blocks `key` for `ms` (replacing any shorter block). */
  block(key: string, ms: number): Promise<void>;
  /** Blocks `key` for `ms` only if it is not blocked already; true when this call set it. */
  acquire(key: string, ms: number): Promise<boolean>;
  /** Milliseconds left on a block of `key`, 0 when not blocked. */
  blockedFor(key: string): Promise<number>;
  reset(key: string): Promise<void>;
};
