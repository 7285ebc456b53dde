import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireReservations } from "../src/services/orders/expire.ts";
import { createMemoryStore } from "../src/lib/rate-limit/index.ts";
import { createTestProvider } from "../src/services/payments/test-provider.ts";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

describe("checkout and payment with the test provider", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
  });
  afterAll(() => shop.db.close());

  const stock = (variantId: number) =>
    shop.prisma.variant.findUniqueOrThrow({ where: { id: variantId }, select: { stockOnHand: true, reserved: true } });

  it("charges exactly what the server computed, reserves stock and confirms by email once paid", async () => {
    const product = await shop.make.product({ variants: [{ price: 2_500, stock: 5 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const guest = await guestShopper(shop.prisma);
    const cart = await guest.call((c) => c.cart.add({ variantId, quantity: 2 }));
    expect(cart).toMatchObject({ subtotal: 5_000, itemCount: 2, canCheckout: true });
    const quote = await guest.call((c) =>
      c.checkout.quote({ country: "US", region: "TX", shippingMethod: "standard" }),
    );
    expect(quote).toMatchObject({
      subtotal: 5_000,
      shipping: 500,
      tax: Math.round(5_500 * 0.0625),
      total: 5_500 + 344,
    });
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput()));
    expect(placed.order).toMatchObject({ total: quote.total, paymentStatus: "PENDING", email: "guest@example.com" });
    expect(await stock(variantId)).toEqual({ stockOnHand: 5, reserved: 2 });
    expect((await guest.call((c) => c.cart.get())).itemCount).toBe(0);
    const intent = await shop.prisma.testPaymentIntent.findFirstOrThrow({
      where: { clientSecret: placed.payment?.clientSecret ?? "" },
    });
    expect(intent.amount).toBe(quote.total);

    const paid = await guest.call((c) =>
      c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242 4242 4242 4242") }),
    );
    expect(paid).toEqual({ status: "succeeded", error: null });
    const order = await guest.call((c) => c.orders.open({ number: placed.order.number, key: placed.key }));
    expect(order).toMatchObject({
      paymentStatus: "PAID",
      fulfillmentStatus: "UNFULFILLED",
      state: "OPEN",
      total: quote.total,
      payment: { status: "SUCCEEDED", capturedAmount: quote.total },
    });
    expect(order.events.map((e) => [e.kind, e.toStatus])).toEqual([
      ["payment", "PENDING"],
      ["payment", "PAID"],
    ]);
    expect(
      await shop.prisma.emailOutbox.count({ where: { to: "guest@example.com", template: "order-confirmed" } }),
    ).toBe(1);
    expect((await shop.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).unitsSold).toBe(2);
    // The success page confirming again changes nothing.
    await guest.call((c) => c.checkout.confirm({ number: placed.order.number, key: placed.key }));
    expect(
      await shop.prisma.emailOutbox.count({ where: { to: "guest@example.com", template: "order-confirmed" } }),
    ).toBe(1);
  });

  it("reserves all lines or none: a short line leaves the others untouched and writes nothing", async () => {
    const plenty = await shop.make.product({ variants: [{ price: 1_000, stock: 5 }] });
    const scarce = await shop.make.product({ variants: [{ price: 2_000, stock: 2 }] });
    const [plentyId, scarceId] = [plenty.variants[0]?.id ?? 0, scarce.variants[0]?.id ?? 0];
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId: plentyId, quantity: 3 }));
    await guest.call((c) => c.cart.add({ variantId: scarceId, quantity: 2 }));
    // Someone else takes one of the scarce units after it went into this cart.
    await shop.prisma.variant.update({ where: { id: scarceId }, data: { reserved: 1 } });
    const orders = await shop.prisma.order.count();
    const movements = await shop.prisma.inventoryMovement.count();
    await expect(
      guest.call((c) => c.checkout.placeOrder(checkoutInput({ email: "short@example.com" }))),
    ).rejects.toThrow(`Sorry, ${scarce.name} is no longer available in that quantity.`);
    expect(await stock(plentyId)).toEqual({ stockOnHand: 5, reserved: 0 });
    expect(await stock(scarceId)).toEqual({ stockOnHand: 2, reserved: 1 });
    expect(await shop.prisma.order.count()).toBe(orders);
    expect(await shop.prisma.inventoryMovement.count()).toBe(movements);
    expect((await guest.call((c) => c.cart.get())).itemCount).toBe(5);

    // With the unit back, the same cart becomes one order with every row that goes with it.
    await shop.prisma.variant.update({ where: { id: scarceId }, data: { reserved: 0 } });
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email: "short@example.com" })));
    const order = await shop.prisma.order.findUniqueOrThrow({
      where: { number: placed.order.number },
      select: {
        id: true,
        subtotal: true,
        discountTotal: true,
        shippingTotal: true,
        taxTotal: true,
        total: true,
        items: {
          select: { variantId: true, quantity: true, unitPrice: true, total: true },
          orderBy: { variantId: "asc" },
        },
        addresses: { select: { kind: true, city: true } },
        events: { select: { toStatus: true, actorType: true } },
        payments: { select: { amount: true, status: true } },
      },
    });
    expect(order.items).toEqual([
      { variantId: plentyId, quantity: 3, unitPrice: 1_000, total: 3_000 },
      { variantId: scarceId, quantity: 2, unitPrice: 2_000, total: 4_000 },
    ]);
    expect(order.subtotal - order.discountTotal + order.shippingTotal + order.taxTotal).toBe(order.total);
    expect(order.addresses).toEqual([{ kind: "SHIPPING", city: "Austin" }]);
    expect(order.events).toEqual([{ toStatus: "PENDING", actorType: "SYSTEM" }]);
    expect(order.payments).toEqual([{ amount: order.total, status: "PENDING" }]);
    const reservations = await shop.prisma.inventoryMovement.findMany({
      where: { orderId: order.id },
      select: { variantId: true, reason: true, reservedDelta: true, stockAfter: true, reservedAfter: true },
      orderBy: { variantId: "asc" },
    });
    expect(reservations).toEqual([
      { variantId: plentyId, reason: "RESERVATION", reservedDelta: 3, stockAfter: 5, reservedAfter: 3 },
      { variantId: scarceId, reason: "RESERVATION", reservedDelta: 2, stockAfter: 2, reservedAfter: 2 },
    ]);
    expect((await guest.call((c) => c.cart.get())).itemCount).toBe(0);
  });

  it("creates one order for a replayed submission", async () => {
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 3 }] });
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0 }));
    const input = checkoutInput({ email: "twice@example.com" });
    const first = await guest.call((c) => c.checkout.placeOrder(input));
    const again = await guest.call((c) => c.checkout.placeOrder(input));
    expect(again.order.number).toBe(first.order.number);
    expect(again.payment?.clientSecret).toBe(first.payment?.clientSecret);
    expect(await shop.prisma.order.count({ where: { email: "twice@example.com" } })).toBe(1);
  });

  it("cancels on a declined card, releasing the stock, and lets the shopper try again", async () => {
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 1 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId }));
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email: "declined@example.com" })));
    const result = await guest.call((c) =>
      c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4000000000000002") }),
    );
    expect(result).toEqual({ status: "requires_payment_method", error: "Your card was declined." });
    const order = await guest.call((c) => c.orders.open({ number: placed.order.number, key: placed.key }));
    expect(order).toMatchObject({
      state: "CANCELLED",
      paymentStatus: "FAILED",
      cancelReason: "Payment failed: Your card was declined.",
      payment: { status: "FAILED" },
    });
    expect(await stock(variantId)).toEqual({ stockOnHand: 1, reserved: 0 });
    expect(await guest.call((c) => c.checkout.retry({ number: placed.order.number, key: placed.key }))).toEqual({
      restored: 1,
      of: 1,
    });
    expect((await guest.call((c) => c.cart.get())).itemCount).toBe(1);
  });

  it("keeps a declined attempt out of the shopper's history and emails nothing; staff find it on request", async () => {
    const user = await shop.make.user({ email: "decliner@example.com" });
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 2 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const { caller } = await callerFor(shop.prisma, { userId: user.id });
    await caller.cart.add({ variantId });
    const placed = await caller.checkout.placeOrder(checkoutInput({ email: user.email }));
    await caller.payments.testConfirm({
      clientSecret: placed.payment?.clientSecret ?? "",
      ...card("4000000000000002"),
    });
    expect((await caller.orders.list({})).items).toEqual([]);
    expect(await stock(variantId)).toEqual({ stockOnHand: 2, reserved: 0 });
    expect(await shop.prisma.emailOutbox.count({ where: { to: user.email } })).toBe(0);
    const staff = await callerFor(shop.prisma, { userId: (await shop.make.user({ role: "STAFF" })).id });
    const search = { search: user.email };
    expect((await staff.caller.admin.orders.list(search)).items).toEqual([]);
    expect((await staff.caller.admin.orders.list({ ...search, attempts: true })).items).toMatchObject([
      { number: placed.order.number, paymentStatus: "FAILED", state: "CANCELLED" },
    ]);
  });

  it("releases unpaid reservations when they expire, and refunds a payment that arrives after", async () => {
    const product = await shop.make.product({ variants: [{ price: 4_000, stock: 1 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId }));
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email: "slow@example.com" })));
    const provider = createTestProvider(shop.prisma);
    expect(
      await expireReservations(shop.prisma, provider, "http://shop.test", new Date(Date.now() + 14 * 60_000)),
    ).toBe(0);
    expect(
      await expireReservations(shop.prisma, provider, "http://shop.test", new Date(Date.now() + 16 * 60_000)),
    ).toBeGreaterThanOrEqual(1);
    expect(await stock(variantId)).toEqual({ stockOnHand: 1, reserved: 0 });
    const expired = await guest.call((c) => c.orders.open({ number: placed.order.number, key: placed.key }));
    expect(expired).toMatchObject({
      state: "CANCELLED",
      paymentStatus: "VOIDED",
      cancelReason: "Payment was not completed in time",
      payment: { status: "CANCELLED" },
    });
    // Someone else buys the last unit meanwhile.
    const other = await guestShopper(shop.prisma);
    await other.call((c) => c.cart.add({ variantId }));
    await other.call((c) => c.checkout.placeOrder(checkoutInput({ email: "fast@example.com" })));
    // The slow shopper's payment goes through at the provider anyway (their intent was cancelled,
    // so force it, as a late confirmation racing the cancellation would).
    await shop.prisma.testPaymentIntent.updateMany({
      where: { clientSecret: placed.payment?.clientSecret ?? "" },
      data: { status: "requires_payment_method" },
    });
    await guest.call((c) =>
      c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
    );
    const order = await guest.call((c) => c.orders.open({ number: placed.order.number, key: placed.key }));
    expect(order).toMatchObject({
      state: "CANCELLED",
      refundedTotal: order.total,
      payment: { status: "SUCCEEDED", refundedAmount: order.total },
    });
    expect(await stock(variantId)).toEqual({ stockOnHand: 1, reserved: 1 });
  });

  it("lets a signed-in shopper use a saved address, see the order in their history, and cancel it for a refund", async () => {
    const user = await shop.make.user();
    const product = await shop.make.product({ variants: [{ price: 3_000, stock: 4 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const { caller } = await callerFor(shop.prisma, { userId: user.id });
    const saved = await caller.account.addresses.create({
      fullName: "Ada",
      line1: "1 Main St",
      city: "Austin",
      region: "TX",
      postalCode: "73301",
      country: "US",
    });
    await caller.cart.add({ variantId, quantity: 2 });
    const placed = await caller.checkout.placeOrder({
      idempotencyKey: crypto.randomUUID(),
      shippingAddress: { addressId: saved.id },
      shippingMethod: "express",
    });
    expect(placed.order.email).toBe(user.email);
    await caller.payments.testConfirm({
      clientSecret: placed.payment?.clientSecret ?? "",
      ...card("4242424242424242"),
    });
    const history = await caller.orders.list({});
    expect(history.items.map((o) => o.number)).toEqual([placed.order.number]);
    const cancelled = await caller.orders.cancel({ number: placed.order.number });
    expect(cancelled).toMatchObject({
      state: "CANCELLED",
      paymentStatus: "REFUNDED",
      refundedTotal: placed.order.total,
    });
    expect(await stock(variantId)).toEqual({ stockOnHand: 4, reserved: 0 });
    const stranger = await callerFor(shop.prisma, { userId: (await shop.make.user()).id });
    await expect(stranger.caller.orders.get({ number: placed.order.number })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      stranger.caller.orders.lookup({ number: placed.order.number, email: "wrong@example.com" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("limits orders per IP and payment attempts per IP (card testing)", async () => {
    const limits = createMemoryStore();
    const product = await shop.make.product({ variants: [{ price: 500, stock: 100 }] });
    const guest = await guestShopper(shop.prisma, { limits, config: { checkoutPerMinute: 2 } });
    const order = async () => {
      await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0 }));
      return guest.call((c) => c.checkout.placeOrder(checkoutInput({ email: "busy@example.com" })));
    };
    const placed = await order();
    await order();
    await expect(order()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    for (let i = 0; i < 10; i++) {
      await guest
        .call((c) =>
          c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4000000000000002") }),
        )
        .catch(() => undefined);
    }
    await expect(
      guest.call((c) =>
        c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
      ),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });
});
