import type { Breaker } from "@shop/api";
import type { Redis } from "ioredis";

/**
 * Cached catalog responses, all under one catalog version: a change anywhere in what shoppers
 * see bumps the version, and entries of older versions are never read again (they expire).
 * A reader fetches the version and the entry together, so an instance serves a price change
 * made through another instance at once.
 */
export type ResponseCache = {
  /** The version to file a freshly computed entry under (read before the database). */
  version(): Promise<string>;
  get(key: string): Promise<{ body: string; version: string } | { body: null; version: string }>;
  /** `ttlMs` bounds how long the entry may live (default five minutes). */
  set(version: string, key: string, body: string, ttlMs?: number): Promise<void>;
  invalidate(): Promise<void>;
};

export const DEFAULT_TTL_MS = 5 * 60_000;

export function memoryCache(maxEntries = 5_000): ResponseCache {
  let version = 0;
  const entries = new Map<string, { body: string; expires: number }>();
  return {
    version: async () => String(version),
    async get(key) {
      const entry = entries.get(`${version}:${key}`);
      if (entry && entry.expires > Date.now()) return { body: entry.body, version: String(version) };
      return { body: null, version: String(version) };
    },
    async set(at, key, body, ttlMs = DEFAULT_TTL_MS) {
      if (at !== String(version)) return; // computed before an invalidation: never store it
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value ?? "");
      entries.set(`${at}:${key}`, { body, expires: Date.now() + ttlMs });
    },
    async invalidate() {
      version++;
      entries.clear();
    },
  };
}

// One round trip: the current version and the entry filed under it.
const READ = `
local v = redis.call('GET', KEYS[1]) or '0'
return {v, redis.call('GET', ARGV[1] .. v .. ':' .. ARGV[2])}`;

export function redisCache(redis: Redis, prefix = "shop:catalog:"): ResponseCache {
  const versionKey = `${prefix}version`;
  return {
    version: async () => (await redis.get(versionKey)) ?? "0",
    async get(key) {
      const reply: unknown = await redis.eval(READ, 1, versionKey, `${prefix}v`, key);
      const [version, body] = Array.isArray(reply) ? reply : [];
      return { version: typeof version === "string" ? version : "0", body: typeof body === "string" ? body : null };
    },
    async set(version, key, body, ttlMs = DEFAULT_TTL_MS) {
      await redis.set(`${prefix}v${version}:${key}`, body, "PX", ttlMs);
    },
    async invalidate() {
      await redis.incr(versionKey);
    },
  };
}

/**
 * Redis first, through the Redis circuit breaker: while Redis is down or hung the shop serves
 * uncached (the "down" version is never stored) rather than failing or waiting.
 */
export function tolerant(cache: ResponseCache, breaker: Breaker): ResponseCache {
  const down = async () => "down";
  return {
    version: () => breaker.run(() => cache.version(), down),
    get: (key) =>
      breaker.run(
        () => cache.get(key),
        async () => ({ body: null, version: "down" }),
      ),
    set: (version, key, body, ttlMs) =>
      version === "down"
        ? Promise.resolve()
        : breaker.run(
            () => cache.set(version, key, body, ttlMs),
            async () => {},
          ),
    invalidate: () =>
      breaker.run(
        () => cache.invalidate(),
        async () => {},
      ),
  };
}
