import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, migrate, prismaPaths, type Database } from "@shop/db";
import { factories } from "@shop/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import { result, shopperClient } from "./support/shopper.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./support/throwaway-services.ts";

const SHOPPERS = 40;
const STOCK = 100;
const PlacedSchema = z.object({
  order: z.object({ number: z.number(), paymentStatus: z.string() }),
  payment: z.object({ clientSecret: z.string() }).nullable(),
  key: z.string(),
});
const address = { fullName: "Ada", line1: "1 Main St", city: "Paris", postalCode: "75001", country: "FR" };

describe("PostgreSQL restarted in the middle of a stream of checkouts", () => {
  let server: ThrowawayPostgres;
  let db: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let variantIds: number[];

  beforeAll(async () => {
    server = await startThrowawayPostgres();
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query(`CREATE DATABASE shop`);
    await admin.end();
    db = await createDatabase({ kind: "postgres", url: server.url("shop"), poolSize: 4, connectionTimeoutMs: 1_000 });
    await migrate(db.sql, prismaPaths().migrations);
    await db.prisma.shippingMethod.create({
      data: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
    });
    const product = await factories(db.prisma).product({
      variants: [
        { price: 1_500, stock: STOCK },
        { price: 2_500, stock: STOCK },
        { price: 900, stock: STOCK },
      ],
    });
    variantIds = product.variants.map((variant) => variant.id);
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      PUBLIC_URL: "https://shop.example",
      RATE_LIMIT_PER_MINUTE: "100000",
      CHECKOUT_RATE_LIMIT_PER_MINUTE: "100000",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-pg-restart-")),
    });
    app = await buildApp(env, db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await server?.destroy();
  });

  // Forty shoppers and a restart take ten seconds on an idle machine; leave room for a busy one.
  it("loses no paid order and leaves no stock reserved by a rolled-back order", { timeout: 180_000 }, async () => {
    const failures = { count: 0, statuses: [] as number[] };
    const seen: Array<{ number: number; email: string }> = [];

    async function shop(i: number) {
      const client = shopperClient(app, `10.9.${i >> 8}.${i & 255}`, failures);
      const variantId = variantIds[i % variantIds.length] ?? 0;
      const add = await client.until("cart.add", { variantId, quantity: 1 + (i % 3) });
      expect(add.status).toBe(200);
      const email = `restart${i}@example.com`;
      const idempotencyKey = crypto.randomUUID();
      const placedReply = await client.until("checkout.placeOrder", {
        idempotencyKey,
        email,
        shippingAddress: address,
        shippingMethod: "standard",
      });
      expect(placedReply.status, JSON.stringify(placedReply.body)).toBe(200);
      const placed = result(placedReply, PlacedSchema);
      seen.push({ number: placed.order.number, email });
      // The payment form, again if the intent could not be created while the database was away.
      const clientSecret =
        placed.payment?.clientSecret ??
        result(
          await client.until("checkout.payment", { number: placed.order.number, key: placed.key }),
          z.object({ clientSecret: z.string() }),
        ).clientSecret;
      const paid = await client.until("payments.testConfirm", {
        clientSecret,
        number: "4242 4242 4242 4242",
        expMonth: 12,
        expYear: 2034,
        cvc: "123",
      });
      // 409: the card went through on an attempt whose answer was lost; the success page syncs it.
      expect([200, 409]).toContain(paid.status);
      const confirmed = await client.until("checkout.confirm", { number: placed.order.number, key: placed.key });
      expect(result(confirmed, z.object({ paymentStatus: z.string() })).paymentStatus).toBe("PAID");
    }

    // Four shoppers at a time; PostgreSQL is stopped (fast: connections are cut) and started
    // again once a few orders are through.
    let next = 0;
    const lanes = Array.from({ length: 4 }, async () => {
      while (next < SHOPPERS) await shop(next++);
    });
    await expect.poll(() => seen.length, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(8);
    await server.stop();
    expect((await app.inject("/readyz")).statusCode).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await server.start();
    await Promise.all(lanes);

    expect(failures.count).toBeGreaterThan(0); // the restart did hit the stream
    // Unavailable, never "internal error": every failure was a 503 the client could retry.
    expect(new Set(failures.statuses)).toEqual(new Set([503]));
    expect(seen.length).toBe(SHOPPERS);
    expect((await app.inject("/readyz")).statusCode).toBe(200);

    // Every order a shopper saw exists and is paid, once; no other order exists.
    const orders = await db.prisma.order.findMany({
      select: {
        number: true,
        paymentStatus: true,
        payments: { select: { status: true } },
        items: { select: { variantId: true, quantity: true } },
      },
    });
    expect(orders.map((order) => order.number).sort()).toEqual(seen.map((order) => order.number).sort());
    for (const order of orders) {
      expect(order.paymentStatus, `order ${order.number}`).toBe("PAID");
      expect(order.payments.filter((payment) => payment.status === "SUCCEEDED")).toHaveLength(1);
    }
    expect(await db.prisma.emailOutbox.count({ where: { template: "order-confirmed" } })).toBe(SHOPPERS);

    // Stock: reserved is exactly what the paid orders hold; nothing is held by an order that
    // was rolled back; every movement left the levels the variant shows.
    const variants = await db.prisma.variant.findMany({
      where: { id: { in: variantIds } },
      select: { id: true, stockOnHand: true, reserved: true },
    });
    for (const variant of variants) {
      const held = orders
        .flatMap((order) => order.items)
        .filter((item) => item.variantId === variant.id)
        .reduce((sum, item) => sum + item.quantity, 0);
      expect(variant).toEqual({ id: variant.id, stockOnHand: STOCK, reserved: held });
      const last = await db.prisma.inventoryMovement.findFirst({
        where: { variantId: variant.id },
        orderBy: { id: "desc" },
        select: { stockAfter: true, reservedAfter: true },
      });
      expect(last).toEqual({ stockAfter: STOCK, reservedAfter: held });
    }
  });
});
