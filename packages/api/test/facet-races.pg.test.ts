import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProduct } from "./catalog-fixtures.ts";
import { setupTestShop } from "./support.ts";

// FacetCount under concurrent catalogue edits (on PostgreSQL, where transactions really
// overlap): each statement runs in its own transaction on its own connection, held open after
// it ran, so the triggers of one product's row and of its options interleave both ways. After
// every race the kept counts must equal a rebuild's (counting every product again).
describe("facet counts under concurrency", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let categories: number[];
  let brand: number;

  async function overlapping(statements: Array<{ text: string; values?: unknown[]; delayMs?: number }>) {
    const clients = statements.map(() => new pg.Client({ connectionString: shop.db.url }));
    await Promise.all(clients.map((client) => client.connect()));
    try {
      await Promise.all(
        statements.map(async (statement, i) => {
          const client = clients[i];
          if (!client) return;
          await new Promise((resolve) => setTimeout(resolve, statement.delayMs ?? 0));
          await client.query("BEGIN");
          await client.query(statement.text, statement.values ?? []);
          await client.query("SELECT pg_sleep(0.1)");
          await client.query("COMMIT");
        }),
      );
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  }

  /** The kept rows (zeros left out, as readers skip them) and what a rebuild makes of the same products. */
  async function keptAgainstRebuild() {
    const rows = async () =>
      (
        await shop.prisma.facetCount.findMany({
          where: { count: { not: 0 } },
          orderBy: [{ categoryId: "asc" }, { facet: "asc" }, { key: "asc" }, { value: "asc" }],
        })
      ).map((row) => `${row.categoryId}/${row.facet}/${row.key}/${row.value}=${row.count}`);
    const kept = await rows();
    await shop.prisma.$executeRaw`SELECT shop_facets_rebuild()`;
    return { kept, rebuilt: await rows() };
  }

  const product = (name: string, category = 0) =>
    makeProduct(shop.prisma, {
      name,
      brandId: brand,
      categoryId: categories[category],
      options: { Colour: ["Black", "Blue"], Size: ["S", "M"] },
      prices: 3_000,
    });
  const optionId = async (productId: number, name: string) =>
    (await shop.prisma.productOption.findFirstOrThrow({ where: { productId, name }, select: { id: true } })).id;

  beforeAll(async () => {
    shop = await setupTestShop();
    categories = [(await shop.make.category()).id, (await shop.make.category()).id];
    brand = (await shop.make.brand()).id;
  });
  afterAll(() => shop.db.close());

  it("keeps a colour added while its product is archived, in either order", async () => {
    for (const delays of [
      [0, 30],
      [30, 0],
    ]) {
      const { id } = await product(`Race jacket ${delays.join("-")}`);
      const colour = await optionId(id, "Colour");
      await overlapping([
        { text: `UPDATE "Product" SET "status" = 'ARCHIVED' WHERE "id" = $1`, values: [id], delayMs: delays[0] },
        {
          text: `INSERT INTO "ProductOptionValue" ("optionId", "value") VALUES ($1, 'Green')`,
          values: [colour],
          delayMs: delays[1],
        },
      ]);
      const { kept, rebuilt } = await keptAgainstRebuild();
      expect(kept).toEqual(rebuilt);
      expect(kept.some((row) => row.includes("/option/Colour/Green="))).toBe(false);
    }
  });

  it("keeps an option renamed or deleted while its product moves category or changes price", async () => {
    const moved = await product("Race shirt");
    const repriced = await product("Race scarf");
    const deleted = await product("Race hat", 1);
    await overlapping([
      { text: `UPDATE "Product" SET "categoryId" = $1 WHERE "id" = $2`, values: [categories[1], moved.id] },
      {
        text: `UPDATE "ProductOption" SET "name" = 'Shade' WHERE "id" = $1`,
        values: [await optionId(moved.id, "Colour")],
        delayMs: 20,
      },
      { text: `UPDATE "Variant" SET "price" = 60000 WHERE "productId" = $1`, values: [repriced.id], delayMs: 10 },
      { text: `DELETE FROM "ProductOption" WHERE "id" = $1`, values: [await optionId(repriced.id, "Size")] },
      { text: `DELETE FROM "Product" WHERE "id" = $1`, values: [deleted.id], delayMs: 15 },
      {
        text: `INSERT INTO "ProductOptionValue" ("optionId", "value") VALUES ($1, 'XL')`,
        values: [await optionId(deleted.id, "Size")],
      },
    ]);
    const { kept, rebuilt } = await keptAgainstRebuild();
    expect(kept).toEqual(rebuilt);
    expect(kept).toContain(`${categories[1]}/option/Shade/Black=1`);
  });

  it("loses no increment when many products of one category change at once", async () => {
    const many = await Promise.all(Array.from({ length: 8 }, (_, i) => product(`Race sock ${i}`)));
    const before = await shop.prisma.facetCount.findUnique({
      where: {
        categoryId_facet_key_value: { categoryId: categories[0] ?? 0, facet: "option", key: "Colour", value: "Red" },
      },
    });
    expect(before).toBeNull();
    await overlapping(
      await Promise.all(
        many.map(async ({ id }, i) => ({
          text: `INSERT INTO "ProductOptionValue" ("optionId", "value") VALUES ($1, 'Red')`,
          values: [await optionId(id, "Colour")],
          delayMs: i % 3,
        })),
      ),
    );
    const { kept, rebuilt } = await keptAgainstRebuild();
    expect(kept).toEqual(rebuilt);
    expect(kept).toContain(`${categories[0]}/option/Colour/Red=8`);
  });

  it("leaves the counts alone when a sale changes only stock", async () => {
    const { id } = await product("Race glove");
    const before = await shop.prisma.facetCount.findMany({
      orderBy: [{ categoryId: "asc" }, { facet: "asc" }, { key: "asc" }, { value: "asc" }],
    });
    await shop.prisma.$executeRaw`UPDATE "Variant" SET "stockOnHand" = 0 WHERE "productId" = ${id}`;
    const product_ = await shop.prisma.product.findUniqueOrThrow({ where: { id }, select: { inStock: true } });
    expect(product_.inStock).toBe(false);
    expect(
      await shop.prisma.facetCount.findMany({
        orderBy: [{ categoryId: "asc" }, { facet: "asc" }, { key: "asc" }, { value: "asc" }],
      }),
    ).toEqual(before);
  });
});
