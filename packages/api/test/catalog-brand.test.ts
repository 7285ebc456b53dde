import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, setupTestShop } from "./support.ts";

describe("catalog.brand", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  it("names a brand and counts only the products on sale", async () => {
    const brand = await shop.make.brand("Northwind Audio");
    await shop.make.product({ brandId: brand.id });
    await shop.make.product({ brandId: brand.id });
    await shop.make.product({ brandId: brand.id, status: "DRAFT" });
    const { caller } = await callerFor(shop.prisma);
    expect(await caller.catalog.brand({ slug: "northwind-audio" })).toEqual({
      slug: "northwind-audio",
      name: "Northwind Audio",
      productCount: 2,
    });
  });

  it("answers NOT_FOUND for an unknown brand and BAD_REQUEST for a malformed slug", async () => {
    const { caller } = await callerFor(shop.prisma);
    await expect(caller.catalog.brand({ slug: "nobody-makes-this" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.catalog.brand({ slug: "Not A Slug" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
