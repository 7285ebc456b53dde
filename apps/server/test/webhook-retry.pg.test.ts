import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signedEvent, startStripeDouble } from "@shop/api/testing";
import { createDatabase, type Database } from "@shop/db";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp, paymentsFrom } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import { result, shopperClient } from "./support/shopper.ts";

const WEBHOOK_SECRET = "whsec_test_secret_for_retries";

describe("a payment webhook that fails three times, then succeeds", () => {
  let base: TestDatabase;
  let db: Database;
  let stripe: Awaited<ReturnType<typeof startStripeDouble>>;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    base = await createTestDatabase();
    if (!base.url) throw new Error("this file runs on PostgreSQL only");
    // A real transient failure: the handler's row lock gives up after 300 ms while something
    // else holds the payment row (the database's setting, so the production code is untouched).
    const name = new URL(base.url).pathname.slice(1);
    await base.sql.exec(`ALTER DATABASE "${name}" SET lock_timeout = '300ms'`);
    db = await createDatabase({ kind: "postgres", url: base.url, poolSize: 4 });
    stripe = await startStripeDouble();
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      PUBLIC_URL: "https://shop.example",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-webhook-retry-")),
      STRIPE_SECRET_KEY: "sk_test_local",
      STRIPE_PUBLISHABLE_KEY: "pk_test_local",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    app = await buildApp(env, db, { payments: paymentsFrom(env, db, stripe.api) });
    await db.prisma.shippingMethod.create({
      data: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
    });
  });
  afterAll(async () => {
    await app?.close();
    await stripe?.close();
    await db?.close();
    await base?.close();
  });

  it("fulfils once: the order is paid once, one confirmation email, one recorded event", async () => {
    const product = await factories(db.prisma).product({ variants: [{ price: 3_000, stock: 5 }] });
    const client = shopperClient(app, "10.8.0.1", { count: 0 });
    await client.until("cart.add", { variantId: product.variants[0]?.id });
    const placed = result(
      await client.until("checkout.placeOrder", {
        idempotencyKey: crypto.randomUUID(),
        email: "retry@example.com",
        shippingAddress: { fullName: "Ada", line1: "1 Main St", city: "Paris", postalCode: "75001", country: "FR" },
        shippingMethod: "standard",
      }),
      z.object({ order: z.object({ number: z.number() }), payment: z.object({ clientSecret: z.string() }) }),
    );
    const intent = [...stripe.intents.values()].find(
      (candidate) => candidate.client_secret === placed.payment.clientSecret,
    );
    if (!intent) throw new Error("no intent");
    stripe.succeed(intent.id);
    const order = await db.prisma.order.findUniqueOrThrow({
      where: { number: placed.order.number },
      select: { id: true },
    });

    // Stripe re-delivers the very same event (same id, payload and signature) until it gets a 2xx.
    const { payload, signature } = signedEvent(WEBHOOK_SECRET, {
      id: "evt_retry_1",
      type: "payment_intent.succeeded",
      intent,
    });
    const deliver = () =>
      app.inject({
        method: "POST",
        url: "/api/payment/webhook",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        payload,
      });

    const locker = new pg.Client({ connectionString: base.url });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query(`SELECT "id" FROM "Payment" WHERE "orderId" = $1 FOR UPDATE`, [order.id]);
      for (let attempt = 1; attempt <= 3; attempt++) {
        expect((await deliver()).statusCode).toBe(500);
        const event = await db.prisma.webhookEvent.findFirstOrThrow({
          where: { eventId: "evt_retry_1" },
          select: { attempts: true, processedAt: true, lastError: true },
        });
        expect(event).toMatchObject({
          attempts: attempt,
          processedAt: null,
          lastError: expect.stringMatching(/lock timeout/),
        });
      }
      expect(
        (await db.prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { paymentStatus: true } }))
          .paymentStatus,
      ).toBe("PENDING");
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }

    const fourth = await deliver();
    expect(fourth.statusCode).toBe(200);
    expect(fourth.json()).toEqual({ received: true, outcome: "paid" });
    expect((await deliver()).json()).toEqual({ received: true, outcome: "duplicate" });

    expect(
      (await db.prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { paymentStatus: true } }))
        .paymentStatus,
    ).toBe("PAID");
    expect(await db.prisma.orderEvent.count({ where: { orderId: order.id, toStatus: "PAID" } })).toBe(1);
    expect(await db.prisma.payment.count({ where: { orderId: order.id, status: "SUCCEEDED" } })).toBe(1);
    expect(await db.prisma.emailOutbox.count({ where: { template: "order-confirmed", to: "retry@example.com" } })).toBe(
      1,
    );
    const events = await db.prisma.webhookEvent.findMany({
      select: { eventId: true, attempts: true, processedAt: true, lastError: true },
    });
    expect(events).toEqual([{ eventId: "evt_retry_1", attempts: 4, processedAt: expect.any(Date), lastError: null }]);
    expect(
      (
        await db.prisma.variant.findUniqueOrThrow({
          where: { id: product.variants[0]?.id ?? 0 },
          select: { reserved: true },
        })
      ).reserved,
    ).toBe(1);
  });
});
