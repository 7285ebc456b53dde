import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProduct } from "./catalog-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

// One small catalog, built once: two brands, a category tree, products with options and ratings.
describe("catalog: filters, facets, sorting, detail and visibility", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let caller: Awaited<ReturnType<typeof callerFor>>["caller"];
  beforeAll(async () => {
    shop = await setupTestShop();
    caller = (await callerFor(shop.prisma)).caller;
    const acme = await shop.make.brand("Acme");
    const zen = await shop.make.brand("Zenith");
    const audio = await shop.prisma.category.create({ data: { name: "Audio", slug: "audio" } });
    const earbuds = await shop.prisma.category.create({
      data: { name: "Earbuds", slug: "earbuds", parentId: audio.id },
    });
    const phones = await shop.prisma.category.create({ data: { name: "Phones", slug: "phones" } });
    const day = (n: number) => new Date(Date.UTC(2026, 0, n));
    await makeProduct(shop.prisma, {
      name: "Acme Pods",
      brandId: acme.id,
      categoryId: earbuds.id,
      prices: 4_900,
      ratings: [5, 4],
      unitsSold: 50,
      options: { Colour: ["Black", "White"] },
      createdAt: day(1),
      featured: true,
    });
    await makeProduct(shop.prisma, {
      name: "Acme Studio",
      brandId: acme.id,
      categoryId: audio.id,
      prices: 19_900,
      ratings: [3],
      unitsSold: 5,
      options: { Colour: ["Blue"] },
      stock: 0,
      createdAt: day(2),
    });
    await makeProduct(shop.prisma, {
      name: "Zenith Buds",
      brandId: zen.id,
      categoryId: earbuds.id,
      prices: [9_900, 12_900],
      ratings: [4, 4],
      unitsSold: 20,
      options: { Colour: ["Black"], Size: ["S", "M"] },
      createdAt: day(3),
    });
    await makeProduct(shop.prisma, {
      name: "Zenith Phone",
      brandId: zen.id,
      categoryId: phones.id,
      prices: [59_900, 69_900],
      unitsSold: 100,
      options: { Storage: ["128 GB", "256 GB"] },
      stock: [0, 3],
      createdAt: day(4),
      description: "A phone with great earbuds support",
    });
    await makeProduct(shop.prisma, {
      name: "Acme Draft Pods",
      brandId: acme.id,
      categoryId: earbuds.id,
      status: "DRAFT",
      createdAt: day(5),
    });
    await makeProduct(shop.prisma, {
      name: "Acme Archived Pods",
      brandId: acme.id,
      categoryId: earbuds.id,
      status: "ARCHIVED",
      createdAt: day(6),
    });
  });
  afterAll(() => shop.db.close());

  const names = async (input: Parameters<typeof caller.catalog.list>[0]) =>
    (await caller.catalog.list(input)).items.map((item) => item.name);

  it("lists active products only, newest first by default", async () => {
    expect(await names({})).toEqual(["Zenith Phone", "Zenith Buds", "Acme Studio", "Acme Pods"]);
  });

  it("filters by category including subcategories, brands, price, rating, stock and options, combined", async () => {
    expect(await names({ category: "audio" })).toEqual(["Zenith Buds", "Acme Studio", "Acme Pods"]);
    expect(await names({ category: "earbuds" })).toEqual(["Zenith Buds", "Acme Pods"]);
    expect(await names({ brands: ["acme"] })).toEqual(["Acme Studio", "Acme Pods"]);
    expect(await names({ brands: ["acme", "zenith"], category: "earbuds" })).toEqual(["Zenith Buds", "Acme Pods"]);
    expect(await names({ priceMin: 5_000, priceMax: 20_000 })).toEqual(["Zenith Buds", "Acme Studio"]);
    expect(await names({ minRating: 4 })).toEqual(["Zenith Buds", "Acme Pods"]);
    expect(await names({ inStock: true, category: "audio" })).toEqual(["Zenith Buds", "Acme Pods"]);
    expect(await names({ options: { Colour: ["Black"] } })).toEqual(["Zenith Buds", "Acme Pods"]);
    expect(await names({ options: { Colour: ["Black", "Blue"], Size: ["M"] } })).toEqual(["Zenith Buds"]);
    expect(await names({ featured: true })).toEqual(["Acme Pods"]);
    expect(await names({ brands: ["no-such-brand"] })).toEqual([]);
  });

  it("sorts by price, rating and sales", async () => {
    expect(await names({ sort: "price_asc" })).toEqual(["Acme Pods", "Zenith Buds", "Acme Studio", "Zenith Phone"]);
    expect(await names({ sort: "price_desc" })).toEqual(["Zenith Phone", "Acme Studio", "Zenith Buds", "Acme Pods"]);
    expect(await names({ sort: "rating" })).toEqual(["Acme Pods", "Zenith Buds", "Acme Studio", "Zenith Phone"]);
    expect(await names({ sort: "best_selling" })).toEqual(["Zenith Phone", "Acme Pods", "Zenith Buds", "Acme Studio"]);
  });

  it("counts facets for the current filters, each group ignoring its own filter", async () => {
    const facets = await caller.catalog.facets({ brands: ["acme"], category: "audio" });
    expect(facets.total).toBe(2);
    // Brand counts ignore the brand filter but respect the category one.
    expect(facets.brands).toEqual([
      { slug: "acme", name: "Acme", count: 2 },
      { slug: "zenith", name: "Zenith", count: 1 },
    ]);
    // Category counts ignore the category filter but respect the brand one, and include subcategories.
    expect(facets.categories).toEqual([
      { slug: "audio", name: "Audio", parentSlug: null, count: 2 },
      { slug: "earbuds", name: "Earbuds", parentSlug: "audio", count: 1 },
    ]);
    expect(facets.prices).toEqual([
      { min: 2_500, max: 4_999, count: 1 },
      { min: 10_000, max: 24_999, count: 1 },
    ]);
    expect(facets.ratings).toEqual([
      { stars: 4, count: 1 },
      { stars: 3, count: 2 },
      { stars: 2, count: 2 },
      { stars: 1, count: 2 },
    ]);
    expect(facets.options).toEqual([
      {
        name: "Colour",
        values: [
          { value: "Black", count: 1 },
          { value: "Blue", count: 1 },
          { value: "White", count: 1 },
        ],
      },
    ]);

    const colour = await caller.catalog.facets({ options: { Colour: ["Blue"] } });
    expect(colour.total).toBe(1);
    // The Colour group still offers every colour; Size only counts blue products (none).
    expect(colour.options.find((option) => option.name === "Colour")?.values.map((v) => v.value)).toEqual([
      "Black",
      "Blue",
      "White",
    ]);
    expect(colour.options.find((option) => option.name === "Size")).toBeUndefined();
  });

  it("finds products by name, brand, category and description, ranking name matches first, with typos", async () => {
    expect(await names({ q: "earbuds" })).toEqual(expect.arrayContaining(["Acme Pods", "Zenith Buds", "Zenith Phone"]));
    expect((await names({ q: "earbuds" }))[2]).toBe("Zenith Phone");
    expect(await names({ q: "zenith" })).toEqual(expect.arrayContaining(["Zenith Buds", "Zenith Phone"]));
    const typo = await caller.catalog.list({ q: "zenitj phnoe" });
    expect(typo.items.map((item) => item.name)).toEqual(["Zenith Phone"]);
    expect(typo.corrected).toBe("zenith phone");
    expect(await names({ q: "Draft" })).toEqual([]);
    expect(await names({ q: "qwertyuiop" })).toEqual([]);
  });

  it("suggests products for a prefix as the shopper types, never drafts", async () => {
    const suggestions = await caller.catalog.suggest({ q: "acme po" });
    expect(suggestions.products.map((product) => product.name)).toEqual(["Acme Pods"]);
    expect((await caller.catalog.suggest({ q: "zen" })).products.map((p) => p.name).sort()).toEqual([
      "Zenith Buds",
      "Zenith Phone",
    ]);
  });

  it("shows a product page with variants, options, availability, breadcrumb, rating and related products", async () => {
    const slug = (await caller.catalog.list({ q: "zenith buds" })).items[0]?.slug ?? "";
    const product = await caller.catalog.get({ slug });
    expect(product.name).toBe("Zenith Buds");
    expect(product.breadcrumb).toEqual([
      { slug: "audio", name: "Audio" },
      { slug: "earbuds", name: "Earbuds" },
    ]);
    expect(product.options.map((option) => [option.name, option.values.map((v) => v.value)])).toEqual([
      ["Colour", ["Black"]],
      ["Size", ["S", "M"]],
    ]);
    expect(product.variants.map((variant) => [variant.title, variant.price, variant.available])).toEqual([
      ["Black / S", 9_900, true],
      ["Black / M", 12_900, true],
    ]);
    expect(product.variants[0]?.optionValueIds).toHaveLength(2);
    expect(product.rating).toMatchObject({ average: 4, count: 2, distribution: { 4: 2, 5: 0 } });
    expect(product.related.map((card) => card.name)).toEqual(["Acme Pods"]);
    expect(product.images[0]).toMatchObject({ width: 800, height: 600 });

    const phone = await caller.catalog.get({
      slug: (await caller.catalog.list({ q: "zenith phone" })).items[0]?.slug ?? "",
    });
    expect(phone.variants.map((variant) => [variant.available, variant.lowStock])).toEqual([
      [false, null],
      [true, 3],
    ]);
  });

  it("never shows drafts or archived products, by slug or in counts", async () => {
    const draft = await shop.prisma.product.findFirstOrThrow({ where: { status: "DRAFT" }, select: { slug: true } });
    await expect(caller.catalog.get({ slug: draft.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const brands = await caller.catalog.brands();
    expect(brands.find((brand) => brand.slug === "acme")?.productCount).toBe(2);
    const tree = await caller.catalog.categories();
    const audio = tree.find((node) => node.slug === "audio");
    expect(audio?.productCount).toBe(3);
    expect(audio?.children.map((child) => [child.slug, child.productCount])).toEqual([["earbuds", 2]]);
    expect((await caller.catalog.facets({ q: "pods" })).total).toBe(1);
  });

  it("rejects forged cursors, a cursor from another sort, and unknown input keys", async () => {
    await expect(caller.catalog.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const page = await caller.catalog.list({ limit: 1, sort: "price_asc" });
    await expect(caller.catalog.list({ limit: 1, sort: "newest", cursor: page.nextCursor })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // @ts-expect-error: input schemas are strict
    await expect(caller.catalog.list({ limit: 3, price: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
