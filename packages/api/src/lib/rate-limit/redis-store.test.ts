import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createBreaker } from "../breaker.ts";
import { createMemoryStore } from "./memory-store.ts";
import { createRedisStore, withFallback } from "./redis-store.ts";

// Runs against the machine's Redis (REDIS_URL, default redis://127.0.0.1:6379).
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { lazyConnect: true });
const prefix = `shop:test:${randomUUID()}:`;

describe("rate-limit counters in Redis", () => {
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it("counts concurrent hits from several clients exactly, in one window", async () => {
    const stores = [createRedisStore(redis, prefix), createRedisStore(redis.duplicate(), prefix)];
    const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => stores[i % 2]?.increment("k", 60_000)));
    expect(counts.map((c) => c?.count).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const resetAts = new Set(counts.map((c) => Math.round((c?.resetAt ?? 0) / 1000)));
    expect(resetAts.size).toBeLessThanOrEqual(2);
  });

  it("lets exactly one of many concurrent callers acquire a block", async () => {
    const store = createRedisStore(redis, prefix);
    const wins = await Promise.all(Array.from({ length: 20 }, () => store.acquire("gate", 5_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await store.blockedFor("gate")).toBeGreaterThan(4_000);
    await store.reset("gate");
    expect(await store.blockedFor("gate")).toBe(0);
  });

  it("falls back to memory when Redis is unreachable", async () => {
    const dead = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    const changes: unknown[] = [];
    const breaker = createBreaker({
      timeoutMs: 50,
      threshold: 2,
      onChange: (state, error) => changes.push([state, error]),
    });
    const store = withFallback(createRedisStore(dead), createMemoryStore(), breaker);
    expect((await store.increment("x", 1000)).count).toBe(1);
    expect((await store.increment("x", 1000)).count).toBe(2);
    expect(breaker.state()).toBe("open");
    expect(changes).toHaveLength(1);
    dead.disconnect();
  });
});
