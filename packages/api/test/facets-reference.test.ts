import { createRandom } from "@shop/db/seed";
import type { CatalogFilters } from "@shop/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRICE_BOUNDS } from "../src/services/catalog/facets.ts";
import { assumeKnown, resolveSearch } from "../src/services/catalog/resolve-search.ts";
import {
  loadShares,
  matchShare,
  searchShares,
  searchSharesRead,
  walkPages,
} from "../src/services/catalog/search-shares.ts";
import { SUGGESTION_CANDIDATES } from "../src/services/catalog/suggest.ts";
import { catalogueWords, seededCatalogue } from "./seeded-catalogue.ts";
import { callerFor, type setupTestShop } from "./support.ts";

// Search suggestions against plain SQL: the most relevant of the best-selling matches.
// The facet counts the shop serves (from FacetCount where it answers, counted from the
// products otherwise) against the plainest reference there is: every active product loaded
// and counted here, one by one. 200 random filter combinations, in four rounds with random
// catalogue edits between them (archiving, moving, repricing, renaming and deleting options,
// ratings, deletions), so the triggers that keep FacetCount are exercised on both databases.

type Product = {
  id: number;
  categoryId: number | null;
  brandSlug: string | null;
  brandName: string | null;
  priceMin: number;
  ratingAverage: number;
  ratingCount: number;
  inStock: boolean;
  featured: boolean;
  options: Map<string, Set<string>>;
};

describe("facet counts against a reference counted product by product", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let caller: Awaited<ReturnType<typeof callerFor>>["caller"];
  const seedNumber = Number(process.env.FACETS_SEED ?? 20_261_207);
  const random = createRandom(seedNumber);

  beforeAll(async () => {
    shop = await seededCatalogue({ orders: 160 });
    caller = (await callerFor(shop.prisma)).caller;
  });
  afterAll(() => shop.db.close());

  async function load() {
    const rows = await shop.prisma.$queryRaw<Array<Omit<Product, "options">>>`
      SELECT p."id", p."categoryId", b."slug" AS "brandSlug", b."name" AS "brandName", p."priceMin",
             p."ratingAverage", p."ratingCount", p."inStock", p."featured"
        FROM "Product" p LEFT JOIN "Brand" b ON b."id" = p."brandId"
       WHERE p."status" = 'ACTIVE'`;
    const options = await shop.prisma.$queryRaw<Array<{ productId: number; name: string; value: string }>>`
      SELECT o."productId", o."name", v."value"
        FROM "ProductOption" o JOIN "ProductOptionValue" v ON v."optionId" = o."id"`;
    const products = new Map<number, Product>(rows.map((row) => [row.id, { ...row, options: new Map() }]));
    for (const option of options) {
      const product = products.get(option.productId);
      if (!product) continue;
      const values = product.options.get(option.name) ?? new Set<string>();
      values.add(option.value);
      product.options.set(option.name, values);
    }
    const categories = await shop.prisma.category.findMany({
      select: { id: true, parentId: true, slug: true, name: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    return { products: [...products.values()], categories };
  }

  /**
   * `read`: count only the first `size` products a walk in table order reads (those passing the
   * shared filters and all group filters but at most one), as a sampled count does.
   */
  async function reference(
    input: CatalogFilters,
    catalogue: Awaited<ReturnType<typeof load>>,
    read?: { order: Map<number, number>; size: number },
  ) {
    const { categories } = catalogue;
    const empty = {
      currency: "USD",
      total: 0,
      exhaustive: true,
      categories: [],
      brands: [],
      prices: [],
      ratings: [],
      options: [],
    };
    let matched: Set<number> | null = null;
    if (input.q) {
      const search = await resolveSearch(shop.prisma, input.q);
      if (!search.tsquery) return empty;
      const ids = await shop.prisma.$queryRaw<Array<{ id: number }>>`
        SELECT "id" FROM "Product" WHERE "searchVector" @@ to_tsquery('english', ${search.tsquery})`;
      matched = new Set(ids.map((row) => row.id));
    }
    const parent = new Map(categories.map((category) => [category.id, category.parentId]));
    const inSubtree = (id: number | null, slug: string) => {
      for (let at = id; at !== null && at !== undefined; at = parent.get(at) ?? null) {
        if (categories.find((category) => category.id === at)?.slug === slug) return true;
      }
      return false;
    };
    type Group = "category" | "brand" | "price" | "rating" | `option:${string}`;
    const passes = (p: Product, except?: Group) =>
      (matched === null || matched.has(p.id)) &&
      (!input.category || except === "category" || inSubtree(p.categoryId, input.category)) &&
      (!input.brands || except === "brand" || (p.brandSlug !== null && input.brands.includes(p.brandSlug))) &&
      (except === "price" ||
        ((input.priceMin === undefined || p.priceMin >= input.priceMin) &&
          (input.priceMax === undefined || p.priceMin <= input.priceMax))) &&
      (input.minRating === undefined ||
        except === "rating" ||
        (p.ratingCount > 0 && p.ratingAverage >= input.minRating)) &&
      (!input.inStock || p.inStock) &&
      (!input.featured || p.featured) &&
      Object.entries(input.options ?? {}).every(
        ([name, values]) =>
          except === `option:${name}` || values.some((value) => p.options.get(name)?.has(value) === true),
      );

    const groups: Array<Group | undefined> = [
      undefined,
      "category",
      "brand",
      "price",
      "rating",
      ...Object.keys(input.options ?? {}).map((name): Group => `option:${name}`),
    ];
    const products = read
      ? catalogue.products
          .filter((p) => groups.some((group) => passes(p, group)))
          .sort((a, b) => (read.order.get(a.id) ?? 0) - (read.order.get(b.id) ?? 0))
          .slice(0, read.size)
      : catalogue.products;
    const own = new Map<number, number>();
    for (const p of products) {
      if (p.categoryId !== null && passes(p, "category")) own.set(p.categoryId, (own.get(p.categoryId) ?? 0) + 1);
    }
    const categoryCount = (id: number) =>
      [...own].reduce((sum, [leaf, count]) => {
        for (let at: number | null = leaf; at !== null; at = parent.get(at) ?? null) if (at === id) return sum + count;
        return sum;
      }, 0);
    const brands = new Map<string, { slug: string; name: string; count: number }>();
    const buckets = new Map<number, number>();
    const floors = new Map<number, number>();
    const options = new Map<string, Map<string, number>>();
    for (const p of products) {
      if (p.brandSlug !== null && p.brandName !== null && passes(p, "brand")) {
        const brand = brands.get(p.brandSlug) ?? { slug: p.brandSlug, name: p.brandName, count: 0 };
        brand.count++;
        brands.set(p.brandSlug, brand);
      }
      if (passes(p, "price")) {
        const bucket = PRICE_BOUNDS.filter((bound) => bound <= p.priceMin).length;
        buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
      }
      if (p.ratingCount > 0 && passes(p, "rating")) {
        const floor = Math.floor(p.ratingAverage);
        floors.set(floor, (floors.get(floor) ?? 0) + 1);
      }
      for (const [name, values] of p.options) {
        if (!passes(p, `option:${name}`)) continue;
        const counts = options.get(name) ?? new Map<string, number>();
        for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
        options.set(name, counts);
      }
    }
    const slugOf = new Map(categories.map((category) => [category.id, category.slug]));
    return {
      currency: "USD",
      total: products.filter((p) => passes(p)).length,
      exhaustive: true,
      categories: categories
        .map((category) => ({
          slug: category.slug,
          name: category.name,
          parentSlug: category.parentId === null ? null : (slugOf.get(category.parentId) ?? null),
          count: categoryCount(category.id),
        }))
        .filter((category) => category.count > 0),
      brands: [...brands.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      prices: [0, ...PRICE_BOUNDS]
        .map((min, index) => ({
          min,
          max: PRICE_BOUNDS[index] === undefined ? null : (PRICE_BOUNDS[index] ?? 0) - 1,
          count: buckets.get(index) ?? 0,
        }))
        .filter((bucket) => bucket.count > 0),
      ratings: [4, 3, 2, 1].map((stars) => ({
        stars,
        count: [...floors].reduce((sum, [floor, count]) => (floor >= stars ? sum + count : sum), 0),
      })),
      options: [...options]
        .map(([name, values]) => ({
          name,
          values: [...values]
            .map(([value, count]) => ({ value, count }))
            .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /** A random combination of filters drawn from what the catalogue has. */
  function combination(catalogue: Awaited<ReturnType<typeof load>>): CatalogFilters {
    const { products, categories } = catalogue;
    const input: CatalogFilters = {};
    // A quarter with no filter but a category (or none): what FacetCount answers.
    if (random.chance(0.25)) {
      if (random.chance(0.8)) input.category = random.pick(categories).slug;
      return input;
    }
    const product = random.pick(products);
    if (random.chance(0.5)) input.category = random.pick(categories).slug;
    if (random.chance(0.35)) {
      const brands = [...new Set(products.flatMap((p) => (p.brandSlug ? [p.brandSlug] : [])))];
      input.brands = [random.pick(brands), ...(random.chance(0.4) ? [random.pick(brands)] : [])];
    }
    if (random.chance(0.3)) input.priceMin = random.pick([0, 2_500, 9_999, 20_000]);
    if (random.chance(0.3)) input.priceMax = random.pick([4_999, 30_000, 99_999, 250_000]);
    if (random.chance(0.25)) input.minRating = random.pick([1, 2, 3, 4, 5]);
    if (random.chance(0.3)) input.inStock = true;
    if (random.chance(0.15)) input.featured = true;
    const [name, values] = random.pick([...product.options, ["Colour", new Set(["Black"])] as const]);
    if (random.chance(0.3)) input.options = { [name]: [random.pick([...values])] };
    if (random.chance(0.3)) {
      const word = random.pick(["wireless", "pro", "phone", "earbuds", "laptop", "case", "watch", "tablet"]);
      input.q = random.chance(0.2) ? `${word.slice(0, -1)}x` : random.chance(0.3) ? word.slice(0, 4) : word;
    }
    return input;
  }

  /** Random edits of the kinds the shop makes, each through the triggers that keep FacetCount. */
  async function editCatalogue(round: number) {
    const m = 3 + round;
    await shop.prisma.$executeRawUnsafe(`UPDATE "Product" SET "status" = 'ARCHIVED' WHERE "id" % ${m + 4} = 0`);
    await shop.prisma.$executeRawUnsafe(
      `UPDATE "Product" SET "status" = 'ACTIVE' WHERE "status" <> 'ACTIVE' AND "id" % ${m + 2} = 1`,
    );
    await shop.prisma.$executeRawUnsafe(
      `UPDATE "Product" SET "categoryId" = (SELECT "id" FROM "Category" ORDER BY "id" OFFSET ${round} LIMIT 1) WHERE "id" % ${m + 7} = 2`,
    );
    await shop.prisma.$executeRawUnsafe(`UPDATE "Product" SET "brandId" = NULL WHERE "id" % ${m + 11} = 3`);
    await shop.prisma.$executeRawUnsafe(`UPDATE "Variant" SET "price" = "price" * 3 WHERE "id" % ${m + 3} = 0`);
    await shop.prisma.$executeRawUnsafe(
      `UPDATE "Product" SET "ratingCount" = 2, "ratingAverage" = ${1 + round * 0.9} WHERE "id" % ${m + 5} = 4`,
    );
    await shop.prisma.$executeRawUnsafe(
      `UPDATE "ProductOptionValue" SET "value" = "value" || ' ${round}' WHERE "id" % ${m + 6} = 0`,
    );
    await shop.prisma.$executeRawUnsafe(`UPDATE "ProductOption" SET "name" = 'Finish' WHERE "id" % ${m + 9} = 0
      AND NOT EXISTS (SELECT 1 FROM "ProductOption" s WHERE s."productId" = "ProductOption"."productId" AND s."name" = 'Finish')`);
    await shop.prisma.$executeRawUnsafe(`DELETE FROM "ProductOption" WHERE "id" % ${m + 13} = 0`);
    await shop.prisma.$executeRawUnsafe(`DELETE FROM "ProductOptionValue" v WHERE v."id" % ${m + 8} = 1
      AND NOT EXISTS (SELECT 1 FROM "VariantOptionValue" l WHERE l."optionValueId" = v."id")`);
    await shop.prisma.$executeRawUnsafe(`DELETE FROM "Product" p WHERE p."id" % ${m + 17} = 5
      AND NOT EXISTS (SELECT 1 FROM "OrderItem" i WHERE i."productId" = p."id")`);
  }

  it("answer 200 random filter combinations as counting every product does, through catalogue edits", async () => {
    const checked = { summary: 0, counted: 0, search: 0 };
    for (let round = 0; round < 4; round++) {
      if (round > 0) await editCatalogue(round);
      const catalogue = await load();
      for (let i = 0; i < 50; i++) {
        const input = combination(catalogue);
        const served = await caller.catalog.facets(input);
        const actual = { ...served, options: [...served.options].sort((a, b) => a.name.localeCompare(b.name)) };
        const context = `seed ${seedNumber}, round ${round}, combination ${i}: ${JSON.stringify(input)}`;
        expect(actual, context).toEqual(await reference(input, catalogue));
        const onlyCategory = Object.keys(input).every((key) => key === "category");
        checked[onlyCategory ? "summary" : "counted"]++;
        if (input.q) checked.search++;
      }
    }
    // Both paths and the search were exercised, on a catalogue with something to count.
    expect(checked.summary).toBeGreaterThan(30);
    expect(checked.counted).toBeGreaterThan(100);
    expect(checked.search).toBeGreaterThan(30);
    const totals = await shop.prisma.facetCount.aggregate({ where: { facet: "total" }, _sum: { count: true } });
    expect(totals._sum.count).toBe(await shop.prisma.product.count({ where: { status: "ACTIVE" } }));
    // The category tree's counts come from the same rows: each category's active products, its
    // subcategories' included, after all the edits.
    const { products, categories } = await load();
    const parent = new Map(categories.map((category) => [category.id, category.parentId]));
    const within = (id: number | null, ancestor: number) => {
      for (let at = id; at !== null && at !== undefined; at = parent.get(at) ?? null) if (at === ancestor) return true;
      return false;
    };
    type Node = { slug: string; productCount: number; children: Node[] };
    const flat = (nodes: Node[]): Array<[string, number]> =>
      nodes.flatMap((node) => [[node.slug, node.productCount] as [string, number], ...flat(node.children)]);
    const tree = new Map(flat(await caller.catalog.categories()));
    expect(tree.size).toBe(categories.length);
    for (const category of categories) {
      const count = products.filter((p) => within(p.categoryId, category.id)).length;
      expect(tree.get(category.slug), category.slug).toBe(count);
    }
    // And the brands' counts, in the list and on each brand's page.
    const brands = await caller.catalog.brands();
    expect(brands.length).toBe(await shop.prisma.brand.count());
    for (const brand of brands) {
      const count = products.filter((p) => p.brandSlug === brand.slug).length;
      expect(brand.productCount, brand.slug).toBe(count);
      expect((await caller.catalog.brand({ slug: brand.slug })).productCount, brand.slug).toBe(count);
    }
  });

  it("count at most facetSample products, say when there were more, and never count more than there are", async () => {
    const sampled = (await callerFor(shop.prisma, { config: { facetSample: 40 } })).caller;
    const seen = { exhaustive: 0, sampled: 0 };
    const catalogue = await load();
    for (let i = 0; i < 60; i++) {
      const input = combination(catalogue);
      if (Object.keys(input).every((key) => key === "category")) continue; // FacetCount: always whole
      const served = await sampled.catalog.facets(input);
      const exact = await reference(input, catalogue);
      const context = `seed ${seedNumber}, combination ${i}: ${JSON.stringify(input)}`;
      if (served.exhaustive) {
        seen.exhaustive++;
        const options = [...served.options].sort((a, b) => a.name.localeCompare(b.name));
        expect({ ...served, options }, context).toEqual(exact);
        continue;
      }
      seen.sampled++;
      // Lower bounds of what is there, over at most 41 products.
      expect(served.total, context).toBeLessThanOrEqual(Math.min(exact.total, 41));
      const atMost = <T extends { count: number }>(counted: T[], there: T[], key: (row: T) => unknown) => {
        for (const row of counted) {
          expect(row.count, `${context}: ${JSON.stringify(row)}`).toBeLessThanOrEqual(
            there.find((other) => key(other) === key(row))?.count ?? 0,
          );
        }
      };
      atMost(served.categories, exact.categories, (row) => row.slug);
      atMost(served.brands, exact.brands, (row) => row.slug);
      atMost(served.prices, exact.prices, (row) => row.min);
      atMost(served.ratings, exact.ratings, (row) => row.stars);
      for (const option of served.options) {
        const values = exact.options.find((other) => other.name === option.name)?.values ?? [];
        atMost(option.values, values, (row) => row.value);
      }
    }
    expect(seen.exhaustive).toBeGreaterThan(5);
    expect(seen.sampled).toBeGreaterThan(5);
  });

  it("walk the table in its order for a broad search's sample, and count what it read exactly", async () => {
    // "always" walks every page: a search with more than 40 matches is counted from the first 41
    // the walk reads (table order); one with fewer falls back to the index and counts them all.
    const walking = (await callerFor(shop.prisma, { config: { facetSample: 40, facetWalk: "always" } })).caller;
    const catalogue = await load();
    const ids = await shop.prisma.$queryRaw<Array<{ id: number }>>`SELECT "id" FROM "Product" ORDER BY ctid`;
    const order = new Map(ids.map((row, index) => [row.id, index]));
    const seen = { exhaustive: 0, sampled: 0 };
    for (let i = 0; i < 60; i++) {
      const input = combination(catalogue);
      input.q ??= random.pick(["wireless", "pro", "phone", "earbuds", "case", "e", "wire", "bluetooth"]);
      const served = await walking.catalog.facets(input);
      const context = `seed ${seedNumber}, walk ${i}: ${JSON.stringify(input)}`;
      const options = [...served.options].sort((a, b) => a.name.localeCompare(b.name));
      if (served.exhaustive) {
        seen.exhaustive++;
        expect({ ...served, options }, context).toEqual(await reference(input, catalogue));
        continue;
      }
      seen.sampled++;
      const sample = await reference(input, catalogue, { order, size: 41 });
      expect({ ...served, options }, context).toEqual({
        ...sample,
        total: Math.min(sample.total, 40),
        exhaustive: false,
      });
    }
    expect(seen.exhaustive).toBeGreaterThan(5);
    expect(seen.sampled).toBeGreaterThan(5);
  });

  it("estimate a search's share from PostgreSQL's statistics, and walk only a broad one", async () => {
    await shop.prisma.$executeRawUnsafe(`ANALYZE "Product"`);
    const shares = await loadShares(shop.prisma);
    // What a search reads: the statistics read in the background and held, read again once
    // older than five minutes (searches above may have had them read before this ANALYZE).
    await searchSharesRead(shop.prisma, Date.now() + 6 * 60_000);
    expect(shares.lexemes.get("wireless")).toBeGreaterThan(0);
    expect(searchShares(shop.prisma)?.lexemes.get("wireless")).toBe(shares.lexemes.get("wireless"));
    const products = await shop.prisma.product.count();
    expect(shares.rows).toBe(products);
    expect(shares.pages).toBeGreaterThan(0);
    const share = (q: string) => matchShare(assumeKnown(q).tsquery ?? "", shares.lexemes);
    const actual = async (q: string) => {
      const rows = await shop.prisma.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM "Product" WHERE "searchVector" @@ to_tsquery('english', ${assumeKnown(q).tsquery})`;
      return (rows[0]?.n ?? 0) / products;
    };
    // Every product is in the statistics' sample here: the common words' shares are exact.
    for (const q of ["wireless", "phone", "earbuds"]) {
      const truth = await actual(q);
      expect(truth, q).toBeGreaterThan(0.02);
      expect(share(q), q).toBeCloseTo(truth, 2);
    }
    expect(share("zzzqqq")).toBe(0);
    // A catalogue this small keeps the index for any search; the same shares over a million rows walk.
    expect(walkPages(shares, share("wireless"), 1_000)).toBeNull();
    const million = { ...shares, rows: 1_000_000, pages: 144_000 };
    expect(walkPages(million, 0.14, 1_000)).toBeGreaterThan(0);
    expect(walkPages(million, 0.01, 1_000)).toBeNull();
  });

  it("suggest what plain SQL ranks for 60 random prefixes, broad and rare, typos included", async () => {
    const { words, common } = await catalogueWords(shop.prisma);
    const paths = { walk: 0, rare: 0 };
    for (let i = 0; i < 60; i++) {
      const word = random.chance(0.3) ? random.pick(common) : random.pick(words);
      const cut = word.slice(0, 2 + Math.floor(random.next() * (word.length - 1)));
      const typed = random.chance(0.15) && cut.length > 4 ? `${cut.slice(0, -2)}${cut.at(-1)}${cut.at(-2)}` : cut;
      const q = random.chance(0.3) ? `${random.pick(words)} ${typed}` : typed;
      const served = await caller.catalog.suggest({ q });
      const search = await resolveSearch(shop.prisma, q);
      const expected = search.tsquery
        ? await shop.prisma.$queryRaw<Array<{ name: string }>>`
            WITH c AS (
              SELECT "id", "searchTitle", "unitsSold" FROM "Product"
               WHERE "status" = 'ACTIVE' AND "searchVector" @@ to_tsquery('english', ${search.tsquery})
               ORDER BY "unitsSold" DESC, "id" LIMIT ${SUGGESTION_CANDIDATES})
            SELECT p."name" FROM c JOIN "Product" p ON p."id" = c."id"
             ORDER BY ts_rank(c."searchTitle", to_tsquery('english', ${search.rankQuery}), 1) DESC, c."unitsSold" DESC, c."id"
             LIMIT 6`
        : [];
      expect(
        served.products.map((p) => p.name),
        `seed ${seedNumber}, "${q}"`,
      ).toEqual(expected.map((r) => r.name));
      if (search.tsquery) {
        const [row] = await shop.prisma.$queryRaw<Array<{ n: number }>>`
          SELECT count(*)::int AS n FROM "Product"
           WHERE "status" = 'ACTIVE' AND "searchVector" @@ to_tsquery('english', ${search.tsquery})`;
        paths[(row?.n ?? 0) >= SUGGESTION_CANDIDATES ? "walk" : "rare"]++;
      }
    }
    // Both ways of finding the candidates were taken.
    expect(paths.walk).toBeGreaterThan(3);
    expect(paths.rare).toBeGreaterThan(10);
  });
});
