import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, setupTestShop } from "./support.ts";

describe("catalog.list", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  it("shows active products with brand, price range and primary image, never drafts or archived ones", async () => {
    const brand = await shop.make.brand("Visible");
    const active = await shop.make.product({ name: "Shown Phone", brandId: brand.id, variants: [{ price: 19_900 }, { price: 24_900 }] });
    await shop.prisma.productImage.create({ data: { productId: active.id, path: "products/shown.svg", alt: "Shown Phone", width: 800, height: 800 } });
    await shop.make.product({ name: "Hidden Draft", status: "DRAFT" });
    await shop.make.product({ name: "Hidden Archived", status: "ARCHIVED" });
    const { caller } = await callerFor(shop.prisma);
    const page = await caller.catalog.list({ limit: 50 });
    const names = page.items.map((item) => item.name);
    expect(names).toContain("Shown Phone");
    expect(names).not.toContain("Hidden Draft");
    expect(names).not.toContain("Hidden Archived");
    expect(page.items.find((item) => item.name === "Shown Phone")).toMatchObject({
      brand: { name: "Visible" },
      price: { min: 19_900, max: 24_900, currency: "USD" },
      inStock: true,
      image: { url: "/media/products/shown.svg", width: 800, height: 800 },
    });
  });

  it("pages newest first with a cursor, without duplicates or gaps", async () => {
    const base = Date.now() - 1_000_000;
    for (let i = 0; i < 7; i++) await shop.make.product({ name: `Paged ${i}`, createdAt: new Date(base + i * 1000) });
    const { caller } = await callerFor(shop.prisma);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.catalog.list({ limit: 3, cursor });
      seen.push(...page.items.map((item) => item.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const paged = seen.filter((name) => name.startsWith("Paged"));
    expect(paged).toEqual(["Paged 6", "Paged 5", "Paged 4", "Paged 3", "Paged 2", "Paged 1", "Paged 0"]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("rejects a forged cursor with BAD_REQUEST and unknown input keys", async () => {
    const { caller } = await callerFor(shop.prisma);
    await expect(caller.catalog.list({ limit: 3, cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // @ts-expect-error: input schemas are strict
    await expect(caller.catalog.list({ limit: 3, price: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
