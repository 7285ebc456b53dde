import { Prisma } from "@shop/db";
import { createRandom } from "@shop/db/seed";
import type { CatalogFilters } from "@shop/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSearch } from "../src/services/catalog/resolve-search.ts";
import { SEARCH_CANDIDATES } from "../src/services/catalog/search-page.ts";
import { catalogueWords, seededCatalogue } from "./seeded-catalogue.ts";
import { callerFor, type setupTestShop } from "./support.ts";

// Search results in relevance order, page after page, against the definition written plainly:
// every active product matching the search and the filters; the SEARCH_CANDIDATES best sellers
// among them (ties by id) first, most relevant first (ties by id); then every other match, best
// sellers first (ties by id). Random searches (common and rare words, prefixes, typos, two
// words) with random filters and page sizes, on the seeded catalogue, with sales changing.
describe("search pages against the plain definition of their order", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let caller: Awaited<ReturnType<typeof callerFor>>["caller"];
  const seedNumber = Number(process.env.SEARCH_SEED ?? 20_261_207);
  const random = createRandom(seedNumber);

  beforeAll(async () => {
    shop = await seededCatalogue({ orders: 300 });
    caller = (await callerFor(shop.prisma)).caller;
  });
  afterAll(() => shop.db.close());

  async function reference(input: CatalogFilters) {
    const search = await resolveSearch(shop.prisma, input.q);
    if (!search.tsquery || !search.rankQuery) return [];
    const filters: Prisma.Sql[] = [];
    if (input.category) {
      filters.push(Prisma.sql`p."categoryId" IN (WITH RECURSIVE t(id) AS (
        SELECT "id" FROM "Category" WHERE "slug" = ${input.category}
        UNION ALL SELECT c."id" FROM "Category" c JOIN t ON c."parentId" = t.id) SELECT id FROM t)`);
    }
    if (input.brands) {
      filters.push(
        Prisma.sql`p."brandId" IN (SELECT "id" FROM "Brand" WHERE "slug" IN (${Prisma.join(input.brands)}))`,
      );
    }
    if (input.priceMin !== undefined) filters.push(Prisma.sql`p."priceMin" >= ${input.priceMin}`);
    if (input.priceMax !== undefined) filters.push(Prisma.sql`p."priceMin" <= ${input.priceMax}`);
    if (input.inStock) filters.push(Prisma.sql`p."inStock"`);
    const matches = await shop.prisma.$queryRaw<Array<{ id: number; unitsSold: number; rank: number }>>`
      SELECT p."id", p."unitsSold", ts_rank(p."searchTitle", to_tsquery('english', ${search.rankQuery}), 1)::float8 AS "rank"
        FROM "Product" p
       WHERE p."status" = 'ACTIVE' AND p."searchVector" @@ to_tsquery('english', ${search.tsquery})
         ${filters.length ? Prisma.sql`AND ${Prisma.join(filters, " AND ")}` : Prisma.empty}`;
    const bySales = matches.sort((a, b) => b.unitsSold - a.unitsSold || a.id - b.id);
    const ranked = bySales.slice(0, SEARCH_CANDIDATES).sort((a, b) => b.rank - a.rank || a.id - b.id);
    return [...ranked, ...bySales.slice(SEARCH_CANDIDATES)].map((row) => row.id);
  }

  it("list 80 random searches with filters, every page, as the definition orders them", async () => {
    const { words, common } = await catalogueWords(shop.prisma);
    const categories = (await shop.prisma.category.findMany({ select: { slug: true } })).map((c) => c.slug);
    const brands = (await shop.prisma.brand.findMany({ select: { slug: true } })).map((b) => b.slug);
    const seen = { past: 0, ranked: 0, empty: 0 };
    for (let i = 0; i < 80; i++) {
      const word = random.chance(0.4) ? random.pick(common) : random.pick(words);
      const cut = random.chance(0.3) ? word.slice(0, Math.max(3, word.length - 2)) : word;
      const typed = random.chance(0.15) && cut.length > 4 ? `${cut.slice(0, -2)}${cut.at(-1)}${cut.at(-2)}` : cut;
      const input: CatalogFilters = { q: random.chance(0.25) ? `${random.pick(words)} ${typed}` : typed };
      if (random.chance(0.3)) input.category = random.pick(categories);
      if (random.chance(0.2)) input.brands = [random.pick(brands), random.pick(brands)];
      if (random.chance(0.2)) input.priceMin = random.pick([2_500, 9_999]);
      if (random.chance(0.2)) input.priceMax = random.pick([30_000, 99_999]);
      if (random.chance(0.3)) input.inStock = true;
      const limit = random.int(5, 40);
      const listed: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof caller.catalog.list>> = await caller.catalog.list({
          ...input,
          limit,
          cursor,
        });
        listed.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      const expected = await reference(input);
      expect(listed, `seed ${seedNumber}, search ${i}: ${JSON.stringify(input)}, ${limit} a page`).toEqual(expected);
      seen[expected.length > SEARCH_CANDIDATES ? "past" : expected.length ? "ranked" : "empty"]++;
      // Sales move between searches (the candidates are the best sellers).
      await shop.prisma.$executeRaw`UPDATE "Product" SET "unitsSold" = "unitsSold" + 7 WHERE "id" % 13 = ${i % 13}`;
    }
    // Searches past the candidates, searches ranked whole, and some with no match at all.
    expect(seen.past).toBeGreaterThan(5);
    expect(seen.ranked).toBeGreaterThan(20);
  });
});
