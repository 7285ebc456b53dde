import type { CatalogSort } from "@shop/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PER_CATEGORY_MAX } from "../src/services/catalog/category-cards.ts";
import { makeProduct } from "./catalog-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

// Category listings read each category of the subtree along its own index and merge the pages
// (small subtrees), or walk the shop-wide index (subtrees of more than PER_CATEGORY_MAX
// categories). Either way every page, followed by its cursor, must list exactly what sorting the
// subtree's matching products would.
describe("category listings read category by category", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  const sorts: Array<Exclude<CatalogSort, "relevance">> = [
    "newest",
    "price_asc",
    "price_desc",
    "best_selling",
    "rating",
  ];

  beforeAll(async () => {
    shop = await setupTestShop();
    const category = (slug: string, parentId: number | null = null) =>
      shop.prisma.category.create({ data: { slug, name: slug, parentId }, select: { id: true } });
    const gear = await category("gear");
    const packs = await category("packs", gear.id);
    const tents = await category("tents", gear.id);
    const ultralight = await category("ultralight", packs.id);
    const elsewhere = await category("elsewhere");
    const wide = await category("wide");
    const leaves = [];
    for (let i = 0; i <= PER_CATEGORY_MAX; i++) leaves.push(await category(`wide-${i}`, wide.id));
    let n = 0;
    // Shared prices, sales, ratings and timestamps: the id tie-break decides, across categories.
    const add = (categoryId: number) =>
      makeProduct(shop.prisma, {
        name: `Item ${n}`,
        categoryId,
        status: n % 11 === 5 ? "DRAFT" : "ACTIVE",
        prices: 1_000 + (n % 5) * 500,
        stock: n % 4 === 3 ? 0 : 5,
        unitsSold: n % 3,
        ratings: n % 2 ? [4, 5] : [3],
        createdAt: new Date(Date.UTC(2026, 1, 1 + (n++ % 6))),
      });
    for (const id of [gear.id, packs.id, tents.id, ultralight.id, elsewhere.id]) {
      for (let i = 0; i < 9; i++) await add(id);
    }
    for (const leaf of leaves) await add(leaf.id);
    await add(wide.id);
  });
  afterAll(() => shop.db.close());

  async function reference(slug: string, filters: { inStock?: boolean; priceMin?: number; priceMax?: number }) {
    const categories = await shop.prisma.category.findMany({ select: { id: true, slug: true, parentId: true } });
    const subtree = new Set(categories.filter((c) => c.slug === slug).map((c) => c.id));
    for (let grew = true; grew;) {
      grew = false;
      for (const c of categories) {
        if (c.parentId !== null && subtree.has(c.parentId) && !subtree.has(c.id)) grew = !!subtree.add(c.id);
      }
    }
    const rows = await shop.prisma.product.findMany({
      where: { status: "ACTIVE", categoryId: { in: [...subtree] } },
      select: { id: true, createdAt: true, priceMin: true, unitsSold: true, ratingAverage: true, inStock: true },
    });
    const kept = rows.filter(
      (row) =>
        (!filters.inStock || row.inStock) &&
        (filters.priceMin === undefined || row.priceMin >= filters.priceMin) &&
        (filters.priceMax === undefined || row.priceMin <= filters.priceMax),
    );
    const by = (key: (row: (typeof kept)[number]) => number, descending: boolean, idDescending = false) =>
      kept
        .sort((a, b) => (descending ? key(b) - key(a) : key(a) - key(b)) || (idDescending ? b.id - a.id : a.id - b.id))
        .map((row) => row.id);
    return {
      newest: () => by((row) => row.createdAt.getTime(), true),
      price_asc: () => by((row) => row.priceMin, false),
      price_desc: () => by((row) => row.priceMin, true, true),
      best_selling: () => by((row) => row.unitsSold, true),
      rating: () => by((row) => row.ratingAverage, true),
    };
  }

  const cases = [
    { slug: "gear", filters: {} },
    { slug: "gear", filters: { inStock: true, priceMin: 1_500, priceMax: 2_500 } },
    { slug: "packs", filters: { inStock: true } },
    { slug: "ultralight", filters: { priceMax: 2_000 } },
    { slug: "wide", filters: {} },
    { slug: "wide", filters: { inStock: true, priceMin: 2_000 } },
  ];
  it.each(cases.flatMap((c) => sorts.map((sort) => ({ ...c, sort }))))(
    "$slug $filters by $sort: every page as sorting the subtree gives",
    async ({ slug, filters, sort }) => {
      const { caller } = await callerFor(shop.prisma);
      const expected = (await reference(slug, filters))[sort]();
      expect(expected.length).toBeGreaterThan(0);
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof caller.catalog.list>> = await caller.catalog.list({
          category: slug,
          ...filters,
          sort,
          limit: 4,
          cursor,
        });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    },
  );
});
