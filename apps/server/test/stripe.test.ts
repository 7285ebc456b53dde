import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signedEvent, startStripeDouble } from "@shop/api/testing";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, paymentsFrom } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

const WEBHOOK_SECRET = "whsec_test_secret_for_signatures";

describe("Stripe payments, through the real SDK against a local Stripe double", () => {
  let db: TestDatabase;
  let stripe: Awaited<ReturnType<typeof startStripeDouble>>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const jar = new Map<string, string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    stripe = await startStripeDouble();
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      PUBLIC_URL: "https://shop.example",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-stripe-")),
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
    await app.close();
    await stripe.close();
    await db.close();
  });

  /** tRPC over HTTP like the storefront, carrying cookies. */
  async function trpc(path: string, input: unknown, method: "GET" | "POST" = "POST") {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const headers = { "content-type": "application/json", origin: "https://shop.example", cookie };
    const response =
      method === "POST"
        ? await app.inject({ method, url: `/trpc/${path}`, headers, payload: { json: input } })
        : await app.inject({
            method,
            url: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
            headers,
          });
    for (const header of [response.headers["set-cookie"]].flat()) {
      const [pair] = String(header ?? "").split(";");
      const [name, value] = (pair ?? "").split("=");
      if (name && value !== undefined) jar.set(name, value);
    }
    return response.json();
  }

  const webhook = (event: { id?: string; type: string; intent: object }, secret = WEBHOOK_SECRET) => {
    const { payload, signature } = signedEvent(secret, event);
    return app.inject({
      method: "POST",
      url: "/api/payment/webhook",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      payload,
    });
  };

  async function placeOrder(email: string, price = 4_200) {
    const product = await factories(db.prisma).product({ variants: [{ price, stock: 3 }] });
    jar.clear();
    await trpc("cart.add", { variantId: product.variants[0]?.id });
    const placed = await trpc("checkout.placeOrder", {
      idempotencyKey: crypto.randomUUID(),
      email,
      shippingAddress: { fullName: "Ada", line1: "1 Main St", city: "Paris", postalCode: "75001", country: "FR" },
      shippingMethod: "standard",
    });
    return placed.result.data.json;
  }

  it("creates the PaymentIntent for the server's amount, with a deterministic idempotency key", async () => {
    const placed = await placeOrder("stripe1@example.com");
    const intent = [...stripe.intents.values()].find((i) => i.client_secret === placed.payment.clientSecret);
    expect(intent).toMatchObject({
      amount: placed.order.total,
      currency: "usd",
      metadata: { orderId: expect.any(String), paymentId: expect.any(String) },
    });
    expect(placed.payment.client).toEqual({ provider: "stripe", publishableKey: "pk_test_local" });
    // A reload of the payment step re-reads the same intent instead of creating another.
    const again = await trpc("checkout.payment", { number: placed.order.number, key: placed.key });
    expect(again.result.data.json.intentId).toBe(intent?.id);
    expect(stripe.intents.size).toBe(1);
  });

  it("fulfils on a verified webhook once, answers duplicates with 200, and rejects bad signatures", async () => {
    const placed = await placeOrder("stripe2@example.com");
    const intent = [...stripe.intents.values()].find((i) => i.client_secret === placed.payment.clientSecret);
    if (!intent) throw new Error("no intent");
    stripe.succeed(intent.id);
    expect((await webhook({ type: "payment_intent.succeeded", intent }, "whsec_wrong")).statusCode).toBe(400);
    const first = await webhook({ id: "evt_stripe_1", type: "payment_intent.succeeded", intent });
    expect(first.json()).toEqual({ received: true, outcome: "paid" });
    expect((await webhook({ id: "evt_stripe_1", type: "payment_intent.succeeded", intent })).json()).toEqual({
      received: true,
      outcome: "duplicate",
    });
    // An older "failed" event arriving late does not undo the payment: the intent is re-read.
    expect(
      (
        await webhook({
          id: "evt_stripe_0",
          type: "payment_intent.payment_failed",
          intent: { ...intent, status: "requires_payment_method" },
        })
      ).json(),
    ).toEqual({
      received: true,
      outcome: "already-paid",
    });
    const order = await db.prisma.order.findUniqueOrThrow({
      where: { number: placed.order.number },
      select: { paymentStatus: true },
    });
    expect(order.paymentStatus).toBe("PAID");
  });

  it("refuses to fulfil a payment for another amount, refunding it", async () => {
    const placed = await placeOrder("stripe3@example.com");
    const intent = [...stripe.intents.values()].find((i) => i.client_secret === placed.payment.clientSecret);
    if (!intent) throw new Error("no intent");
    intent.amount = 100;
    stripe.succeed(intent.id, 100);
    expect((await webhook({ type: "payment_intent.succeeded", intent })).json()).toMatchObject({
      outcome: "amount-mismatch",
    });
    expect([...stripe.refunds.values()].filter((r) => r.payment_intent === intent.id).map((r) => r.amount)).toEqual([
      100,
    ]);
    expect((await db.prisma.order.findUniqueOrThrow({ where: { number: placed.order.number } })).paymentStatus).toBe(
      "PENDING",
    );
  });

  it("refunds through Stripe from the admin, never more than was captured", async () => {
    const placed = await placeOrder("stripe4@example.com", 10_000);
    const intent = [...stripe.intents.values()].find((i) => i.client_secret === placed.payment.clientSecret);
    if (!intent) throw new Error("no intent");
    stripe.succeed(intent.id);
    await trpc("checkout.confirm", { number: placed.order.number, key: placed.key });
    const admin = await factories(db.prisma).user({
      role: "STAFF",
      email: "refunder@example.com",
      password: "refunding passphrase",
    });
    jar.clear();
    await trpc("auth.signIn", { email: admin.email, password: "refunding passphrase", audience: "admin" });
    const orderId = (await db.prisma.order.findUniqueOrThrow({ where: { number: placed.order.number } })).id;
    const partial = await trpc("admin.orders.refund", { orderId, amount: 2_500, reason: "Scratched box" });
    expect(partial.result.data.json).toMatchObject({
      refundedTotal: 2_500,
      paymentStatus: "PARTIALLY_REFUNDED",
      fulfillmentStatus: "UNFULFILLED",
    });
    const tooMuch = await trpc("admin.orders.refund", { orderId, amount: placed.order.total, reason: "Everything" });
    expect(tooMuch.error.json.data.code).toBe("BAD_REQUEST");
    const rest = await trpc("admin.orders.refund", { orderId, reason: "Changed mind" });
    expect(rest.result.data.json).toMatchObject({ refundedTotal: placed.order.total, paymentStatus: "REFUNDED" });
    expect([...stripe.refunds.values()].filter((r) => r.payment_intent === intent.id).map((r) => r.amount)).toEqual([
      2_500,
      placed.order.total - 2_500,
    ]);
  });
});
