import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summaryAgainstRebuild } from "./reports-fixtures.ts";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

// The summary follows orders through the shop's own code paths: checkout, payment, shipping,
// cancellation and refunds (recorded pending, then confirmed by the provider).
describe("reports follow real orders", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staffId: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
    staffId = (await shop.make.user({ role: "STAFF" })).id;
  });
  afterAll(() => shop.db.close());

  async function paidOrder(email: string, price: number, quantity: number) {
    const product = await shop.make.product({ variants: [{ price, stock: 10 }] });
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0, quantity }));
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email })));
    await guest.call((c) =>
      c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
    );
    return shop.prisma.order.findUniqueOrThrow({
      where: { number: placed.order.number },
      select: { id: true, total: true, paymentStatus: true, items: { select: { id: true } } },
    });
  }

  it("agrees with the orders table after checkout, payment, shipping, cancellation and refunds", async () => {
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    const first = await paidOrder("one@example.com", 3_000, 2);
    const second = await paidOrder("two@example.com", 12_000, 1);
    const third = await paidOrder("three@example.com", 1_500, 1);
    expect(first.paymentStatus).toBe("PAID");
    await caller.admin.orders.ship({ orderId: first.id, carrier: "UPS", trackingNumber: "1Z1" });
    await caller.admin.orders.refund({
      orderId: first.id,
      items: [{ orderItemId: first.items[0]?.id ?? 0, quantity: 1 }],
      restock: true,
      reason: "Returned",
    });
    await caller.admin.orders.refund({ orderId: second.id, amount: 1_000, restock: false, reason: "Goodwill" });
    await caller.admin.orders.cancel({ orderId: third.id, reason: "Customer asked" });
    // An unpaid order does not count.
    const guest = await guestShopper(shop.prisma);
    const product = await shop.make.product({ variants: [{ price: 999, stock: 5 }] });
    await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0, quantity: 1 }));
    await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email: "unpaid@example.com" })));

    const orders = await shop.prisma.order.findMany({
      where: { id: { in: [first.id, second.id] } },
      select: {
        total: true,
        subtotal: true,
        discountTotal: true,
        taxTotal: true,
        refundedTotal: true,
        items: { select: { quantity: true } },
      },
    });
    const sum = (pick: (o: (typeof orders)[number]) => number) =>
      orders.reduce((total, order) => total + pick(order), 0);
    const refunded = sum((o) => o.refundedTotal);
    expect(refunded).toBeGreaterThan(1_000);

    const dashboard = await caller.admin.reports.dashboard({ preset: "7d", granularity: "day" });
    expect(dashboard.current).toMatchObject({
      orders: 2,
      units: 3,
      subtotal: sum((o) => o.subtotal),
      tax: sum((o) => o.taxTotal),
      total: sum((o) => o.total),
      refunds: refunded,
      refundCount: 2,
      revenue: sum((o) => o.total) - refunded,
      newCustomers: 2,
      returningCustomers: 0,
    });
    expect(dashboard.series.at(-1)).toEqual({
      start: dashboard.range.today,
      revenue: sum((o) => o.total) - refunded,
      orders: 2,
    });
    const { kept, rebuilt } = await summaryAgainstRebuild(shop.prisma);
    expect(kept).toEqual(rebuilt);
  });
});
