import { csvCell, PRODUCT_CSV_COLUMNS } from "@shop/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, setupTestShop } from "./support.ts";

type Row = Partial<Record<(typeof PRODUCT_CSV_COLUMNS)[number], string>>;
const csv = (rows: Row[]) =>
  [
    PRODUCT_CSV_COLUMNS.join(","),
    ...rows.map((row) => PRODUCT_CSV_COLUMNS.map((column) => csvCell(row[column] ?? "")).join(",")),
  ].join("\n");
const variant = (slug: string, sku: string, colour: string, price = "19.99"): Row => ({
  product_slug: slug,
  product_name: `Product ${slug}`,
  status: "active",
  brand: "csv-brand",
  category: "csv-cat",
  option1_name: "Colour",
  option1_value: colour,
  sku,
  price,
  stock: "4",
});

describe("admin CSV import and export", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staff: Awaited<ReturnType<typeof callerFor>>["caller"];
  beforeAll(async () => {
    shop = await setupTestShop();
    staff = (await callerFor(shop.prisma, { userId: (await shop.make.user({ role: "STAFF" })).id })).caller;
    await shop.prisma.brand.create({ data: { name: "CSV Brand", slug: "csv-brand" } });
    await shop.prisma.category.create({ data: { name: "CSV Cat", slug: "csv-cat" } });
  });
  afterAll(() => shop.db.close());

  it("reports every bad cell by line and column and writes nothing", async () => {
    const before = await shop.prisma.product.count();
    const result = await staff.admin.products.importCsv({
      csv: csv([
        variant("good-one", "G-1", "Black"),
        { ...variant("bad-price", "B-1", "Black"), price: "12,50" },
        { ...variant("good-one", "G-2", "Blue"), product_name: "Another name" },
        { ...variant("good-one", "G-1", "Red") },
        { ...variant("no-brand", "N-1", "Black"), brand: "missing-brand" },
        { ...variant("neg", "S-1", "Black"), stock: "-2", sku: "bad sku" },
      ]),
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => [error.row, error.column])).toEqual([
      [3, "price"],
      [4, "product_name"],
      [5, "sku"],
      [6, "brand"],
      [7, "sku"],
      [7, "stock"],
    ]);
    expect(await shop.prisma.product.count()).toBe(before);
  });

  it("applies a valid file in one transaction, then updates by slug and SKU on re-import", async () => {
    const first = await staff.admin.products.importCsv({
      csv: csv([
        variant("lamp", "L-1", "Black"),
        variant("lamp", "L-2", "White", "21.50"),
        variant("desk", "D-1", "Oak"),
      ]),
    });
    expect(first).toMatchObject({ ok: true, applied: true, created: 2, updated: 0 });
    const lamp = await shop.prisma.product.findUniqueOrThrow({
      where: { slug: "lamp" },
      select: {
        id: true,
        priceMin: true,
        priceMax: true,
        brandName: true,
        variants: { select: { id: true, sku: true } },
      },
    });
    expect(lamp).toMatchObject({ priceMin: 1_999, priceMax: 2_150, brandName: "CSV Brand" });
    const again = await staff.admin.products.importCsv({
      csv: csv([{ ...variant("lamp", "L-1", "Black", "18.00"), stock: "9" }]),
    });
    expect(again).toMatchObject({ ok: true, created: 0, updated: 1 });
    const updated = await shop.prisma.variant.findMany({
      where: { productId: lamp.id },
      select: { id: true, price: true, stockOnHand: true },
    });
    expect(updated).toEqual([{ id: lamp.variants.find((v) => v.sku === "L-1")?.id, price: 1_800, stockOnHand: 9 }]);
  });

  it("rolls the whole import back when the database refuses a row", async () => {
    await shop.prisma.$executeRaw`ALTER TABLE "Variant" ADD CONSTRAINT "test_refuses_price" CHECK ("price" <> 77700)`;
    try {
      const file = csv([variant("alpha", "A-1", "Black"), variant("beta", "BE-1", "Black", "777.00")]);
      await expect(staff.admin.products.importCsv({ csv: file })).rejects.toThrow();
      expect(await shop.prisma.product.count({ where: { slug: { in: ["alpha", "beta"] } } })).toBe(0);
    } finally {
      await shop.prisma.$executeRaw`ALTER TABLE "Variant" DROP CONSTRAINT "test_refuses_price"`;
    }
  });

  it("exports what it imports", async () => {
    const exported = await staff.admin.products.exportCsv();
    expect(exported.csv.split("\r\n")[0]).toBe(PRODUCT_CSV_COLUMNS.join(","));
    expect(exported.csv).toContain("lamp,Product lamp,ACTIVE,csv-brand,csv-cat,false,");
    const dry = await staff.admin.products.importCsv({ csv: exported.csv, dryRun: true });
    expect(dry).toMatchObject({ ok: true, applied: false, products: exported.products });
  });
});
