import type { CatalogSort } from "@shop/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProduct } from "./catalog-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

// Keyset pages stay exact while products are added between requests: every product that
// existed when paging started is seen exactly once, whatever sorts before or after the cursor.
describe("catalog pagination under inserts", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let brandId: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    brandId = (await shop.make.brand("Pager")).id;
    for (let i = 0; i < 12; i++) {
      await makeProduct(shop.prisma, {
        name: `Pager item ${i}`,
        brandId,
        // Duplicate prices, sales and timestamps force the id tie-break to do its job.
        prices: 1_000 + (i % 4) * 500,
        unitsSold: i % 3,
        ratings: i % 2 ? [4, 5] : [3],
        createdAt: new Date(Date.UTC(2026, 1, 1 + (i % 5))),
      });
    }
  });
  afterAll(() => shop.db.close());

  const sorts: CatalogSort[] = ["newest", "price_asc", "price_desc", "best_selling", "rating", "relevance"];
  it.each(sorts)("sort %s: no duplicates and no gaps across pages", async (sort) => {
    const { caller } = await callerFor(shop.prisma);
    const q = sort === "relevance" ? "pager" : undefined;
    const before = (await caller.catalog.list({ q, sort, brands: ["pager"], limit: 100 })).items.map((item) => item.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      const page: Awaited<ReturnType<typeof caller.catalog.list>> = await caller.catalog.list({
        q,
        sort,
        brands: ["pager"],
        limit: 5,
        cursor,
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      // New products on both sides of the cursor: cheapest, dearest, newest, oldest, best and worst sellers.
      await makeProduct(shop.prisma, {
        name: `Pager late ${sort} ${inserted++}`,
        brandId,
        prices: inserted % 2 ? 100 : 90_000,
        unitsSold: inserted % 2 ? 1_000 : 0,
        ratings: inserted % 2 ? [5] : [1],
        createdAt: new Date(Date.UTC(2026, inserted % 2 ? 11 : 0, 1)),
      });
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
  });
});
