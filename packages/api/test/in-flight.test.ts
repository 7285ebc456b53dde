import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProduct } from "./catalog-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

// One client's catalog reads at once are bounded (meta.inFlight): a crawler walking filter
// combinations that all miss the cache holds at most that many database connections.
describe("catalog reads in flight per client", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
    await makeProduct(shop.prisma, { name: "Flight Case", options: { Colour: ["Black"] } });
  });
  afterAll(() => shop.db.close());

  const clientAt = (ip: string) =>
    callerFor(shop.prisma, { request: { ip }, config: { catalogInFlightPerIp: 2 } }).then((c) => c.caller);

  it("refuses a client's reads past the ceiling with 429, not another client's, and frees them when done", async () => {
    const crawler = await clientAt("198.51.100.7");
    const shopper = await clientAt("203.0.113.50");
    const reads = [
      crawler.catalog.list({ limit: 5, inStock: true }),
      crawler.catalog.facets({ brands: ["nobody"] }),
      crawler.catalog.facets({ featured: true }),
      crawler.catalog.list({ limit: 5, sort: "price_asc" }),
      shopper.catalog.facets({}),
    ];
    const settled = await Promise.allSettled(reads);
    expect(settled.map((result) => result.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "rejected",
      "fulfilled",
    ]);
    for (const result of settled) {
      if (result.status === "rejected") {
        expect(result.reason).toBeInstanceOf(TRPCError);
        expect(result.reason).toMatchObject({ code: "TOO_MANY_REQUESTS" });
      }
    }
    // Finished reads (and failed ones) give their place back.
    await expect(crawler.catalog.list({ q: "flight", limit: 5 })).resolves.toMatchObject({
      items: [{ name: "Flight Case" }],
    });
    await expect(crawler.catalog.get({ slug: "no-such-product" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const again = await Promise.allSettled([crawler.catalog.facets({}), crawler.catalog.suggest({ q: "fli" })]);
    expect(again.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
  });
});
