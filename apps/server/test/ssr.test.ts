import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import { jsonLdOf, validateRichResults } from "./support/rich-results.ts";

// The storefront's real server renderer (apps/storefront/dist-ssr, from `npm run build`) behind
// the real server, read the way a crawler reads it: HTML without running any script.

const origin = "http://shop.test";
const meta = (html: string, attribute: "name" | "property", key: string) =>
  new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`).exec(html)?.[1];
const canonical = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
const productLinks = (html: string) => new Set([...html.matchAll(/href="\/p\/([^"?#]+)"/g)].map((m) => m[1]));

describe("server-rendered storefront, as crawlers see it", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const slugs: Record<string, string> = {};
  const dataDir = mkdtempSync(join(tmpdir(), "shop-ssr-"));
  beforeAll(async () => {
    db = await createTestDatabase();
    const make = factories(db.prisma);
    const env = parseServerEnv({ NODE_ENV: "production", LOG_LEVEL: "silent", PUBLIC_URL: origin, DATA_DIR: dataDir });
    app = await buildApp(env, db, { sitemapChunkSize: 7 });
    const audio = await db.prisma.category.create({ data: { name: "Audio", slug: "audio" } });
    const earbuds = await db.prisma.category.create({ data: { name: "Earbuds", slug: "earbuds", parentId: audio.id } });
    await db.prisma.category.create({ data: { name: "Empty", slug: "empty" } });
    const cables = await db.prisma.category.create({ data: { name: "Cables", slug: "cables" } });
    const adapters = await db.prisma.category.create({ data: { name: "Adapters", slug: "old-adapters" } });
    await db.prisma.category.update({ where: { id: adapters.id }, data: { slug: "adapters" } });
    const acme = await make.brand("Acme");
    const pods = await make.product({
      name: "Alpha Pods",
      brandId: acme.id,
      categoryId: earbuds.id,
      description: "Tiny earbuds with a big sound.",
      variants: [
        { price: 4_900, stock: 5 },
        { price: 5_900, stock: 0 },
      ],
    });
    await db.prisma.productImage.create({
      data: { productId: pods.id, path: "products/alpha.svg", alt: "", width: 800, height: 800 },
    });
    await db.prisma.productRating.create({
      data: { productId: pods.id, count: 2, average: 4.5, star5: 1, star4: 1, star3: 0, star2: 0, star1: 0 },
    });
    for (const [i, stars] of [5, 4].entries()) {
      const user = await make.user({ name: `Reviewer ${i}` });
      await db.prisma.review.create({
        data: {
          productId: pods.id,
          userId: user.id,
          rating: stars,
          title: `Title ${stars}`,
          body: `Body ${stars}`,
          status: "PUBLISHED",
        },
      });
    }
    slugs.pods = pods.slug;
    slugs.single = (await make.product({ name: "Beta Cable", categoryId: cables.id, variants: [{ price: 990 }] })).slug;
    for (let i = 0; i < 26; i++)
      await make.product({ name: `Cable ${i}`, categoryId: cables.id, variants: [{ price: 100 + i }] });
    const archived = await make.product({ name: "Gamma Pods", categoryId: earbuds.id });
    await db.prisma.product.update({ where: { id: archived.id }, data: { status: "ARCHIVED" } });
    slugs.archived = archived.slug;
    slugs.draft = (await make.product({ name: "Delta Draft", status: "DRAFT" })).slug;
    const renamed = await make.product({ name: "Old Name", categoryId: cables.id });
    await db.prisma.product.update({ where: { id: renamed.id }, data: { slug: "new-name" } });
    slugs.renamed = renamed.slug;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("a product page carries its name, price, availability, pictures, description and reviews in the HTML", async () => {
    const response = await app.inject(`/p/${slugs.pods}`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain("<h1");
    expect(html).toMatch(/<h1[^>]*>Alpha Pods<\/h1>/);
    expect(html).toContain("$49.00");
    // The first variant is available, five left: a shopper is told so.
    expect(html).toMatch(/data-testid="stock-state"[^>]*><span[^>]*>Only <!-- -->5<!-- --> left/);
    expect(html).toContain('src="/media/products/alpha.svg"');
    expect(html).toContain("Tiny earbuds with a big sound.");
    expect(html).toContain("Title 5");
    expect(html).toContain("Body 4");
    expect(html).toContain("<title>Alpha Pods · Shop</title>");
    expect(meta(html, "name", "description")).toBe("Tiny earbuds with a big sound.");
    expect(canonical(html)).toBe(`${origin}/p/${slugs.pods}`);
    expect(meta(html, "property", "og:image")).toBe(`${origin}/media/products/alpha.svg`);
    expect(meta(html, "property", "og:type")).toBe("product");
    expect(meta(html, "name", "twitter:card")).toBe("summary_large_image");
    expect(meta(html, "name", "robots")).toBeUndefined();
  });

  it("its structured data has everything Google's product and breadcrumb rich results require and recommend", async () => {
    const blocks = jsonLdOf((await app.inject(`/p/${slugs.pods}`)).body);
    expect(blocks.map((block) => Reflect.get(Object(block), "@type"))).toEqual(["Product", "BreadcrumbList"]);
    // Two variants: the SKUs are on the offers, not on the product.
    expect(validateRichResults(blocks)).toEqual({ errors: [], warnings: ["Product.sku is recommended"] });
    expect(blocks[0]).toMatchObject({
      offers: { "@type": "AggregateOffer", lowPrice: "49.00", highPrice: "59.00", priceCurrency: "USD", offerCount: 2 },
      aggregateRating: { ratingValue: 4.5, reviewCount: 2 },
      brand: { name: "Acme" },
      // The reviews the page shows first, newest first.
      review: [
        { name: "Title 4", reviewRating: { ratingValue: 4 } },
        { name: "Title 5", reviewRating: { ratingValue: 5 } },
      ],
    });
    const single = jsonLdOf((await app.inject(`/p/${slugs.single}`)).body);
    expect(validateRichResults(single).errors).toEqual([]);
    expect(single[0]).toMatchObject({
      offers: { "@type": "Offer", price: "9.90", availability: "https://schema.org/InStock" },
    });
    expect(validateRichResults(jsonLdOf((await app.inject("/")).body))).toEqual({ errors: [], warnings: [] });
  });

  it("the validator catches what Google would refuse", () => {
    const broken = {
      "@context": "https://schema.org",
      "@type": "Product",
      name: "X",
      offers: { "@type": "Offer", price: "1,00" },
    };
    expect(validateRichResults([broken]).errors).toEqual([
      "Product.offers[0].price is required (a number)",
      "Product.offers[0].priceCurrency is required (ISO 4217)",
    ]);
    expect(validateRichResults([{ "@context": "https://schema.org", "@type": "Product" }]).errors).toContain(
      "Product needs one of offers, review or aggregateRating",
    );
  });

  it("a listing links to each of its products and to the next page; following the links reaches every product", async () => {
    const live = await db.prisma.product.findMany({
      where: { status: "ACTIVE", category: { slug: "cables" } },
      select: { slug: true },
    });
    const seen = new Set<string>();
    let next: string | null = "/c/cables";
    let pages = 0;
    while (next) {
      const { statusCode, body }: { statusCode: number; body: string } = await app.inject(next);
      expect(statusCode, next).toBe(200);
      // Paginated pages are canonical to themselves.
      expect(canonical(body), next).toBe(`${origin}${next}`);
      for (const slug of productLinks(body)) seen.add(slug ?? "");
      next = /<a href="([^"]+)" rel="next"/.exec(body)?.[1]?.replaceAll("&amp;", "&") ?? null;
      pages++;
    }
    expect(pages).toBe(2);
    expect(live.every((product) => seen.has(product.slug))).toBe(true);
  });

  it("the category bar marks the category being viewed (the phone menu, closed, renders in the browser)", async () => {
    const current = (body: string) => [...body.matchAll(/<a [^>]*aria-current="page"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(current((await app.inject("/c/cables?sort=newest")).body)).toEqual(["Cables"]);
    expect(current((await app.inject("/c/audio")).body)).toEqual(["Audio"]);
    expect(current((await app.inject(`/p/${slugs.single}`)).body)).toEqual([]);
  });

  it("canonical URLs of listings are normalised; search results, cart, checkout and account are noindex", async () => {
    const filtered = (await app.inject("/c/cables?utm_source=x&sort=newest&stock=1&brand=b&brand=a")).body;
    expect(canonical(filtered)).toBe(`${origin}/c/cables?brand=a&brand=b&stock=1`);
    expect(meta(filtered, "name", "robots")).toBeUndefined();
    for (const path of ["/search?q=pods", "/cart", "/checkout", "/account", "/account/orders", "/sign-in"]) {
      const html = (await app.inject(path)).body;
      expect(meta(html, "name", "robots"), path).toBe("noindex, follow");
      expect(canonical(html), path).toBeUndefined();
    }
  });

  it("a search matching more products than facets count says so: '5+ products', filters without counts", async () => {
    const resultCount = (html: string) => /data-testid="result-count"[^>]*>([^<]+)</.exec(html)?.[1];
    const exhaustive = (await app.inject("/search?q=cable")).body;
    expect(resultCount(exhaustive)).toBe("28 products");
    expect(exhaustive).toMatch(
      /<span class="flex-1">[^<]+<\/span><span class="text-xs text-muted tabular-nums">28<\/span>/,
    );
    const env = parseServerEnv({ NODE_ENV: "production", LOG_LEVEL: "silent", PUBLIC_URL: origin, DATA_DIR: dataDir });
    const sampled = await buildApp(env, db, { facetSample: 5 });
    try {
      const html = (await sampled.inject("/search?q=cable")).body;
      expect(resultCount(html)).toBe("5+ products");
      expect(html).toContain('<span class="flex-1">');
      expect(html).not.toMatch(/<span class="flex-1">[^<]+<\/span><span class="text-xs text-muted tabular-nums">/);
    } finally {
      await sampled.close();
    }
  });

  it("answers with real status codes: 404 for unknown things, 410 for archived products, 301 for renamed products and categories", async () => {
    for (const path of [
      "/p/no-such-product",
      `/p/${slugs.draft}`,
      "/c/no-such-category",
      "/brands/no-such-brand",
      "/no/such/page",
    ]) {
      const response = await app.inject(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.body, path).toContain("Page not found");
    }
    const gone = await app.inject(`/p/${slugs.archived}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain("Gamma Pods is no longer sold");
    expect(gone.body).toContain('href="/c/earbuds"');
    const moved = await app.inject(`/p/${slugs.renamed}?ref=mail`);
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe("/p/new-name?ref=mail");
    expect((await app.inject("/p/new-name")).statusCode).toBe(200);
    const movedCategory = await app.inject("/c/old-adapters?sort=newest");
    expect(movedCategory.statusCode).toBe(301);
    expect(movedCategory.headers.location).toBe("/c/adapters?sort=newest");
    expect((await app.inject("/c/adapters")).statusCode).toBe(200);
  });

  it("renders a brand's page (catalog.brand, docs/extending.md's example) with its products, linked from theirs", async () => {
    const page = await app.inject("/brands/acme");
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<h1[^>]*>Acme<\/h1>/);
    expect(page.body).toContain("Alpha Pods");
    expect(page.body).toContain('href="/search?brand=acme"');
    expect((await app.inject(`/p/${slugs.pods}`)).body).toContain('href="/brands/acme"');
  });

  it("pages rendered at the same time each carry their own data (the routes are shared, the query caches are not)", async () => {
    const paths = [`/p/${slugs.pods}`, `/p/${slugs.single}`, "/c/cables", "/c/earbuds", "/p/no-such-product"];
    // Each from its own address (one client renders a few pages at once) and each URL new (a miss).
    const pages = await Promise.all(
      [...paths, ...paths, ...paths].map(async (path, i) => ({
        path,
        response: await app.inject({ url: `${path}?visit=${i}`, remoteAddress: `192.0.2.${i + 1}` }),
      })),
    );
    for (const { path, response } of pages) {
      const html = response.body;
      const state = /<script type="application\/json" id="shop-state">(.*?)<\/script>/s.exec(html)?.[1] ?? "";
      expect(state, path).not.toBe("");
      if (path === `/p/${slugs.pods}`) {
        expect(html).toMatch(/<h1[^>]*>Alpha Pods<\/h1>/);
        expect(state).not.toContain("Beta Cable");
      } else if (path === `/p/${slugs.single}`) {
        expect(html).toMatch(/<h1[^>]*>Beta Cable<\/h1>/);
        expect(state).not.toContain("Alpha Pods");
      } else if (path === "/c/cables") {
        expect(productLinks(html).size).toBe(24);
        expect(productLinks(html)).not.toContain(slugs.pods);
      } else if (path === "/c/earbuds") {
        expect(productLinks(html)).toEqual(new Set([slugs.pods]));
      } else {
        expect(response.statusCode).toBe(404);
        expect(state).not.toMatch(/Alpha Pods|Beta Cable/);
      }
    }
  });

  it("caches a rendered page and its compressed copy, and drops them when the catalog changes", async () => {
    const path = `/p/${slugs.single}`;
    await app.inject(path);
    const hit = await app.inject({ url: path, headers: { "accept-encoding": "gzip, br" } });
    expect(hit.headers["x-cache"]).toBe("hit");
    expect(hit.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(hit.rawPayload).toString()).toContain("Beta Cable");
    expect((await app.inject({ url: path, headers: { "if-none-match": String(hit.headers.etag) } })).statusCode).toBe(
      304,
    );
    await db.prisma.product.update({ where: { slug: slugs.single }, data: { name: "Beta Cable Pro" } });
    await expect
      .poll(async () => (await app.inject(path)).body.includes("Beta Cable Pro"), { timeout: 5_000 })
      .toBe(true);
  });

  it("renders at most IN_FLIGHT_PER_IP pages at once for one client; the rest get 429, other clients do not", async () => {
    // Twelve listings nobody asked for before (each a page cache miss), all at once from one address.
    const walk = Array.from({ length: 12 }, (_, i) =>
      app.inject({ url: `/c/audio?sort=price_asc&min=${i + 1}00`, remoteAddress: "198.51.100.7" }),
    );
    const other = app.inject({ url: "/c/audio?sort=price_desc&min=77", remoteAddress: "203.0.113.50" });
    const statuses = (await Promise.all(walk)).map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(4);
    const refused = (await Promise.all(walk)).filter((response) => response.statusCode === 429);
    expect(refused).toHaveLength(8);
    expect(refused[0]?.headers["retry-after"]).toBe("1");
    expect((await other).statusCode).toBe(200);
    // Done rendering, the client's places are free again.
    expect(
      (await app.inject({ url: "/c/audio?sort=price_asc&min=1300", remoteAddress: "198.51.100.7" })).statusCode,
    ).toBe(200);
  });

  it("robots.txt points at the sitemap; the sitemap index lists every live product and category, in chunks", async () => {
    const robots = (await app.inject("/robots.txt")).body;
    expect(robots).toContain(`Sitemap: ${origin}/sitemap.xml`);
    expect(robots).toContain("Disallow: /checkout");
    const index = await app.inject("/sitemap.xml");
    expect(index.headers["content-type"]).toContain("application/xml");
    const files = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]?.replace(origin, "") ?? "");
    const urls: Array<{ loc: string; lastmod: string }> = [];
    for (const file of files) {
      const body = (await app.inject(file)).body;
      const entries = [...body.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/url>/g)];
      expect(entries.length, file).toBeLessThanOrEqual(7);
      urls.push(...entries.map((m) => ({ loc: m[1] ?? "", lastmod: m[2] ?? "" })));
    }
    const live = await db.prisma.product.findMany({
      where: { status: "ACTIVE" },
      select: { slug: true, updatedAt: true },
    });
    expect(files.filter((file) => file.startsWith("/sitemaps/products-"))).toHaveLength(Math.ceil(live.length / 7));
    const products = urls.filter((url) => url.loc.startsWith(`${origin}/p/`));
    expect(products.map((url) => url.loc).sort()).toEqual(live.map((p) => `${origin}/p/${p.slug}`).sort());
    for (const product of live)
      expect(products.find((url) => url.loc.endsWith(`/p/${product.slug}`))?.lastmod).toBe(
        product.updatedAt.toISOString(),
      );
    const categories = urls
      .filter((url) => url.loc.startsWith(`${origin}/c/`))
      .map((url) => url.loc.replace(`${origin}/c/`, ""));
    expect(categories.sort()).toEqual(["audio", "cables", "earbuds"]);
    expect(urls.some((url) => url.loc === `${origin}/`)).toBe(true);
    expect((await app.inject("/sitemaps/products-99.xml")).statusCode).toBe(404);
    // Generated and gzipped once per catalog version, then served from the cache.
    const first = files.find((file) => file.startsWith("/sitemaps/products-")) ?? "";
    const gzipped = await app.inject({ url: first, headers: { "accept-encoding": "gzip" } });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe((await app.inject(first)).body);
  });
});
