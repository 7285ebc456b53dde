import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

// Stock adjustments racing real checkouts on PostgreSQL, where the transactions truly overlap:
// a restock must add exactly its units to whatever the checkouts left, never overwrite them.

const settle = (promise: Promise<unknown>) =>
  promise.then(
    () => true,
    () => false,
  );

describe("stock adjustments under concurrency with checkout", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop({ poolSize: 30 });
    await setupCheckoutReference(shop.prisma);
  });
  afterAll(() => shop.db.close());

  it("loses no units when restocks, damage and CSV deltas race 60 checkouts of the same variant", async () => {
    const staffId = (await shop.make.user({ role: "STAFF" })).id;
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 20, sku: "RACE-STOCK" }] });
    const variantId = product.variants[0]?.id ?? 0;
    const shoppers = await Promise.all(Array.from({ length: 60 }, () => guestShopper(shop.prisma)));
    for (const shopper of shoppers) await shopper.call((c) => c.cart.add({ variantId, quantity: 1 }));
    const staff = await Promise.all(
      Array.from({ length: 16 }, async () => (await callerFor(shop.prisma, { userId: staffId })).caller),
    );

    const checkouts = shoppers.map((s, i) =>
      settle(s.call((c) => c.checkout.placeOrder(checkoutInput({ email: `stockrace${i}@example.com` })))),
    );
    const restocks = staff
      .slice(0, 10)
      .map((c) => settle(c.admin.inventory.adjust({ variantId, reason: "RESTOCK", delta: 3, note: "Race" })));
    const damages = staff
      .slice(10, 14)
      .map((c) => settle(c.admin.inventory.adjust({ variantId, reason: "DAMAGE", delta: -1 })));
    const imports = staff.slice(14).map((c) =>
      c.admin.inventory.importCsv({ csv: "sku,delta\nRACE-STOCK,2\n" }).then(
        (r) => r.ok && r.applied,
        () => false,
      ),
    );
    const [sold, restocked, damaged, imported] = await Promise.all([
      Promise.all(checkouts),
      Promise.all(restocks),
      Promise.all(damages),
      Promise.all(imports),
    ]);

    const count = (results: boolean[]) => results.filter(Boolean).length;
    expect(count(restocked)).toBe(10);
    expect(count(imported)).toBe(2);
    const expectedOnHand = 20 + 3 * count(restocked) + 2 * count(imported) - count(damaged);
    const variant = await shop.prisma.variant.findUniqueOrThrow({
      where: { id: variantId },
      select: { stockOnHand: true, reserved: true, lowStockAlertedAt: true },
    });
    expect(variant.stockOnHand).toBe(expectedOnHand);
    expect(variant.reserved).toBe(count(sold));
    expect(variant.reserved).toBeLessThanOrEqual(variant.stockOnHand);
    expect(await shop.prisma.orderItem.aggregate({ where: { variantId }, _sum: { quantity: true } })).toMatchObject({
      _sum: { quantity: count(sold) },
    });
    // At least the original 20 sold: a checkout only fails when nothing was available.
    expect(count(sold)).toBeGreaterThanOrEqual(20);

    const movements = await shop.prisma.inventoryMovement.aggregate({
      where: { variantId },
      _sum: { delta: true, reservedDelta: true },
      _count: true,
    });
    expect(movements._sum).toEqual({ delta: expectedOnHand - 20, reservedDelta: count(sold) });
    expect(movements._count).toBe(count(sold) + count(restocked) + count(damaged) + count(imported));
    // Every movement's levels are a state the variant really passed through.
    const levels = await shop.prisma.inventoryMovement.findMany({
      where: { variantId },
      select: { stockAfter: true, reservedAfter: true },
    });
    expect(levels.every((level) => level.reservedAfter <= level.stockAfter && level.reservedAfter >= 0)).toBe(true);
    expect(new Set(levels.map((level) => level.reservedAfter)).size).toBeGreaterThanOrEqual(count(sold));
    // The alert flag agrees with the final level (default threshold 5).
    expect(variant.lowStockAlertedAt === null).toBe(variant.stockOnHand - variant.reserved > 5);
  }, 180_000);

  it("sends one low-stock alert when 30 simultaneous checkouts cross the threshold together", async () => {
    const staffEmail = (await shop.make.user({ role: "STAFF" })).email;
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 40, sku: "RACE-ALERT" }] });
    const variantId = product.variants[0]?.id ?? 0;
    await shop.prisma.variant.update({ where: { id: variantId }, data: { lowStockThreshold: 25 } });
    const shoppers = await Promise.all(Array.from({ length: 30 }, () => guestShopper(shop.prisma)));
    for (const shopper of shoppers) await shopper.call((c) => c.cart.add({ variantId, quantity: 1 }));
    const sold = await Promise.all(
      shoppers.map((s, i) =>
        settle(s.call((c) => c.checkout.placeOrder(checkoutInput({ email: `alertrace${i}@example.com` })))),
      ),
    );
    expect(sold.every(Boolean)).toBe(true);
    const alerts = await shop.prisma.emailOutbox.findMany({
      where: { template: "low-stock", subject: "Low stock: RACE-ALERT", to: staffEmail },
      select: { text: true },
    });
    expect(alerts).toHaveLength(1);
    // The checkout that crossed is the one that left exactly the threshold available.
    expect(alerts[0]?.text).toContain("SKU RACE-ALERT: 25 available (threshold 25)");
  }, 180_000);
});
