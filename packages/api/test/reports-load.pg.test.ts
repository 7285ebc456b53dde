import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summaryAgainstRebuild } from "./reports-fixtures.ts";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

// The summary's increments under real overlap (PostgreSQL, a pool wide enough for every call to
// run in its own transaction): payments, refunds and cancellations of 40 orders of the same day
// through the shop's own services, including a refund and a cancellation of the same order at
// once. Whatever interleaving happened, the kept summary must equal a from-scratch aggregation.

const settle = (promise: Promise<unknown>) =>
  promise.then(
    () => true,
    () => false,
  );

describe("sales summary under a burst of same-day payments, refunds and cancellations", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop({ poolSize: 40 });
    await setupCheckoutReference(shop.prisma);
  });
  afterAll(() => shop.db.close());

  it("stays equal to a from-scratch aggregation", async () => {
    const staffId = (await shop.make.user({ role: "STAFF" })).id;
    // Two products shared by every order, so the same SalesDayProduct rows are contended too.
    const products = await Promise.all(
      [1_200, 3_400].map((price) => shop.make.product({ variants: [{ price, stock: 500 }] })),
    );
    const variantIds = products.map((product) => product.variants[0]?.id ?? 0);

    const placed = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const guest = await guestShopper(shop.prisma);
        for (const [index, variantId] of variantIds.entries()) {
          if (index === 0 || i % 2 === 0) await guest.call((c) => c.cart.add({ variantId, quantity: 1 + (i % 3) }));
        }
        const result = await guest.call((c) =>
          c.checkout.placeOrder(checkoutInput({ email: `burst${i}@example.com` })),
        );
        const pay = () =>
          guest.call((c) =>
            c.payments.testConfirm({ clientSecret: result.payment?.clientSecret ?? "", ...card("4242424242424242") }),
          );
        const { id } = await shop.prisma.order.findUniqueOrThrow({
          where: { number: result.order.number },
          select: { id: true },
        });
        return { id, pay };
      }),
    );
    // Half are paid beforehand (to be refunded or cancelled in the burst), half pay during it.
    const early = placed.slice(0, 20);
    const late = placed.slice(20);
    for (const order of early) await order.pay();
    const staff = await Promise.all(
      Array.from({ length: 30 }, async () => (await callerFor(shop.prisma, { userId: staffId })).caller),
    );
    const staffFor = (i: number) => {
      const caller = staff[i % staff.length];
      if (!caller) throw new Error("no staff caller");
      return caller;
    };

    const before = await shop.prisma.salesDay.aggregate({ _sum: { orders: true } });
    expect(before._sum.orders).toBe(20);

    const burst = [
      ...late.map((order) => settle(order.pay())),
      ...early
        .slice(0, 8)
        .map((order, i) =>
          settle(
            staffFor(i).admin.orders.refund({ orderId: order.id, amount: 500 + i, restock: false, reason: "Goodwill" }),
          ),
        ),
      ...early
        .slice(8, 14)
        .map((order, i) =>
          settle(staffFor(8 + i).admin.orders.cancel({ orderId: order.id, reason: "Customer asked" })),
        ),
      // Refund and cancel the same order at once: whichever wins, its refund may not linger.
      ...early.slice(14).flatMap((order, i) => [
        settle(
          staffFor(14 + i).admin.orders.refund({
            orderId: order.id,
            amount: 300,
            restock: false,
            reason: "Goodwill",
          }),
        ),
        settle(staffFor(20 + i).admin.orders.cancel({ orderId: order.id, reason: "Customer asked" })),
      ]),
    ];
    const outcomes = await Promise.all(burst);
    // Every payment and every lone refund or cancellation goes through.
    expect(outcomes.slice(0, 34).every(Boolean)).toBe(true);

    const { kept, rebuilt } = await summaryAgainstRebuild(shop.prisma);
    expect(kept).toEqual(rebuilt);
    // And the rebuild itself agrees with the orders: 20 paid in the burst, 20 before, at least
    // the 6 lone cancellations gone.
    const counted = await shop.prisma.order.count({
      where: { paidAt: { not: null }, state: { not: "CANCELLED" } },
    });
    const after = await shop.prisma.salesDay.aggregate({ _sum: { orders: true, refundCount: true } });
    expect(after._sum.orders).toBe(counted);
    expect(counted).toBeLessThanOrEqual(34);
    expect(after._sum.refundCount).toBeGreaterThanOrEqual(8);
  }, 180_000);
});
