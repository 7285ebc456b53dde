import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, factories, type TestDatabase } from "../src/testing/index.ts";

describe("the database enforces the model", () => {
  let db: TestDatabase;
  let make: ReturnType<typeof factories>;
  beforeAll(async () => {
    db = await createTestDatabase();
    make = factories(db.prisma);
  });
  afterAll(() => db.close());

  it("has an index leading with the columns of every foreign key", async () => {
    const unindexed = await db.sql.query<{ constraint: string }>(`
      SELECT c.conname AS constraint
        FROM pg_constraint c
       WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
         AND NOT EXISTS (
           SELECT 1 FROM pg_index i
            WHERE i.indrelid = c.conrelid
              AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
              AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)`);
    expect(unindexed).toEqual([]);
  });

  it("never lets stock or reservations go negative or reservations exceed stock", async () => {
    const product = await make.product({ variants: [{ price: 500, stock: 2 }] });
    const id = product.variants[0]?.id;
    await expect(db.prisma.variant.update({ where: { id }, data: { stockOnHand: -1 } })).rejects.toThrow(
      /Variant_(stock_nonnegative|reserved_within_stock)/,
    );
    await expect(db.prisma.variant.update({ where: { id }, data: { reserved: 3 } })).rejects.toThrow(
      /Variant_reserved_within_stock/,
    );
    await expect(db.prisma.variant.update({ where: { id }, data: { reserved: -1 } })).rejects.toThrow(
      /Variant_reserved_nonnegative/,
    );
  });

  it("rejects ratings outside 1-5 and order totals that do not add up", async () => {
    const user = await make.user();
    const product = await make.product();
    await expect(
      db.prisma.review.create({ data: { productId: product.id, userId: user.id, rating: 6, title: "t", body: "b" } }),
    ).rejects.toThrow(/Review_rating_range/);
    await expect(
      db.prisma.order.create({
        data: {
          email: "a@example.com",
          subtotal: 1000,
          shippingTotal: 100,
          taxTotal: 0,
          total: 999,
          shippingMethodName: "Standard",
        },
      }),
    ).rejects.toThrow(/Order_total_adds_up/);
  });

  it("keeps each product's price range and availability in step with its variants", async () => {
    const product = await make.product({
      variants: [
        { price: 900, stock: 0 },
        { price: 1500, stock: 0 },
      ],
    });
    const summary = () =>
      db.prisma.product.findUniqueOrThrow({
        where: { id: product.id },
        select: { priceMin: true, priceMax: true, inStock: true },
      });
    expect(await summary()).toEqual({ priceMin: 900, priceMax: 1500, inStock: false });
    const [cheap, dear] = product.variants;
    await db.prisma.variant.update({ where: { id: dear?.id }, data: { stockOnHand: 3 } });
    expect(await summary()).toEqual({ priceMin: 900, priceMax: 1500, inStock: true });
    await db.prisma.variant.update({ where: { id: dear?.id }, data: { reserved: 3 } });
    expect((await summary()).inStock).toBe(false);
    await db.prisma.variant.update({ where: { id: cheap?.id }, data: { price: 2000 } });
    expect(await summary()).toMatchObject({ priceMin: 1500, priceMax: 2000 });
    await db.prisma.variant.delete({ where: { id: dear?.id } });
    expect(await summary()).toEqual({ priceMin: 2000, priceMax: 2000, inStock: false });
  });

  it("indexes name, brand, category and description for full-text search, following renames", async () => {
    const brand = await make.brand("Zephyr");
    const category = await make.category({ name: "Headsets" });
    const product = await make.product({
      name: "Aurora Buds",
      brandId: brand.id,
      categoryId: category.id,
      description: "wireless",
    });
    const matches = async (query: string) =>
      (
        await db.sql.query(
          `SELECT 1 FROM "Product" WHERE "id" = $1 AND "searchVector" @@ plainto_tsquery('english', $2)`,
          [product.id, query],
        )
      ).length === 1;
    expect(await matches("aurora")).toBe(true);
    expect(await matches("zephyr")).toBe(true);
    expect(await matches("headsets")).toBe(true);
    expect(await matches("wireless")).toBe(true);
    await db.prisma.brand.update({ where: { id: brand.id }, data: { name: "Boreas" } });
    expect(await matches("boreas")).toBe(true);
    expect(await matches("zephyr")).toBe(false);
  });

  it("keeps the audit trail append-only", async () => {
    const entry = await db.prisma.auditLog.create({ data: { action: "test", entityType: "Product", entityId: "1" } });
    await expect(db.prisma.auditLog.update({ where: { id: entry.id }, data: { action: "forged" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prisma.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });
});
