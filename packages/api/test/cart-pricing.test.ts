import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

// The cart page, the checkout quote and the placed order price a cart with one function
// (services/pricing/price-cart.ts). This cart exercises every part of it at once (a coupon scoped
// to a parent category with a per-customer limit, a line not eligible for it, a product taken off
// sale, shipping and tax), and the three must agree to the unit.

describe("one price from the cart to the order", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
  });
  afterAll(() => shop.db.close());

  it("shows in the cart and the quote what the order charges", async () => {
    const audio = await shop.make.category({ name: "Audio" });
    const earbuds = await shop.make.category({ name: "Earbuds", parentId: audio.id });
    const eligible = await shop.make.product({ categoryId: earbuds.id, variants: [{ price: 2_333, stock: 9 }] });
    const other = await shop.make.product({ variants: [{ price: 999, stock: 9 }] });
    const withdrawn = await shop.make.product({ categoryId: earbuds.id, variants: [{ price: 900, stock: 9 }] });
    const { caller: admin } = await callerFor(shop.prisma, { userId: (await shop.make.user({ role: "ADMIN" })).id });
    await admin.admin.coupons.create({
      code: "AUDIO15",
      type: "PERCENTAGE",
      value: 15,
      categoryIds: [audio.id],
      perCustomerLimit: 1,
    });

    const guest = await guestShopper(shop.prisma);
    const variant = (product: { variants: Array<{ id: number }> }) => product.variants[0]?.id ?? 0;
    await guest.call((c) => c.cart.add({ variantId: variant(eligible), quantity: 3 }));
    await guest.call((c) => c.cart.add({ variantId: variant(other), quantity: 2 }));
    await guest.call((c) => c.cart.add({ variantId: variant(withdrawn), quantity: 1 }));
    await guest.call((c) => c.cart.applyCoupon({ code: "audio15" }));
    await shop.prisma.product.update({ where: { id: withdrawn.id }, data: { status: "ARCHIVED" } });

    const cart = await guest.call((c) => c.cart.get());
    const subtotal = 3 * 2_333 + 2 * 999;
    const discount = Math.round((3 * 2_333 * 15) / 100);
    expect(cart).toMatchObject({ subtotal, discount, total: subtotal - discount, coupon: { applied: true } });

    const quote = await guest.call((c) =>
      c.checkout.quote({ country: "US", region: "TX", shippingMethod: "standard" }),
    );
    expect(quote).toMatchObject({ subtotal: cart.subtotal, discount: cart.discount, shipping: 500 });
    expect(quote.total).toBe(quote.subtotal - quote.discount + quote.shipping + quote.tax);

    // Placing the order refuses the withdrawn line first; without it, it charges the quote.
    await expect(guest.call((c) => c.checkout.placeOrder(checkoutInput()))).rejects.toThrow(/no longer sold/);
    const line = cart.items.find((item) => item.variantId === variant(withdrawn));
    await guest.call((c) => c.cart.remove({ itemId: line?.id ?? 0 }));
    expect(await guest.call((c) => c.checkout.quote({ country: "US", region: "TX" }))).toEqual(quote);
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput()));
    const order = await shop.prisma.order.findUniqueOrThrow({
      where: { number: placed.order.number },
      select: { subtotal: true, discountTotal: true, shippingTotal: true, taxTotal: true, total: true },
    });
    expect(order).toEqual({
      subtotal: quote.subtotal,
      discountTotal: quote.discount,
      shippingTotal: quote.shipping,
      taxTotal: quote.tax,
      total: quote.total,
    });
  });
});
