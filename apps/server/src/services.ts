import { createMemoryStore, createRedisStore, withFallback, type RateLimitStore } from "@shop/api";
import type { FastifyBaseLogger } from "fastify";
import { Redis } from "ioredis";
import { memoryCache, redisCache, tolerant } from "./cache/response-cache.ts";

/**
 * What lives in Redis when REDIS_URL is set (shared by every instance): rate-limit counters and
 * the catalog cache. Without Redis both live in this process.
 */
export function createSharedState(
  redisUrl: string | undefined,
  log: FastifyBaseLogger,
  catalogCache: boolean,
  pageCache: boolean,
) {
  const memory = createMemoryStore();
  // Without Redis, main.ts leaves the page cache to buildApp's in-process default.
  if (!redisUrl)
    return { store: memory, cache: catalogCache ? memoryCache() : null, pageCache: undefined, close: async () => {} };
  const redis = new Redis(redisUrl, {
    // Fail fast while Redis is away: the in-memory fallback takes over for that request.
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
  });
  let warned = 0;
  redis.on("error", (error) => {
    if (Date.now() - warned > 60_000) {
      warned = Date.now();
      log.warn({ err: error }, "redis unavailable; rate limits fall back to this instance's memory");
    }
  });
  const store: RateLimitStore = withFallback(createRedisStore(redis), memory, () => {});
  const cache = catalogCache ? tolerant(redisCache(redis), () => {}) : null;
  // Rendered pages and sitemaps: their own keys and version counter, bumped with the catalog's.
  const pages = pageCache ? tolerant(redisCache(redis, "shop:pages:"), () => {}) : null;
  return {
    store,
    cache,
    pageCache: pages,
    close: async () => void (await redis.quit().catch(() => redis.disconnect())),
  };
}
