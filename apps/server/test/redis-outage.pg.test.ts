import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import { createSharedState } from "../src/services.ts";
import { result, shopperClient } from "./support/shopper.ts";
import { startThrowawayRedis, type ThrowawayRedis } from "./support/throwaway-services.ts";

describe("Redis stopped while the shop is running", () => {
  let db: TestDatabase;
  let redis: ThrowawayRedis;
  let shared: ReturnType<typeof createSharedState>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let variantId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await startThrowawayRedis();
    const logger = pino({ level: "silent" });
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      PUBLIC_URL: "https://shop.example",
      REDIS_URL: redis.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-redis-outage-")),
    });
    shared = createSharedState(env, logger, { cooldownMs: 500 });
    app = await buildApp(env, db, { limits: shared.store, cache: shared.cache, logger });
    await db.prisma.shippingMethod.create({
      data: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
    });
    const product = await factories(db.prisma).product({ variants: [{ price: 1_200, stock: 20 }] });
    variantId = product.variants[0]?.id ?? 0;
  });
  afterAll(async () => {
    await app?.close();
    await shared?.close();
    await redis?.destroy();
    await db?.close();
  });

  const catalog = () =>
    app.inject(`/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 5 } }))}`);
  const signIn = (email: string, password: string, ip: string) =>
    app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      remoteAddress: ip,
      headers: { "content-type": "application/json" },
      payload: { json: { email, password } },
    });

  async function checkout(ip: string) {
    const client = shopperClient(app, ip, { count: 0 });
    expect((await client.until("cart.add", { variantId })).status).toBe(200);
    const placed = result(
      await client.until("checkout.placeOrder", {
        idempotencyKey: crypto.randomUUID(),
        email: "redis.outage@example.com",
        shippingAddress: { fullName: "Ada", line1: "1 Main St", city: "Paris", postalCode: "75001", country: "FR" },
        shippingMethod: "standard",
      }),
      z.object({ order: z.object({ number: z.number() }), payment: z.object({ clientSecret: z.string() }) }),
    );
    const paid = await client.until("payments.testConfirm", {
      clientSecret: placed.payment.clientSecret,
      number: "4242424242424242",
      expMonth: 12,
      expYear: 2034,
      cvc: "123",
    });
    expect(result(paid, z.object({ status: z.string() })).status).toBe("succeeded");
    return placed.order.number;
  }

  it("keeps serving the catalog, sessions and checkout, and still limits sign-in attempts per instance", async () => {
    const user = await factories(db.prisma).user({ email: "outage@example.com", password: "the right passphrase" });
    const signedIn = await signIn(user.email, "the right passphrase", "10.7.0.1");
    expect(signedIn.statusCode).toBe(200);
    const session =
      String(
        [signedIn.headers["set-cookie"]].flat().find((value) => String(value).startsWith("shop_session=")) ?? "",
      ).split(";")[0] ?? "";
    expect((await catalog()).headers["x-cache"]).toBe("miss");
    expect((await catalog()).headers["x-cache"]).toBe("hit");

    await redis.stop();

    const list = await catalog();
    expect(list.statusCode).toBe(200);
    expect(
      result({ status: list.statusCode, body: list.json() }, z.object({ items: z.array(z.object({ id: z.number() })) }))
        .items.length,
    ).toBe(1);
    // Sessions live in the database.
    const me = await app.inject({ url: "/trpc/auth.me", headers: { cookie: session } });
    expect(result({ status: me.statusCode, body: me.json() }, z.object({ email: z.string() })).email).toBe(
      "outage@example.com",
    );
    const number = await checkout("10.7.0.2");
    expect(
      (await db.prisma.order.findUniqueOrThrow({ where: { number }, select: { paymentStatus: true } })).paymentStatus,
    ).toBe("PAID");
    // The limits fall back to this instance's memory rather than opening the gate or failing.
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(user.email, "wrong passphrase", "10.7.0.3")).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);

    await redis.start();
    // Back: counters and cache go to Redis again (the reconnect happens in the background).
    await expect.poll(async () => (await catalog()).headers["x-cache"], { timeout: 15_000, interval: 250 }).toBe("hit");
    expect((await checkout("10.7.0.4")) > number).toBe(true);
  });
});
