import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryStore, createRedisStore, type RateLimitStore } from "@shop/api";
import { createDatabase, type Database } from "@shop/db";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../src/app.ts";
import { redisCache, type ResponseCache } from "../src/cache/response-cache.ts";
import { parseServerEnv } from "../src/env.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

type Instance = { url: string; close(): Promise<void> };

/** A server instance as in production, on its own port, with its own database pool. */
async function startInstance(
  db: Database,
  limits: RateLimitStore,
  cache: ResponseCache | null = null,
): Promise<Instance> {
  const env = parseServerEnv({
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    SERVE_APPS: "false",
    CHECKOUT_RATE_LIMIT_PER_MINUTE: "10000",
    DATA_DIR: mkdtempSync(join(tmpdir(), "shop-node-")),
  });
  const app = await buildApp(env, db, { limits, cache });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url, close: () => app.close() };
}

function signIn(instance: Instance, email: string, password: string) {
  return fetch(`${instance.url}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { email, password } }),
  });
}

describe("two server instances sharing PostgreSQL and Redis", () => {
  let db: TestDatabase;
  let second: Database;
  const redisClients: Redis[] = [];
  const prefix = `shop:test:${randomUUID()}:`;
  beforeAll(async () => {
    db = await createTestDatabase();
    // On PostgreSQL each instance has its own pool; the embedded database is one process's.
    second = db.url ? await createDatabase({ kind: "postgres", url: db.url, poolSize: 10 }) : db;
  });
  afterAll(async () => {
    const keys = await redisClients[0]?.keys(`${prefix}*`);
    if (keys?.length) await redisClients[0]?.del(...keys);
    for (const client of redisClients) client.disconnect();
    if (second !== db) await second.close();
    await db.close();
  });

  const redisStore = () => {
    const client = new Redis(REDIS_URL);
    redisClients.push(client);
    return createRedisStore(client, prefix);
  };

  it("counts sign-in failures across both, so a burst split between them gets 5 tries in all", async () => {
    const user = await factories(db.prisma).user({ password: "the right passphrase" });
    const nodes = [await startInstance(db, redisStore()), await startInstance(second, redisStore())];
    try {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => signIn(nodes[i % 2] as Instance, user.email, "wrong passphrase")),
      );
      const statuses = responses.map((r) => r.status);
      const tried = statuses.filter((s) => s === 401).length;
      expect(tried).toBeGreaterThanOrEqual(5);
      expect(tried).toBeLessThanOrEqual(6); // at most one extra attempt takes the gate in the same instant
      expect(statuses.filter((s) => s === 429)).toHaveLength(20 - tried);
      const limited = responses.find((r) => r.status === 429);
      expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
      for (const node of nodes) expect((await signIn(node, user.email, "the right passphrase")).status).toBe(429);
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
    }
  });

  it("without Redis each instance counts alone (why REDIS_URL matters with several instances)", async () => {
    const user = await factories(db.prisma).user({ password: "the right passphrase" });
    const nodes = [await startInstance(db, createMemoryStore()), await startInstance(second, createMemoryStore())];
    try {
      const statuses = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await signIn(nodes[i % 2] as Instance, user.email, "wrong passphrase")).status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
    }
  });

  it("sells the last 10 units to exactly 10 of 200 checkouts racing across both instances", async () => {
    const make = factories(db.prisma);
    await db.prisma.shippingMethod.upsert({
      where: { code: "standard" },
      create: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
      update: {},
    });
    const product = await make.product({ variants: [{ price: 1_000, stock: 10 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const nodes = [await startInstance(db, redisStore()), await startInstance(second, redisStore())];
    try {
      const post = (node: Instance, path: string, json: unknown, cookie = "") =>
        fetch(`${node.url}/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:3000", cookie },
          body: JSON.stringify({ json }),
        });
      const carts: string[] = [];
      for (let i = 0; i < 200; i++) {
        const response = await post(nodes[i % 2] as Instance, "cart.add", { variantId });
        carts.push(response.headers.get("set-cookie")?.split(";")[0] ?? "");
      }
      const responses = await Promise.all(
        carts.map((cookie, i) =>
          post(
            nodes[(i + 1) % 2] as Instance,
            "checkout.placeOrder",
            {
              idempotencyKey: crypto.randomUUID(),
              email: `race${i}@example.com`,
              shippingAddress: {
                fullName: "Racer",
                line1: "1 Fast Lane",
                city: "Austin",
                region: "TX",
                postalCode: "73301",
                country: "US",
              },
              shippingMethod: "standard",
            },
            cookie,
          ),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(10);
      expect(statuses.filter((s) => s !== 200).every((s) => s === 412)).toBe(true);
      const variant = await db.prisma.variant.findUniqueOrThrow({
        where: { id: variantId },
        select: { stockOnHand: true, reserved: true },
      });
      expect(variant).toEqual({ stockOnHand: 10, reserved: 10 });
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
    }
  }, 120_000);

  it("serves a price changed through one instance from the other at once, with the cache on both", async () => {
    const admin = await factories(db.prisma).user({
      role: "STAFF",
      email: `pricer${Date.now()}@example.com`,
      password: "pricing passphrase",
    });
    const cacheClient = new Redis(REDIS_URL);
    redisClients.push(cacheClient);
    const nodes = [
      await startInstance(db, redisStore(), redisCache(cacheClient, `${prefix}cache:`)),
      await startInstance(second, redisStore(), redisCache(cacheClient, `${prefix}cache:`)),
    ];
    try {
      const [a, b] = nodes as [Instance, Instance];
      const signedIn = await signIn(a, admin.email, "pricing passphrase");
      const cookie = signedIn.headers.get("set-cookie")?.split(";")[0] ?? "";
      const mutate = (path: string, json: unknown) =>
        fetch(`${a.url}/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:3000", cookie },
          body: JSON.stringify({ json }),
        }).then((r) => r.json());
      const slug = `cached-phone-${Date.now()}`;
      const product = {
        name: "Cached Phone",
        slug,
        status: "ACTIVE",
        variants: [{ sku: `CACHE-${Date.now()}`, price: 49_900, stockOnHand: 5 }],
      };
      const created = z
        .object({ result: z.object({ data: z.object({ json: z.object({ id: z.number() }) }) }) })
        .parse(await mutate("admin.products.create", product));
      const id = created.result.data.json.id;
      const price = async (node: Instance) => {
        const response = await fetch(
          `${node.url}/trpc/catalog.get?input=${encodeURIComponent(JSON.stringify({ json: { slug } }))}`,
        );
        const page = z
          .object({
            result: z.object({
              data: z.object({ json: z.object({ variants: z.array(z.object({ price: z.number() })) }) }),
            }),
          })
          .parse(await response.json());
        return { price: page.result.data.json.variants[0]?.price, cache: response.headers.get("x-cache") };
      };
      expect((await price(b)).price).toBe(49_900);
      const cachedTwice = await price(b);
      expect(cachedTwice).toEqual({ price: 49_900, cache: "hit" });
      const variantId = (await db.prisma.variant.findFirstOrThrow({ where: { productId: id } })).id;
      await mutate("admin.products.update", {
        id,
        ...product,
        variants: [{ ...product.variants[0], id: variantId, price: 44_900 }],
      });
      expect(await price(b)).toEqual({ price: 44_900, cache: "miss" });
      expect(await price(a)).toEqual({ price: 44_900, cache: "hit" });
      // A change made outside the admin (here straight in the database, as a checkout's stock
      // flip would be) reaches both instances through NOTIFY.
      await db.prisma.variant.update({ where: { id: variantId }, data: { price: 39_900 } });
      await expect.poll(async () => (await price(b)).price, { timeout: 2_000, interval: 50 }).toBe(39_900);
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
    }
  });

  it("signs in on one instance and is recognised on the other", async () => {
    const user = await factories(db.prisma).user({ password: "the right passphrase" });
    const nodes = [await startInstance(db, redisStore()), await startInstance(second, redisStore())];
    try {
      const response = await signIn(nodes[0] as Instance, user.email, "the right passphrase");
      const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
      const me = await fetch(`${nodes[1]?.url}/trpc/auth.me`, { headers: { cookie } });
      expect(await me.json()).toMatchObject({ result: { data: { json: { email: user.email } } } });
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
    }
  });
});
