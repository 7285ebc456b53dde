import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireReservations } from "../src/services/orders/expire.ts";
import { createRefund, processPendingRefunds } from "../src/services/orders/refunds.ts";
import type { PaymentProvider } from "../src/services/payments/provider.ts";
import { createTestProvider } from "../src/services/payments/test-provider.ts";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { setupTestShop } from "./support.ts";

// Background jobs run on every instance. Two worker loops racing over the same due jobs must do
// each job exactly once (on PostgreSQL they really run in parallel, each on its own connections).

const URL = "http://shop.test";

/** The test provider, counting the calls that reach "the provider's side". */
function countingProvider(provider: PaymentProvider, calls: { cancel: string[]; refund: string[] }): PaymentProvider {
  return {
    ...provider,
    cancelIntent(id) {
      calls.cancel.push(id);
      return provider.cancelIntent(id);
    },
    refund(input) {
      calls.refund.push(input.idempotencyKey);
      return provider.refund(input);
    },
  };
}

describe("background jobs with two workers racing", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop({ poolSize: 10 });
    await setupCheckoutReference(shop.prisma);
  });
  afterAll(() => shop.db.close());

  async function placeOrders(count: number, pay: boolean) {
    const product = await shop.make.product({ variants: [{ price: 2_000, stock: 50 }] });
    const numbers: number[] = [];
    for (let i = 0; i < count; i++) {
      const guest = await guestShopper(shop.prisma);
      await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0 }));
      const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email: `jobs${i}@example.com` })));
      if (pay)
        await guest.call((c) =>
          c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
        );
      numbers.push(placed.order.number);
    }
    const orders = await shop.prisma.order.findMany({
      where: { number: { in: numbers } },
      select: { id: true, total: true },
    });
    return { orders, variantId: product.variants[0]?.id ?? 0 };
  }

  it("expires each unpaid reservation once", async () => {
    const { orders, variantId } = await placeOrders(12, false);
    const calls = { cancel: [] as string[], refund: [] as string[] };
    const provider = countingProvider(createTestProvider(shop.prisma), calls);
    const later = new Date(Date.now() + 16 * 60_000);
    const [a, b] = await Promise.all([
      expireReservations(shop.prisma, provider, URL, later),
      expireReservations(shop.prisma, provider, URL, later),
    ]);
    expect((a ?? 0) + (b ?? 0)).toBe(12);
    const ids = orders.map((order) => order.id);
    expect(await shop.prisma.order.count({ where: { id: { in: ids }, state: "CANCELLED" } })).toBe(12);
    expect(await shop.prisma.orderEvent.count({ where: { orderId: { in: ids }, toStatus: "CANCELLED" } })).toBe(12);
    expect(await shop.prisma.inventoryMovement.count({ where: { variantId, reason: "RELEASE" } })).toBe(12);
    expect(
      await shop.prisma.variant.findUniqueOrThrow({ where: { id: variantId }, select: { reserved: true } }),
    ).toEqual({ reserved: 0 });
    expect(calls.cancel.length).toBe(12);
    expect(new Set(calls.cancel).size).toBe(12);
  });

  it("sends each pending refund to the provider once, and retries one whose worker died when its lease runs out", async () => {
    const { orders } = await placeOrders(8, true);
    const refundIds = [];
    for (const order of orders) {
      refundIds.push(
        await shop.prisma.$transaction((tx) =>
          createRefund(tx, { orderId: order.id, amount: 500, reason: "Goodwill", actorId: null }),
        ),
      );
    }
    // Recorded two minutes ago, and never confirmed (the instance that made them went away).
    const past = new Date(Date.now() - 120_000);
    await shop.prisma.refund.updateMany({
      where: { id: { in: refundIds } },
      data: { createdAt: past, updatedAt: past },
    });
    // One of them is leased by a worker that is still working on it.
    const [leased, ...free] = refundIds;
    await shop.prisma
      .$executeRaw`UPDATE "Refund" SET "updatedAt" = now() + interval '5 minutes' WHERE "id" = ${leased}`;

    const calls = { cancel: [] as string[], refund: [] as string[] };
    const provider = countingProvider(createTestProvider(shop.prisma), calls);
    const [a, b] = await Promise.all([
      processPendingRefunds(shop.prisma, provider, URL),
      processPendingRefunds(shop.prisma, provider, URL),
    ]);
    expect((a ?? 0) + (b ?? 0)).toBe(7);
    expect(calls.refund.length).toBe(7);
    expect(new Set(calls.refund).size).toBe(7);
    expect(await shop.prisma.refund.count({ where: { id: { in: free }, status: "SUCCEEDED" } })).toBe(7);
    expect(await shop.prisma.refund.findUniqueOrThrow({ where: { id: leased }, select: { status: true } })).toEqual({
      status: "PENDING",
    });

    // That worker died: once its lease has run out, the next run picks the refund up.
    await shop.prisma.refund.update({ where: { id: leased }, data: { updatedAt: past } });
    expect(await processPendingRefunds(shop.prisma, provider, URL)).toBe(1);
    expect(await shop.prisma.refund.count({ where: { id: { in: refundIds }, status: "SUCCEEDED" } })).toBe(8);
    const paid = await shop.prisma.order.findMany({
      where: { id: { in: orders.map((order) => order.id) } },
      select: { refundedTotal: true },
    });
    expect(paid.every((order) => order.refundedTotal === 500)).toBe(true);
    expect(
      await shop.prisma.emailOutbox.count({ where: { template: "order-refunded", to: { startsWith: "jobs" } } }),
    ).toBe(8);
  });
});
