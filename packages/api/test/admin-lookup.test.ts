import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, setupTestShop } from "./support.ts";

describe("admin lookups: one typed search a kind of record, behind every picker", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staffId: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    staffId = (await shop.make.user({ role: "STAFF", email: "picker.staff@shop.test" })).id;
  });
  afterAll(() => shop.db.close());

  it("finds products, variants, categories, brands, customers and orders by what staff know them by", async () => {
    const brand = await shop.make.brand("Lookup Lighthouse");
    const fan = await shop.make.brand("A Lookup Lighthouse Fan");
    const parent = await shop.make.category({ name: "Lookup Home" });
    const category = await shop.make.category({ name: "Lookup Lamps", parentId: parent.id });
    const product = await shop.make.product({
      name: "Lookup Desk Lamp",
      brandId: brand.id,
      categoryId: category.id,
      variants: [{ price: 2_000, sku: "LOOKUP-LAMP-1" }],
    });
    const customer = await shop.make.user({ name: "Lookup Person", email: "lookup.person@example.org" });
    const { caller } = await callerFor(shop.prisma, { userId: staffId });

    expect(await caller.admin.lookup.products({ query: "desk lamp" })).toEqual([
      { id: product.id, label: "Lookup Desk Lamp", detail: "active", image: null },
    ]);
    expect((await caller.admin.lookup.products({ query: "lookup-lamp" }))[0]?.detail).toBe("SKU LOOKUP-LAMP-1");
    expect(await caller.admin.lookup.variants({ query: "LOOKUP-LAMP" })).toEqual([
      { id: product.variants[0]?.id, label: "Lookup Desk Lamp", detail: "SKU LOOKUP-LAMP-1", image: null },
    ]);
    expect(await caller.admin.lookup.categories({ query: "lamps" })).toEqual([
      { id: category.id, label: "Lookup Lamps", detail: "in Lookup Home · 1 products", image: null },
    ]);
    // A name that starts with what was typed comes before one that only contains it.
    expect((await caller.admin.lookup.brands({ query: "lookup lighthouse" })).map((row) => row.id)).toEqual([
      brand.id,
      fan.id,
    ]);
    expect(await caller.admin.lookup.customers({ query: "Lookup Person" })).toEqual([
      { id: customer.id, label: "lookup.person@example.org", detail: "Lookup Person · customer", image: null },
    ]);
    expect(await caller.admin.lookup.orders({ query: "#999999" })).toEqual([]);
  });

  it("returns the chosen records by id, so a form shows names instead of numbers", async () => {
    const a = await shop.make.product({ name: "Lookup Chosen A" });
    const b = await shop.make.product({ name: "Lookup Chosen B" });
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    const chosen = await caller.admin.lookup.products({ ids: [b.id, a.id] });
    expect(chosen.map((row) => row.label)).toEqual(["Lookup Chosen A", "Lookup Chosen B"]);
  });

  it("is for staff only and rejects a long query", async () => {
    const customer = await shop.make.user();
    const { caller: shopper } = await callerFor(shop.prisma, { userId: customer.id });
    await expect(shopper.admin.lookup.customers({ query: "a" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    await expect(caller.admin.lookup.products({ query: "x".repeat(101) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
