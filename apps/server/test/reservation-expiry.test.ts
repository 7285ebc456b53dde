import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp, paymentsFrom } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import { startOrderWorker } from "../src/workers/orders.ts";
import { result, shopperClient } from "./support/shopper.ts";

const PlacedSchema = z.object({
  order: z.object({ number: z.number() }),
  payment: z.object({ clientSecret: z.string() }),
  reservationMinutes: z.number(),
});
const address = { fullName: "Ada", line1: "1 Main St", city: "Paris", postalCode: "75001", country: "FR" };

// The whole server with RESERVATION_MINUTES=0.05 (3 s) and the order worker running: a card
// charged while recording the payment failed ends paid, an unpaid order ends cancelled.
describe("reservations of a few seconds, with the order worker running", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let worker: ReturnType<typeof startOrderWorker>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      PUBLIC_URL: "https://shop.example",
      RESERVATION_MINUTES: "0.05",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-expiry-")),
    });
    const payments = paymentsFrom(env, db);
    app = await buildApp(env, db, { payments });
    worker = startOrderWorker(db, payments.provider, env.publicUrl, pino({ level: "silent" }), { intervalMs: 250 });
    await db.prisma.shippingMethod.create({
      data: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
    });
    // Recording a successful payment fails once, as a database hiccup after the charge would.
    await db.sql.exec(`
      CREATE SEQUENCE fault_recording;
      CREATE FUNCTION fault_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."status" = 'SUCCEEDED' AND nextval('fault_recording') = 1 THEN RAISE EXCEPTION 'injected fault'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fault_fail_once BEFORE UPDATE ON "Payment" FOR EACH ROW EXECUTE FUNCTION fault_fail_once();`);
  });
  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await db?.close();
  });

  async function place(ip: string, email: string, variantId: number) {
    const client = shopperClient(app, ip, { count: 0 });
    await client.until("cart.add", { variantId, quantity: 2 });
    const reply = await client.until("checkout.placeOrder", {
      idempotencyKey: crypto.randomUUID(),
      email,
      shippingAddress: address,
      shippingMethod: "standard",
    });
    return { client, placed: result(reply, PlacedSchema) };
  }
  const orderOf = (number: number) =>
    db.prisma.order.findUniqueOrThrow({
      where: { number },
      select: {
        state: true,
        paymentStatus: true,
        cancelReason: true,
        placedAt: true,
        events: { select: { toStatus: true } },
      },
    });
  const stockOf = (variantId: number) =>
    db.prisma.variant.findUniqueOrThrow({ where: { id: variantId }, select: { stockOnHand: true, reserved: true } });

  it("fulfils the charged order and cancels the unpaid one, within seconds", { timeout: 30_000 }, async () => {
    const make = factories(db.prisma);
    const charged = (await make.product({ variants: [{ price: 1_500, stock: 4 }] })).variants[0]?.id ?? 0;
    const unpaid = (await make.product({ variants: [{ price: 1_500, stock: 4 }] })).variants[0]?.id ?? 0;

    const a = await place("10.5.0.1", "charged@example.com", charged);
    expect(a.placed.reservationMinutes).toBe(0.05);
    const card = {
      clientSecret: a.placed.payment.clientSecret,
      number: "4242424242424242",
      expMonth: 12,
      expYear: 2034,
      cvc: "123",
    };
    // The shopper's pay answers 500 (the card was charged), and again 409: already succeeded.
    const pay = (payload: unknown) =>
      app.inject({
        method: "POST",
        url: "/trpc/payments.testConfirm",
        remoteAddress: "10.5.0.1",
        headers: { "content-type": "application/json", origin: "https://shop.example" },
        payload: { json: payload },
      });
    expect((await pay(card)).statusCode).toBe(500);
    expect((await pay(card)).statusCode).toBe(409);
    const b = await place("10.5.0.2", "unpaid@example.com", unpaid);

    await expect.poll(async () => (await orderOf(b.placed.order.number)).state, { timeout: 20_000 }).toBe("CANCELLED");
    await expect
      .poll(async () => (await orderOf(a.placed.order.number)).paymentStatus, { timeout: 20_000 })
      .toBe("PAID");

    const paid = await orderOf(a.placed.order.number);
    expect(paid.events.map((event) => event.toStatus)).toEqual(["PENDING", "PAID"]);
    expect(await stockOf(charged)).toEqual({ stockOnHand: 4, reserved: 2 });
    expect(await db.prisma.refund.count()).toBe(0);
    const cancelled = await orderOf(b.placed.order.number);
    expect(cancelled).toMatchObject({ paymentStatus: "VOIDED", cancelReason: "Payment was not completed in time" });
    expect(await stockOf(unpaid)).toEqual({ stockOnHand: 4, reserved: 0 });
  });

  it("refuses a reservation window under three seconds, naming the setting", () => {
    expect(() => parseServerEnv({ RESERVATION_MINUTES: "0.01" })).toThrow(/RESERVATION_MINUTES/);
    expect(parseServerEnv({}).RESERVATION_MINUTES).toBe(15);
  });
});
