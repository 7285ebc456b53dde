import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

describe("coupons", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let admin: number;
  let staff: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
    admin = (await shop.make.user({ role: "ADMIN" })).id;
    staff = (await shop.make.user({ role: "STAFF" })).id;
  });
  afterAll(() => shop.db.close());

  const create = async (
    coupon: Parameters<Awaited<ReturnType<typeof callerFor>>["caller"]["admin"]["coupons"]["create"]>[0],
  ) => (await callerFor(shop.prisma, { userId: admin })).caller.admin.coupons.create(coupon);

  it("applies in the cart, shows the discount, and says why when it does not apply", async () => {
    await create({ code: "tenoff", type: "PERCENTAGE", value: 10 });
    await create({ code: "BIGSPEND", type: "FIXED_AMOUNT", value: 1_000, minSubtotal: 20_000 });
    await create({
      code: "OLD",
      type: "PERCENTAGE",
      value: 5,
      startsAt: new Date("2020-01-01"),
      endsAt: new Date("2020-02-01"),
    });
    const product = await shop.make.product({ variants: [{ price: 5_000, stock: 10 }] });
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0 }));
    let cart = await guest.call((c) => c.cart.applyCoupon({ code: "TenOff" }));
    expect(cart).toMatchObject({
      coupon: { code: "TENOFF", applied: true, message: null },
      subtotal: 5_000,
      discount: 500,
      total: 4_500,
    });
    cart = await guest.call((c) => c.cart.applyCoupon({ code: "BIGSPEND" }));
    expect(cart).toMatchObject({
      coupon: { applied: false, message: "Spend $150.00 more to use this code." },
      discount: 0,
    });
    cart = await guest.call((c) => c.cart.applyCoupon({ code: "OLD" }));
    expect(cart.coupon?.message).toBe("This code has expired.");
    await expect(guest.call((c) => c.cart.applyCoupon({ code: "NOPE" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "We don't recognise this code.",
    });
    cart = await guest.call((c) => c.cart.removeCoupon());
    expect(cart.coupon).toBeNull();
  });

  it("discounts the order, records the redemption, and counts it against a per-customer limit", async () => {
    await create({ code: "ONCEEACH", type: "FIXED_AMOUNT", value: 700, perCustomerLimit: 1 });
    const product = await shop.make.product({ variants: [{ price: 3_000, stock: 10 }] });
    const buy = async (email: string) => {
      const guest = await guestShopper(shop.prisma);
      await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0 }));
      await guest.call((c) => c.cart.applyCoupon({ code: "ONCEEACH" }));
      return guest.call((c) => c.checkout.placeOrder(checkoutInput({ email })));
    };
    const first = await buy("repeat@example.com");
    expect(first.order.total).toBe(3_000 - 700 + 500 + Math.round((3_000 - 700 + 500) * 0.0625));
    await expect(buy("repeat@example.com")).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("You have already used this code."),
    });
    await expect(buy("someone.else@example.com")).resolves.toBeTruthy();
    const redemptions = await shop.prisma.couponRedemption.findMany({
      where: { coupon: { code: "ONCEEACH" } },
      select: { email: true, discountAmount: true },
    });
    expect(redemptions).toHaveLength(2);
  });

  it("frees a use when the order is cancelled, and reports redemptions and revenue to staff", async () => {
    const coupon = await create({ code: "REPORTED", type: "PERCENTAGE", value: 20, usageLimit: 5 });
    const product = await shop.make.product({ variants: [{ price: 10_000, stock: 10 }] });
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0 }));
    await guest.call((c) => c.cart.applyCoupon({ code: "REPORTED" }));
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email: "report@example.com" })));
    await guest.call((c) =>
      c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
    );
    const { caller } = await callerFor(shop.prisma, { userId: staff });
    const stats = await caller.admin.coupons.get({ id: coupon.id });
    expect(stats).toMatchObject({ usageCount: 1, redemptions: 1, discountTotal: 2_000, revenue: placed.order.total });
    await guest.call((c) => c.orders.cancel({ number: placed.order.number, key: placed.key }));
    expect(await caller.admin.coupons.get({ id: coupon.id })).toMatchObject({ usageCount: 0, redemptions: 0 });
  });

  it("lets staff edit coupons but not their usage limits", async () => {
    const { caller } = await callerFor(shop.prisma, { userId: staff });
    const mine = await caller.admin.coupons.create({ code: "STAFFMADE", type: "FREE_SHIPPING" });
    await expect(
      caller.admin.coupons.create({ code: "LIMITED", type: "FREE_SHIPPING", usageLimit: 10 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      caller.admin.coupons.update({ id: mine.id, coupon: { code: "STAFFMADE", type: "FREE_SHIPPING", usageLimit: 3 } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      caller.admin.coupons.update({
        id: mine.id,
        coupon: { code: "STAFFMADE", type: "FREE_SHIPPING", description: "Free delivery" },
      }),
    ).resolves.toMatchObject({ description: "Free delivery" });
    await expect(caller.admin.coupons.create({ code: "STAFFMADE", type: "FREE_SHIPPING" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(caller.admin.coupons.create({ code: "BADPCT", type: "PERCENTAGE", value: 150 })).rejects.toMatchObject(
      { code: "BAD_REQUEST" },
    );
    expect(await caller.admin.coupons.setActive({ id: mine.id, active: false })).toEqual({
      id: mine.id,
      active: false,
    });
    expect(await shop.prisma.auditLog.count({ where: { entityType: "Coupon", entityId: String(mine.id) } })).toBe(3);
  });
});
