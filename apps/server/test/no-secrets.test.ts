import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { deliverDueEmails } from "@shop/api";
import { signedEvent, startStripeDouble } from "@shop/api/testing";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp, paymentsFrom } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import { cardNumbersIn, databaseText, luhn, tokensIn } from "./support/leaks.ts";
import { result } from "./support/shopper.ts";

const WEBHOOK_SECRET = "whsec_test_secret_for_leaks";
const CARDS = ["4242 4242 4242 4242", "4000000000000002", "5555-5555-5555-4444"];
const address = { fullName: "Ada Lovelace", line1: "1 Main St", city: "Paris", postalCode: "75001", country: "FR" };

describe("no card numbers or tokens in the logs or the database after checkouts and a password reset", () => {
  let db: TestDatabase;
  let stripe: Awaited<ReturnType<typeof startStripeDouble>>;
  const lines: string[] = [];
  // Everything the server logs, at the most verbose level, as production's pino writes it.
  const logger = pino(
    { level: "trace" },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
  const envFor = (extra: Record<string, string> = {}) =>
    parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "trace",
      SERVE_APPS: "false",
      PUBLIC_URL: "https://shop.example",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-leaks-")),
      ...extra,
    });
  const secretsSeen: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    stripe = await startStripeDouble();
    await db.prisma.shippingMethod.create({
      data: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
    });
  });
  afterAll(async () => {
    await stripe.close();
    await db.close();
  });

  it("detects what it looks for (the scanner itself)", () => {
    expect(CARDS.every((card) => luhn(card.replace(/\D/g, "")))).toBe(true);
    expect(
      cardNumbersIn(`{"card":"${CARDS.join('","')}","time":1764090000000,"responseTime":3.6011999999973}`),
    ).toEqual(CARDS);
    // A request id whose middle groups pass Luhn (seen in a CI log): part of a UUID, not a card.
    expect(cardNumbersIn(`{"reqId":"0c1d2ea5-8551-4952-8561-13f0a2b4c6d8"}`)).toEqual([]);
    expect(cardNumbersIn(`{"reqId":"12345678-4242-4242-4242-424242424242"}`)).toEqual([]);
    expect(cardNumbersIn("card: 4242-4242-4242-4242.")).toEqual(["4242-4242-4242-4242"]);
    expect(tokensIn("Bearer abcdefghijklmnopqrstuvwx.abcdefghijklmnopqrstuvwxyz234567")).toHaveLength(1);
  });

  it("a signed-in shopper pays with the test card form, and a guest through Stripe", async () => {
    // The test payment provider: the card form posts the number to the server.
    const app = await buildApp(envFor(), db, { logger });
    try {
      const user = await factories(db.prisma).user({ email: "leaky@example.com", password: "a long passphrase" });
      const signIn = await app.inject({
        method: "POST",
        url: "/trpc/auth.signIn",
        headers: { "content-type": "application/json" },
        payload: { json: { email: user.email, password: "a long passphrase" } },
      });
      const cookie =
        String(
          [signIn.headers["set-cookie"]].flat().find((value) => String(value).startsWith("shop_session=")) ?? "",
        ).split(";")[0] ?? "";
      const token = cookie.slice("shop_session=".length);
      expect(tokensIn(token)).toEqual([token]);
      secretsSeen.push(token);
      const call = async (path: string, json: unknown, auth: "cookie" | "bearer" = "cookie") => {
        const headers = {
          "content-type": "application/json",
          origin: "https://shop.example",
          ...(auth === "cookie" ? { cookie } : { authorization: `Bearer ${token}` }),
        };
        const response = await app.inject({ method: "POST", url: `/trpc/${path}`, headers, payload: { json } });
        return { status: response.statusCode, body: response.json() };
      };
      const product = await factories(db.prisma).product({ variants: [{ price: 2_000, stock: 5 }] });
      expect((await call("cart.add", { variantId: product.variants[0]?.id }, "bearer")).status).toBe(200);
      const placed = result(
        await call(
          "checkout.placeOrder",
          { idempotencyKey: crypto.randomUUID(), shippingAddress: address, shippingMethod: "standard" },
          "bearer",
        ),
        z.object({ order: z.object({ number: z.number() }), payment: z.object({ clientSecret: z.string() }) }),
      );
      for (const number of [...CARDS.slice(0, 2), "4242 4242 4242 4241"])
        secretsSeen.push(number, number.replace(/\D/g, ""));
      const card = (number: string) => ({
        clientSecret: placed.payment.clientSecret,
        number,
        expMonth: 12,
        expYear: 2034,
        cvc: "123",
      });
      // A typo'd number, then a declined card is retried with a good one (the order is cancelled
      // by the decline, so a second order is placed), as a shopper would.
      expect((await call("payments.testConfirm", card("4242 4242 4242 4241"))).status).toBe(200);
      expect(
        result(await call("payments.testConfirm", card(CARDS[1] ?? "")), z.object({ status: z.string() })).status,
      ).not.toBe("succeeded");
      await call("checkout.retry", { number: placed.order.number });
      const again = result(
        await call("checkout.placeOrder", {
          idempotencyKey: crypto.randomUUID(),
          shippingAddress: address,
          shippingMethod: "standard",
        }),
        z.object({ order: z.object({ number: z.number() }), payment: z.object({ clientSecret: z.string() }) }),
      );
      const paid = await call("payments.testConfirm", {
        ...card(CARDS[0] ?? ""),
        clientSecret: again.payment.clientSecret,
      });
      expect(result(paid, z.object({ status: z.string() })).status).toBe("succeeded");
      expect(
        result(await call("checkout.confirm", { number: again.order.number }), z.object({ paymentStatus: z.string() }))
          .paymentStatus,
      ).toBe("PAID");
      await call("account.sessions.list", undefined, "bearer");
      // A password reset too, delivered the way the SMTP worker does: the link reaches the
      // mailbox, and the outbox keeps no copy of it.
      await app.inject({
        method: "POST",
        url: "/trpc/auth.requestPasswordReset",
        headers: { "content-type": "application/json" },
        payload: { json: { email: user.email } },
      });
      const sent: string[] = [];
      expect(
        await deliverDueEmails(db.prisma, { send: async (message) => void sent.push(message.text) }),
      ).toBeGreaterThan(0);
      const resetToken = tokensIn(sent.join("\n"))[0] ?? "";
      expect(resetToken).not.toBe("");
      secretsSeen.push(resetToken);
    } finally {
      await app.close();
    }

    // Stripe: the card goes to Stripe only; the webhook carries the intent.
    const env = envFor({
      STRIPE_SECRET_KEY: "sk_test_local",
      STRIPE_PUBLISHABLE_KEY: "pk_test_local",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    const stripeApp = await buildApp(env, db, { logger, payments: paymentsFrom(env, db, stripe.api) });
    try {
      const product = await factories(db.prisma).product({ variants: [{ price: 4_000, stock: 5 }] });
      const add = await stripeApp.inject({
        method: "POST",
        url: "/trpc/cart.add",
        headers: { "content-type": "application/json" },
        payload: { json: { variantId: product.variants[0]?.id } },
      });
      const cartCookie = String([add.headers["set-cookie"]].flat()[0] ?? "").split(";")[0] ?? "";
      secretsSeen.push(cartCookie.slice("shop_cart=".length));
      const placedResponse = await stripeApp.inject({
        method: "POST",
        url: "/trpc/checkout.placeOrder",
        headers: { "content-type": "application/json", origin: "https://shop.example", cookie: cartCookie },
        payload: {
          json: {
            idempotencyKey: crypto.randomUUID(),
            email: "stripe.guest@example.com",
            shippingAddress: address,
            shippingMethod: "standard",
          },
        },
      });
      const placed = result(
        { status: placedResponse.statusCode, body: placedResponse.json() },
        z.object({ payment: z.object({ clientSecret: z.string() }) }),
      );
      const intent = [...stripe.intents.values()].find(
        (candidate) => candidate.client_secret === placed.payment.clientSecret,
      );
      if (!intent) throw new Error("no intent");
      stripe.succeed(intent.id);
      const { payload, signature } = signedEvent(WEBHOOK_SECRET, {
        type: "payment_intent.succeeded",
        intent: { ...intent, status: "succeeded" },
      });
      const hook = await stripeApp.inject({
        method: "POST",
        url: "/api/payment/webhook",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        payload,
      });
      expect(hook.json()).toEqual({ received: true, outcome: "paid" });
    } finally {
      await stripeApp.close();
    }

    // The Stripe order's confirmation (with its secret link) is delivered like every email: what
    // is sent keeps no token in the outbox. An email never sent holds its link until it is.
    expect(await deliverDueEmails(db.prisma, { send: async () => undefined })).toBeGreaterThan(0);
    expect(await db.prisma.order.count({ where: { paymentStatus: "PAID" } })).toBe(2);
    const log = lines.join("");
    expect(log.length).toBeGreaterThan(1_000); // the requests were logged
    expect(cardNumbersIn(log)).toEqual([]);
    expect(tokensIn(log)).toEqual([]);
    for (const secret of secretsSeen) expect(log).not.toContain(secret);

    const columns = await databaseText(db);
    expect(columns.size).toBeGreaterThan(50);
    const leaks = [...columns].flatMap(([column, text]) => [
      ...cardNumbersIn(text).map((found) => `${column}: card ${found}`),
      ...tokensIn(text).map((found) => `${column}: token ${found}`),
      ...secretsSeen.filter((secret) => text.includes(secret)).map(() => `${column}: a token used in this test`),
    ]);
    expect(leaks).toEqual([]);
  });
});
