import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import { createSharedState } from "../src/services.ts";
import { result, shopperClient } from "./support/shopper.ts";
import { startThrowawayRedis, type ThrowawayRedis } from "./support/throwaway-services.ts";

// A request may not wait on Redis beyond REDIS_TIMEOUT_MS (50 ms here); the bound below leaves
// room for a busy machine, and is still far from the 40 s a hung Redis used to cost.
const SLOWEST_MS = 1_000;

describe("Redis frozen (SIGSTOP) while the shop is running", () => {
  let db: TestDatabase;
  let redis: ThrowawayRedis;
  let shared: ReturnType<typeof createSharedState>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let variantId: number;
  let probe: Redis;
  const lines: Array<{ level: number; msg: string }> = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await startThrowawayRedis();
    probe = new Redis(redis.url);
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const env = parseServerEnv({
      NODE_ENV: "production",
      SERVE_APPS: "false",
      PUBLIC_URL: "https://shop.example",
      REDIS_URL: redis.url,
      REDIS_TIMEOUT_MS: "50",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-redis-hang-")),
    });
    shared = createSharedState(env, logger, { cooldownMs: 500 });
    app = await buildApp(env, db, {
      limits: shared.store,
      cache: shared.cache,
      logger,
      dependencies: { redis: shared.redis },
    });
    await db.prisma.shippingMethod.create({
      data: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
    });
    variantId = (await factories(db.prisma).product({ variants: [{ price: 1_200, stock: 20 }] })).variants[0]?.id ?? 0;
  });
  afterAll(async () => {
    redis?.resume();
    probe?.disconnect();
    await app?.close();
    await shared?.close();
    await redis?.destroy();
    await db?.close();
  });

  const catalog = () =>
    app.inject(`/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 5 } }))}`);
  const signIn = (email: string, password: string) =>
    app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      remoteAddress: "10.8.0.3",
      headers: { "content-type": "application/json" },
      payload: { json: { email, password } },
    });
  /** The request's answer and how long it took. */
  async function timed<T>(send: () => Promise<T>): Promise<{ answer: T; ms: number }> {
    const started = performance.now();
    const answer = await send();
    return { answer, ms: performance.now() - started };
  }

  it("answers every request within its timeout, reports Redis down on /readyz, and recovers", async () => {
    const user = await factories(db.prisma).user({ email: "frozen@example.com", password: "the right passphrase" });
    expect((await catalog()).headers["x-cache"]).toBe("miss");
    expect((await catalog()).headers["x-cache"]).toBe("hit");
    expect((await app.inject("/readyz")).json()).toEqual({
      status: "ready",
      dependencies: { database: "up", redis: "up" },
    });

    const version = async () => Number((await probe.get("shop:catalog:version")) ?? 0);
    const before = await version();
    redis.pause();
    const times: number[] = [];
    // The catalog (global limit and cache), then the sign-in limits, then a whole checkout.
    for (let i = 0; i < 5; i++) {
      const { answer, ms } = await timed(catalog);
      expect(answer.statusCode).toBe(200);
      expect(answer.headers["x-cache"]).toBe("miss");
      times.push(ms);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const { answer, ms } = await timed(() => signIn(user.email, "wrong passphrase"));
      statuses.push(answer.statusCode);
      times.push(ms);
    }
    // The limits fall back to this instance's memory: still enforced, never waiting.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const client = shopperClient(app, "10.8.0.4", { count: 0 });
    const checkout = await timed(async () => {
      await client.until("cart.add", { variantId });
      const placed = result(
        await client.until("checkout.placeOrder", {
          idempotencyKey: crypto.randomUUID(),
          email: "frozen.redis@example.com",
          shippingAddress: { fullName: "Ada", line1: "1 Main St", city: "Paris", postalCode: "75001", country: "FR" },
          shippingMethod: "standard",
        }),
        z.object({ payment: z.object({ clientSecret: z.string() }) }),
      );
      return client.until("payments.testConfirm", {
        clientSecret: placed.payment.clientSecret,
        number: "4242424242424242",
        expMonth: 12,
        expYear: 2034,
        cvc: "123",
      });
    });
    expect(result(checkout.answer, z.object({ status: z.string() })).status).toBe("succeeded");
    const ready = await timed(() => app.inject("/readyz"));
    // Degraded, not unready: every instance shares this Redis; taking them all out of rotation
    // would turn slower limits and no shared cache into no shop.
    expect(ready.answer.statusCode).toBe(200);
    expect(ready.answer.json()).toEqual({ status: "degraded", dependencies: { database: "up", redis: "down" } });
    expect(Math.max(...times, ready.ms)).toBeLessThan(SLOWEST_MS);
    expect(checkout.ms).toBeLessThan(3 * SLOWEST_MS);

    redis.resume();
    await expect.poll(async () => (await catalog()).headers["x-cache"], { timeout: 10_000, interval: 200 }).toBe("hit");
    expect((await app.inject("/readyz")).json()).toMatchObject({ status: "ready" });
    // Invalidations could not reach Redis while it was frozen: the catalog version moved on once.
    expect(await version()).toBe(before + 1);
    // One line when Redis went away, one when it came back: not one per request.
    expect(lines.filter((line) => line.msg.startsWith("redis")).map((line) => line.msg)).toEqual([
      "redis unavailable; rate limits and the catalog cache fall back to this instance",
      "redis available again",
    ]);
  });
});
