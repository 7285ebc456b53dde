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

  it("refuses a client's requests past the ceiling with 429, not another client's, and frees them when done", async () => {
    // Each caller is one request (its own context), all from the crawler's address.
    const crawler = await Promise.all([1, 2, 3, 4].map(() => clientAt("198.51.100.7")));
    const shopper = await clientAt("203.0.113.50");
    const reads = [
      crawler[0]?.catalog.list({ limit: 5, inStock: true }),
      crawler[1]?.catalog.facets({ brands: ["nobody"] }),
      crawler[2]?.catalog.facets({ featured: true }),
      crawler[3]?.catalog.list({ limit: 5, sort: "price_asc" }),
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
    const again = await clientAt("198.51.100.7");
    await expect(again.catalog.list({ q: "flight", limit: 5 })).resolves.toMatchObject({
      items: [{ name: "Flight Case" }],
    });
    await expect(again.catalog.get({ slug: "no-such-product" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("counts the calls of one request (a batch) once", async () => {
    const page = await clientAt("198.51.100.8");
    const other = await clientAt("198.51.100.8");
    const settled = await Promise.allSettled([
      page.catalog.list({ limit: 5 }),
      page.catalog.facets({}),
      page.catalog.suggest({ q: "fli" }),
      page.catalog.categories(),
      other.catalog.facets({ inStock: true }),
    ]);
    expect(settled.map((result) => result.status)).toEqual(Array(5).fill("fulfilled"));
  });
});
