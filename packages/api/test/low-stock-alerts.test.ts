import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

describe("low-stock alerts", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staff: Awaited<ReturnType<typeof callerFor>>["caller"];
  let staffEmail: string;
  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
    const member = await shop.make.user({ role: "STAFF" });
    staffEmail = member.email;
    await shop.make.user({ role: "STAFF", disabled: true });
    staff = (await callerFor(shop.prisma, { userId: member.id })).caller;
  });
  afterAll(() => shop.db.close());

  const buy = async (variantId: number, quantity: number) => {
    const shopper = await guestShopper(shop.prisma);
    await shopper.call((c) => c.cart.add({ variantId, quantity }));
    return shopper.call((c) => c.checkout.placeOrder(checkoutInput()));
  };
  const alerts = (sku: string) =>
    shop.prisma.emailOutbox.findMany({
      where: { template: "low-stock", subject: `Low stock: ${sku}` },
      select: { to: true, text: true },
      orderBy: { id: "asc" },
    });

  it("emails staff once when a checkout takes a variant to its threshold, not on later sales, and again after a restock and a new crossing", async () => {
    const product = await shop.make.product({
      name: "Alarm Clock",
      variants: [{ price: 1_500, stock: 10, sku: "ALERT-1" }],
    });
    const variantId = product.variants[0]?.id ?? 0;
    await staff.admin.inventory.setThreshold({ variantId, threshold: 5 });

    await buy(variantId, 4); // 6 available: above the threshold
    expect(await alerts("ALERT-1")).toEqual([]);
    await buy(variantId, 1); // 5 available: crossed
    const first = await alerts("ALERT-1");
    expect(first.map((email) => email.to)).toEqual([staffEmail]);
    expect(first[0]?.text).toContain("Alarm Clock, SKU ALERT-1: 5 available (threshold 5)");
    expect(
      (await shop.prisma.variant.findUniqueOrThrow({ where: { id: variantId }, select: { lowStockAlertedAt: true } }))
        .lowStockAlertedAt,
    ).not.toBeNull();

    await buy(variantId, 2);
    await buy(variantId, 1);
    expect(await alerts("ALERT-1")).toHaveLength(1);

    await staff.admin.inventory.adjust({ variantId, reason: "RESTOCK", delta: 10 }); // 12 available
    expect(
      (await shop.prisma.variant.findUniqueOrThrow({ where: { id: variantId }, select: { lowStockAlertedAt: true } }))
        .lowStockAlertedAt,
    ).toBeNull();
    expect(await alerts("ALERT-1")).toHaveLength(1);
    await buy(variantId, 7); // 5 available again
    expect(await alerts("ALERT-1")).toHaveLength(2);

    // A threshold still at or above what is available keeps the flag; one below re-arms it.
    const alertedAt = async () =>
      (await shop.prisma.variant.findUniqueOrThrow({ where: { id: variantId }, select: { lowStockAlertedAt: true } }))
        .lowStockAlertedAt;
    await staff.admin.inventory.setThreshold({ variantId, threshold: 5 });
    expect(await alertedAt()).not.toBeNull();
    await staff.admin.inventory.setThreshold({ variantId, threshold: 4 });
    expect(await alertedAt()).toBeNull();
  });

  it("uses the shop default threshold, and alerts for a manual adjustment that crosses it", async () => {
    await staff.admin.inventory.setDefaultThreshold({ threshold: 3 });
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 6, sku: "ALERT-2" }] });
    const variantId = product.variants[0]?.id ?? 0;
    await buy(variantId, 2); // 4 available
    expect(await alerts("ALERT-2")).toEqual([]);
    await staff.admin.inventory.adjust({ variantId, reason: "DAMAGE", delta: -1 }); // 3 available
    expect(await alerts("ALERT-2")).toHaveLength(1);
  });

  it("writes the alert in the checkout's transaction: a checkout that fails leaves no email", async () => {
    const product = await shop.make.product({
      variants: [
        { price: 1_000, stock: 4, sku: "ALERT-3" },
        { price: 1_000, stock: 1, sku: "ALERT-3B" },
      ],
    });
    const [low, scarce] = product.variants;
    const shopper = await guestShopper(shop.prisma);
    await shopper.call((c) => c.cart.add({ variantId: low?.id ?? 0, quantity: 2 }));
    await shopper.call((c) => c.cart.add({ variantId: scarce?.id ?? 0, quantity: 1 }));
    // Someone else takes the last unit of the second line after it went into the cart.
    await shop.prisma.variant.update({ where: { id: scarce?.id ?? 0 }, data: { reserved: 1 } });
    await expect(shopper.call((c) => c.checkout.placeOrder(checkoutInput()))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await alerts("ALERT-3")).toEqual([]);
    expect(
      await shop.prisma.variant.findUniqueOrThrow({
        where: { id: low?.id ?? 0 },
        select: { reserved: true, lowStockAlertedAt: true },
      }),
    ).toEqual({ reserved: 0, lowStockAlertedAt: null });
  });
});
