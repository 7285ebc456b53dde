import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, setupTestShop } from "./support.ts";

describe("wishlist", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  it("saves products (one entry each), lists them with today's price and stock, and removes them", async () => {
    const user = await shop.make.user();
    const { caller } = await callerFor(shop.prisma, { userId: user.id });
    const phone = await shop.make.product({
      name: "Saved Phone",
      variants: [
        { price: 50_000, stock: 3 },
        { price: 60_000, stock: 0 },
      ],
    });
    await caller.wishlist.add({ productId: phone.id });
    await caller.wishlist.add({ productId: phone.id, variantId: phone.variants[1]?.id });
    expect(await caller.wishlist.ids()).toEqual([phone.id]);
    const [item] = await caller.wishlist.list();
    expect(item).toMatchObject({
      name: "Saved Phone",
      variantTitle: "",
      price: 60_000,
      inStock: false,
      priceDropped: false,
      backInStock: false,
    });
    await shop.prisma.variant.update({
      where: { id: phone.variants[1]?.id ?? 0 },
      data: { price: 55_000, stockOnHand: 2 },
    });
    expect((await caller.wishlist.list())[0]).toMatchObject({
      price: 55_000,
      inStock: true,
      priceDropped: true,
      backInStock: true,
    });
    await caller.wishlist.remove({ productId: phone.id });
    expect(await caller.wishlist.list()).toEqual([]);
  });

  it("moves a saved product into the cart", async () => {
    const user = await shop.make.user();
    const { caller } = await callerFor(shop.prisma, { userId: user.id });
    const single = await shop.make.product({ variants: [{ price: 2_000, stock: 4 }] });
    const multi = await shop.make.product({
      variants: [
        { price: 1_000, stock: 4 },
        { price: 1_500, stock: 4 },
      ],
    });
    await caller.wishlist.add({ productId: single.id });
    await caller.wishlist.add({ productId: multi.id });
    await caller.wishlist.moveToCart({ productId: single.id });
    expect((await caller.cart.get()).items.map((i) => i.variantId)).toEqual([single.variants[0]?.id]);
    await expect(caller.wishlist.moveToCart({ productId: multi.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await caller.wishlist.ids()).toEqual([multi.id]);
  });

  it("is each shopper's own, and refuses drafts", async () => {
    const alice = await callerFor(shop.prisma, { userId: (await shop.make.user()).id });
    const bob = await callerFor(shop.prisma, { userId: (await shop.make.user()).id });
    const product = await shop.make.product();
    await alice.caller.wishlist.add({ productId: product.id });
    expect(await bob.caller.wishlist.list()).toEqual([]);
    await bob.caller.wishlist.remove({ productId: product.id });
    expect(await alice.caller.wishlist.ids()).toEqual([product.id]);
    const draft = await shop.make.product({ status: "DRAFT" });
    await expect(alice.caller.wishlist.add({ productId: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
