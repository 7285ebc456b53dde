import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSmtpTransport, deliverDueEmails } from "@shop/api";
import { signedEvent } from "@shop/api/testing";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp, paymentsFrom } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import type { ErrorReporter } from "../src/observability/error-reporter.ts";
import { startEmailWorker } from "../src/workers/email.ts";
import { result, shopperClient } from "./support/shopper.ts";
import { startSilentServer, type SilentServer } from "./support/throwaway-services.ts";

// SMTP and the payment provider pointed at a server that accepts connections and then says
// nothing: each wait is bounded by its setting (300 ms here), and the shop carries on.
const TIMEOUT_MS = 300;

describe("a hung SMTP server and a hung payment provider", () => {
  let db: TestDatabase;
  let silent: SilentServer;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let worker: ReturnType<typeof startEmailWorker>;
  const reported: unknown[] = [];
  const log = pino({ level: "silent" });

  beforeAll(async () => {
    db = await createTestDatabase();
    silent = await startSilentServer();
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      PUBLIC_URL: "https://shop.example",
      SMTP_URL: silent.url("smtp"),
      SMTP_TIMEOUT_MS: String(TIMEOUT_MS),
      STRIPE_SECRET_KEY: "sk_test_hung",
      STRIPE_PUBLISHABLE_KEY: "pk_test_hung",
      STRIPE_WEBHOOK_SECRET: "whsec_hung",
      STRIPE_TIMEOUT_MS: String(TIMEOUT_MS),
      STRIPE_MAX_NETWORK_RETRIES: "1",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-slow-deps-")),
    });
    const transport = createSmtpTransport(env.SMTP_URL ?? "", env.MAIL_FROM, "shop.example", env.SMTP_TIMEOUT_MS);
    worker = startEmailWorker(db, transport, log, { intervalMs: 100 });
    const errors: ErrorReporter = { capture: (error) => void reported.push(error), close: async () => {} };
    app = await buildApp(env, db, {
      errors,
      payments: paymentsFrom(env, db, { host: silent.host, port: silent.port, protocol: "http" }),
      dependencies: { smtp: worker.smtp },
    });
    await db.prisma.shippingMethod.create({
      data: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await silent?.close();
    await db?.close();
  });

  it("gives up on SMTP after SMTP_TIMEOUT_MS, keeps the message for a retry, and shows SMTP down on /readyz", async () => {
    await db.prisma.emailOutbox.create({
      data: { to: "someone@example.com", subject: "Hello", text: "Hi", template: "test" },
    });
    await expect
      .poll(() => db.prisma.emailOutbox.findFirst({ select: { status: true, attempts: true, lastError: true } }), {
        timeout: 5_000,
      })
      .toMatchObject({ status: "PENDING", attempts: 1, lastError: "Greeting never received" });
    expect(worker.smtp()).toBe("down");
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "degraded", dependencies: { database: "up", smtp: "down" } });

    // One attempt takes about the timeout, not nodemailer's minutes.
    await db.prisma.emailOutbox.updateMany({ data: { sendAfter: new Date(0) } });
    await worker.stop();
    const transport = createSmtpTransport(silent.url("smtp"), "Shop <shop@example.com>", "shop.example", TIMEOUT_MS);
    const started = performance.now();
    expect(await deliverDueEmails(db.prisma, transport)).toBe(0);
    expect(performance.now() - started).toBeLessThan(10 * TIMEOUT_MS);
  });

  it("places the order when the payment provider hangs, and answers 503 to paying while it hangs", async () => {
    const variantId = (await factories(db.prisma).product({ variants: [{ price: 900, stock: 3 }] })).variants[0]?.id;
    const client = shopperClient(app, "10.6.0.1", { count: 0 });
    await client.until("cart.add", { variantId });
    const started = performance.now();
    const placed = result(
      await client.until("checkout.placeOrder", {
        idempotencyKey: crypto.randomUUID(),
        email: "hung.provider@example.com",
        shippingAddress: { fullName: "Ada", line1: "1 Main St", city: "Paris", postalCode: "75001", country: "FR" },
        shippingMethod: "standard",
      }),
      z.object({
        order: z.object({ number: z.number(), paymentStatus: z.string() }),
        payment: z.null(),
        key: z.string(),
      }),
    );
    // Two attempts of 300 ms and the SDK's backoff between them, well under the request timeout.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(placed.order.paymentStatus).toBe("PENDING");

    const retry = await app.inject({
      method: "POST",
      url: "/trpc/checkout.payment",
      headers: { "content-type": "application/json", origin: "https://shop.example" },
      payload: { json: { number: placed.order.number, key: placed.key } },
    });
    expect(retry.statusCode).toBe(503);
    expect(retry.headers["retry-after"]).toBe("5");
    expect(retry.json()).toMatchObject({
      error: { json: { message: expect.stringMatching(/payment provider/), data: { code: "SERVICE_UNAVAILABLE" } } },
    });

    // Stripe's webhook arrives, but Stripe cannot be asked about the intent: 503, so Stripe retries.
    const { payload, signature } = signedEvent("whsec_hung", {
      type: "payment_intent.succeeded",
      intent: { id: "pi_unreachable", object: "payment_intent" },
    });
    const webhook = await app.inject({
      method: "POST",
      url: "/api/payment/webhook",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      payload,
    });
    expect(webhook.statusCode).toBe(503);
    expect(webhook.headers["retry-after"]).toBe("5");
    expect(await db.prisma.webhookEvent.findFirst({ select: { processedAt: true, attempts: true } })).toEqual({
      processedAt: null,
      attempts: 1,
    });
    expect(reported).toEqual([]);
  });
});
