import type { Redis } from "ioredis";
import type { Breaker } from "../breaker.ts";
import type { RateLimitStore } from "./store.ts";

// INCR and set the expiry on the first hit, atomically, so concurrent hits from several
// instances open exactly one window.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return {count, ttl}`;

const BLOCK = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1`;

/** Counters shared by every instance through Redis. */
export function createRedisStore(redis: Redis, prefix = "shop:rl:"): RateLimitStore {
  const counterKey = (key: string) => `${prefix}c:${key}`;
  const blockKey = (key: string) => `${prefix}b:${key}`;
  return {
    async increment(key, windowMs) {
      const result: unknown = await redis.eval(INCREMENT, 1, counterKey(key), windowMs);
      const [count, ttl] = Array.isArray(result) ? result.map(Number) : [Number.NaN, 0];
      if (count === undefined || Number.isNaN(count)) throw new Error("unexpected reply from Redis");
      return { count, resetAt: Date.now() + Math.max(0, ttl ?? 0) };
    },
    async get(key) {
      const [count, ttl] = await Promise.all([redis.get(counterKey(key)), redis.pttl(counterKey(key))]);
      return count === null ? null : { count: Number(count), resetAt: Date.now() + Math.max(0, ttl) };
    },
    async block(key, ms) {
      await redis.eval(BLOCK, 1, blockKey(key), Math.ceil(ms));
    },
    async acquire(key, ms) {
      return (await redis.set(blockKey(key), "1", "PX", Math.ceil(ms), "NX")) === "OK";
    },
    async blockedFor(key) {
      return Math.max(0, await redis.pttl(blockKey(key)));
    },
    async reset(key) {
      await redis.del(counterKey(key), blockKey(key));
    },
  };
}

/**
 * Redis first, through a circuit breaker: if Redis fails or is slow (beyond the breaker's
 * timeout), the same counters in process memory, so limits still hold per instance instead of
 * failing open, failing the request or waiting on a hung server.
 */
export function withFallback(primary: RateLimitStore, fallback: RateLimitStore, breaker: Breaker): RateLimitStore {
  const guard =
    <A extends unknown[], R>(call: (store: RateLimitStore) => (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      breaker.run(
        () => call(primary)(...args),
        () => call(fallback)(...args),
      );
  return {
    increment: guard((s) => s.increment),
    get: guard((s) => s.get),
    block: guard((s) => s.block),
    acquire: guard((s) => s.acquire),
    blockedFor: guard((s) => s.blockedFor),
    reset: guard((s) => s.reset),
  };
}
