import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlePaymentEvent } from "../src/services/payments/events.ts";
import { createTestProvider } from "../src/services/payments/test-provider.ts";
import { checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

// Invariants that concurrency could break. They run on PGlite too, but they mean most on
// PostgreSQL, where the transactions truly overlap.

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error && typeof error === "object" && "message" in error ? String(error.message) : "error"),
  );

describe("checkout under concurrency", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop({ poolSize: 30 });
    await setupCheckoutReference(shop.prisma);
  });
  afterAll(() => shop.db.close());

  it("sells the last 10 units to exactly 10 of 200 simultaneous checkouts", async () => {
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 10 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const shoppers = await Promise.all(Array.from({ length: 200 }, () => guestShopper(shop.prisma)));
    for (const shopper of shoppers) await shopper.call((c) => c.cart.add({ variantId }));
    const results = await Promise.all(
      shoppers.map((s, i) =>
        outcome(s.call((c) => c.checkout.placeOrder(checkoutInput({ email: `racer${i}@example.com` })))),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(10);
    expect([...new Set(results.filter((r) => r !== "ok").map((r) => r.replace(/Product \S+/, "Product")))]).toEqual([
      "Sorry, Product is no longer available in that quantity.",
    ]);
    expect(
      await shop.prisma.variant.findUniqueOrThrow({
        where: { id: variantId },
        select: { stockOnHand: true, reserved: true },
      }),
    ).toEqual({ stockOnHand: 10, reserved: 10 });
    expect(await shop.prisma.orderItem.aggregate({ where: { variantId }, _sum: { quantity: true } })).toMatchObject({
      _sum: { quantity: 10 },
    });
  }, 120_000);

  it("gives exactly one discount from a coupon limited to one use, among 50 simultaneous orders", async () => {
    const admin = await shop.make.user({ role: "ADMIN" });
    await (
      await callerFor(shop.prisma, { userId: admin.id })
    ).caller.admin.coupons.create({ code: "ONLYONE", type: "PERCENTAGE", value: 50, usageLimit: 1 });
    const product = await shop.make.product({ variants: [{ price: 2_000, stock: 100 }] });
    const shoppers = await Promise.all(Array.from({ length: 50 }, () => guestShopper(shop.prisma)));
    for (const shopper of shoppers) {
      await shopper.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0 }));
      await shopper.call((c) => c.cart.applyCoupon({ code: "ONLYONE" }));
    }
    const results = await Promise.all(
      shoppers.map((s, i) =>
        outcome(s.call((c) => c.checkout.placeOrder(checkoutInput({ email: `coupon${i}@example.com` })))),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(await shop.prisma.order.count({ where: { couponCode: "ONLYONE" } })).toBe(1);
    expect(
      await shop.prisma.coupon.findUniqueOrThrow({ where: { code: "ONLYONE" }, select: { usageCount: true } }),
    ).toEqual({ usageCount: 1 });
  }, 120_000);

  it("creates one order from ten simultaneous submissions with the same idempotency key", async () => {
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 50 }] });
    const shopper = await guestShopper(shop.prisma);
    await shopper.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0, quantity: 2 }));
    const input = checkoutInput({ email: "doubleclick@example.com" });
    const callers = await Promise.all(
      Array.from({ length: 10 }, () => callerFor(shop.prisma, { request: { cartToken: shopper.cartToken } })),
    );
    const results = await Promise.all(
      callers.map(({ caller }) =>
        caller.checkout.placeOrder(input).then(
          (r) => r.order.number,
          () => null,
        ),
      ),
    );
    const numbers = new Set(results.filter((n) => n !== null));
    expect(numbers.size).toBe(1);
    expect(await shop.prisma.order.count({ where: { email: "doubleclick@example.com" } })).toBe(1);
    expect(
      (await shop.prisma.variant.findUniqueOrThrow({ where: { id: product.variants[0]?.id ?? 0 } })).reserved,
    ).toBe(2);
  });

  it("fulfils once when 20 copies of the same payment event arrive at once", async () => {
    const product = await shop.make.product({ variants: [{ price: 1_200, stock: 5 }] });
    const shopper = await guestShopper(shop.prisma);
    await shopper.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0 }));
    const placed = await shopper.call((c) => c.checkout.placeOrder(checkoutInput({ email: "dupes@example.com" })));
    const intent = await shop.prisma.testPaymentIntent.update({
      where: { clientSecret: placed.payment?.clientSecret ?? "" },
      data: { status: "succeeded" },
    });
    const provider = createTestProvider(shop.prisma);
    const event = { id: "evt_duplicate_1", type: "payment_intent.succeeded", intentId: intent.id };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => handlePaymentEvent(shop.prisma, provider, event, "http://shop.test")),
    );
    expect(outcomes.filter((o) => o === "paid")).toHaveLength(1);
    const order = await shop.prisma.order.findUniqueOrThrow({
      where: { number: placed.order.number },
      select: { paymentStatus: true, events: { select: { toStatus: true } } },
    });
    expect(order.paymentStatus).toBe("PAID");
    expect(order.events.filter((e) => e.toStatus === "PAID")).toHaveLength(1);
    expect(
      await shop.prisma.emailOutbox.count({ where: { to: "dupes@example.com", template: "order-confirmed" } }),
    ).toBe(1);
    expect(await shop.prisma.webhookEvent.count({ where: { eventId: "evt_duplicate_1" } })).toBe(1);
  });
});
