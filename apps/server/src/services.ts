import { createBreaker, createMemoryStore, createRedisStore, withFallback, type RateLimitStore } from "@shop/api";
import type { FastifyBaseLogger } from "fastify";
import { Redis } from "ioredis";
import type { ServerEnv } from "./env.ts";
import { memoryCache, redisCache, tolerant } from "./cache/response-cache.ts";
import type { DependencyState } from "./routes/health.ts";

type RedisSettings = Pick<
  ServerEnv,
  "REDIS_URL" | "REDIS_TIMEOUT_MS" | "REDIS_CONNECT_TIMEOUT_MS" | "catalogCache" | "pageCache"
>;

/**
 * What lives in Redis when REDIS_URL is set (shared by every instance): rate-limit counters and
 * the catalog cache. Without Redis both live in this process. Every Redis call goes through one
 * circuit breaker: bounded by REDIS_TIMEOUT_MS, and skipped altogether for a few seconds at a
 * time once Redis has failed three times in a row, so a stopped or hung Redis makes the shop
 * count limits per instance and serve uncached, never wait (docs/operations.md, "Faults").
 */
export function createSharedState(
  settings: RedisSettings,
  log: FastifyBaseLogger,
  tuning: { cooldownMs?: number } = {},
) {
  const memory = createMemoryStore();
  if (!settings.REDIS_URL) {
    return {
      store: memory,
      cache: settings.catalogCache ? memoryCache() : null,
      // buildApp's in-process default (fewer entries: pages are tens of kilobytes).
      pageCache: undefined,
      redis: (): DependencyState => "off",
      close: async () => {},
    };
  }
  const redis = new Redis(settings.REDIS_URL, {
    // Fail fast while Redis is away or stalled: the in-memory fallback takes over for that request.
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: settings.REDIS_CONNECT_TIMEOUT_MS,
    commandTimeout: settings.REDIS_TIMEOUT_MS,
  });
  // Connection errors are reported by the breaker, once per outage; this listener only keeps an
  // unhandled 'error' event from crashing the process.
  redis.on("error", () => {});
  const breaker = createBreaker({
    timeoutMs: settings.REDIS_TIMEOUT_MS,
    cooldownMs: tuning.cooldownMs,
    onChange(state, error) {
      if (state === "open") {
        log.warn({ err: error }, "redis unavailable; rate limits and the catalog cache fall back to this instance");
        return;
      }
      log.info("redis available again");
      // Catalog changes made meanwhile could not bump the shared versions: bump them now.
      void cache?.invalidate();
      void pageCache?.invalidate();
    },
  });
  const store: RateLimitStore = withFallback(createRedisStore(redis), memory, breaker);
  const cache = settings.catalogCache ? tolerant(redisCache(redis), breaker) : null;
  // Rendered pages and sitemaps: their own keys and version counter, bumped with the catalog's.
  const pageCache = settings.pageCache ? tolerant(redisCache(redis, "shop:pages:"), breaker) : null;
  return {
    store,
    cache,
    pageCache,
    redis: (): DependencyState => (breaker.state() === "closed" ? "up" : "down"),
    close: async () => void (await redis.quit().catch(() => redis.disconnect())),
  };
}
