import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guestShopper } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

describe("the cart", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  it("gives a guest an opaque HttpOnly cart cookie and keeps carts apart", async () => {
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 5 }] });
    const alice = await guestShopper(shop.prisma);
    const bob = await guestShopper(shop.prisma);
    await alice.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0, quantity: 2 }));
    expect(alice.cartToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await bob.call((c) => c.cart.get())).itemCount).toBe(0);
    expect((await alice.call((c) => c.cart.get())).itemCount).toBe(2);
  });

  it("adds, changes, removes and clears, never beyond the stock or 10 of an item", async () => {
    const product = await shop.make.product({
      variants: [
        { price: 1_500, stock: 3 },
        { price: 700, stock: 50 },
      ],
    });
    const [scarce, plenty] = product.variants;
    const guest = await guestShopper(shop.prisma);
    let cart = await guest.call((c) => c.cart.add({ variantId: scarce?.id ?? 0, quantity: 2 }));
    await expect(guest.call((c) => c.cart.add({ variantId: scarce?.id ?? 0, quantity: 2 }))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Only 3 left in stock",
    });
    await expect(guest.call((c) => c.cart.add({ variantId: plenty?.id ?? 0, quantity: 11 }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    cart = await guest.call((c) => c.cart.add({ variantId: plenty?.id ?? 0, quantity: 4 }));
    expect(cart).toMatchObject({ itemCount: 6, subtotal: 2 * 1_500 + 4 * 700 });
    const line = cart.items.find((item) => item.variantId === plenty?.id);
    cart = await guest.call((c) => c.cart.setQuantity({ itemId: line?.id ?? 0, quantity: 1 }));
    expect(cart.subtotal).toBe(3_000 + 700);
    cart = await guest.call((c) => c.cart.remove({ itemId: line?.id ?? 0 }));
    expect(cart.items).toHaveLength(1);
    await expect(guest.call((c) => c.cart.remove({ itemId: line?.id ?? 0 }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    cart = await guest.call((c) => c.cart.clear());
    expect(cart).toMatchObject({ itemCount: 0, subtotal: 0 });
  });

  it("says when a price changed or an item went out of stock since it was added", async () => {
    const product = await shop.make.product({ variants: [{ price: 2_000, stock: 2 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId, quantity: 2 }));
    await shop.prisma.variant.update({ where: { id: variantId }, data: { price: 1_800 } });
    let cart = await guest.call((c) => c.cart.get());
    expect(cart.items[0]).toMatchObject({ unitPrice: 1_800, previousPrice: 2_000, problem: null });
    expect(cart.subtotal).toBe(3_600);
    await shop.prisma.variant.update({ where: { id: variantId }, data: { stockOnHand: 1 } });
    cart = await guest.call((c) => c.cart.get());
    expect(cart.items[0]).toMatchObject({ problem: "INSUFFICIENT_STOCK", available: 1 });
    expect(cart.canCheckout).toBe(false);
    await shop.prisma.variant.update({ where: { id: variantId }, data: { stockOnHand: 0 } });
    expect((await guest.call((c) => c.cart.get())).items[0]?.problem).toBe("OUT_OF_STOCK");
    await shop.prisma.product.update({ where: { id: product.id }, data: { status: "ARCHIVED" } });
    expect((await guest.call((c) => c.cart.get())).items[0]?.problem).toBe("UNAVAILABLE");
  });

  it("merges the guest cart into the account's on sign-in, summing quantities capped by stock", async () => {
    const password = "merge carts passphrase";
    const user = await shop.make.user({ password });
    const product = await shop.make.product({
      variants: [
        { price: 1_000, stock: 4 },
        { price: 500, stock: 9 },
      ],
    });
    const [a, b] = product.variants;
    const signedIn = await callerFor(shop.prisma, { userId: user.id });
    await signedIn.caller.cart.add({ variantId: a?.id ?? 0, quantity: 3 });
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId: a?.id ?? 0, quantity: 3 }));
    await guest.call((c) => c.cart.add({ variantId: b?.id ?? 0, quantity: 2 }));
    await guest.call((c) => c.auth.signIn({ email: user.email, password }));
    expect(guest.cartToken).toBeNull();
    const merged = await signedIn.caller.cart.get();
    expect(merged.items.map((item) => [item.variantId, item.quantity])).toEqual([
      [a?.id, 4],
      [b?.id, 2],
    ]);
    expect(await shop.prisma.cart.count({ where: { userId: null } })).toBe(
      await shop.prisma.cart.count({ where: { userId: null, tokenHash: { not: null } } }),
    );
  });

  it("refuses cart changes from another site (CSRF on the cart cookie)", async () => {
    const product = await shop.make.product();
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0 }));
    const evil = await callerFor(shop.prisma, {
      request: { cartToken: guest.cartToken, origin: "https://evil.example" },
    });
    await expect(evil.caller.cart.clear()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
