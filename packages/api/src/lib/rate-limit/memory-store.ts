import type { Counter, RateLimitStore } from "./store.ts";

const MAX_KEYS = 100_000;

/** Counters in this process: right for one instance, and the fallback when Redis is down. */
export function createMemoryStore(now: () => number = Date.now): RateLimitStore {
  const counters = new Map<string, Counter>();
  const blocks = new Map<string, number>();

  const live = (key: string): Counter | null => {
    const counter = counters.get(key);
    if (!counter) return null;
    if (counter.resetAt <= now()) {
      counters.delete(key);
      return null;
    }
    return counter;
  };

  // Bound memory under a flood of distinct keys: drop expired entries, then the oldest.
  const prune = () => {
    if (counters.size < MAX_KEYS) return;
    for (const key of counters.keys()) live(key);
    for (const key of counters.keys()) {
      if (counters.size < MAX_KEYS * 0.9) break;
      counters.delete(key);
    }
  };

  return {
    async increment(key, windowMs) {
      const counter = live(key) ?? { count: 0, resetAt: now() + windowMs };
      counter.count += 1;
      counters.set(key, counter);
      prune();
      return { ...counter };
    },
    async get(key) {
      const counter = live(key);
      return counter ? { ...counter } : null;
    },
    async block(key, ms) {
      blocks.set(key, Math.max(blocks.get(key) ?? 0, now() + ms));
    },
    async acquire(key, ms) {
      if ((blocks.get(key) ?? 0) > now()) return false;
      blocks.set(key, now() + ms);
      return true;
    },
    async blockedFor(key) {
      const until = blocks.get(key) ?? 0;
      if (until <= now()) blocks.delete(key);
      return Math.max(0, until - now());
    },
    async reset(key) {
      counters.delete(key);
      blocks.delete(key);
    },
  };
}
