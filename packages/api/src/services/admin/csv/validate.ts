import type { PrismaClient } from "@shop/db";
import { csvColumnIndex, parseCsv, validateCsvRow, type CsvRowError, type ProductCsvRow } from "@shop/validators";
import type { ProductData } from "../products/save-product.ts";

export type PlannedProduct = { slug: string; line: number; data: ProductData; skus: string[] };

const productKeys = [
  "product_name",
  "status",
  "brand",
  "category",
  "featured",
  "description",
  "seo_title",
  "seo_description",
] as const;
const axes = [
  ["option1_name", "option1_value"],
  ["option2_name", "option2_value"],
  ["option3_name", "option3_value"],
] as const;

/**
 * Checks every row of a product CSV before anything is written: each cell, then the rows of
 * one product against each other, then brands, categories and SKUs against the database.
 * Returns the products to write, or every problem found with its line and column.
 */
export async function validateProductCsv(
  db: PrismaClient,
  text: string,
): Promise<{ errors: CsvRowError[]; products: PlannedProduct[]; rows: number }> {
  const [header = [], ...body] = parseCsv(text);
  const { index, errors } = csvColumnIndex(header);
  if (errors.length) return { errors, products: [], rows: body.length };
  if (body.length === 0)
    return { errors: [{ row: 1, column: "", message: "The file has no rows" }], products: [], rows: 0 };
  const groups = new Map<string, Array<{ line: number; row: ProductCsvRow }>>();
  const skuLines = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    const checked = validateCsvRow(cells, index, line);
    errors.push(...checked.errors);
    if (!checked.row) return;
    const sku = checked.row.sku.toLowerCase();
    if (skuLines.has(sku)) errors.push({ row: line, column: "sku", message: `Same SKU as line ${skuLines.get(sku)}` });
    skuLines.set(sku, line);
    groups.set(checked.row.product_slug, [...(groups.get(checked.row.product_slug) ?? []), { line, row: checked.row }]);
  });

  const [brands, categories, takenSkus] = await Promise.all([
    db.brand.findMany({ select: { id: true, slug: true } }),
    db.category.findMany({ select: { id: true, slug: true } }),
    db.variant.findMany({
      where: { sku: { in: [...skuLines.keys()], mode: "insensitive" } },
      select: { sku: true, product: { select: { slug: true } } },
    }),
  ]);
  const brandIds = new Map(brands.map((brand) => [brand.slug, brand.id]));
  const categoryIds = new Map(categories.map((category) => [category.slug, category.id]));
  const skuOwner = new Map(takenSkus.map((variant) => [variant.sku.toLowerCase(), variant.product.slug]));

  const products: PlannedProduct[] = [];
  for (const [slug, rows] of groups) {
    const first = rows[0];
    if (!first) continue;
    const names = axes.map(([name]) => first.row[name]).filter((name) => name !== "");
    const values = names.map(() => [] as string[]);
    const combos = new Set<string>();
    for (const { line, row } of rows) {
      for (const key of productKeys) {
        if (row[key] !== first.row[key])
          errors.push({ row: line, column: key, message: `Differs from line ${first.line} of the same product` });
      }
      const chosen: string[] = [];
      axes.forEach(([name, value], axis) => {
        if (row[name] !== (names[axis] ?? ""))
          errors.push({ row: line, column: name, message: `Use the option names of line ${first.line}` });
        else if (row[name] && !row[value]) errors.push({ row: line, column: value, message: "Required" });
        else if (!row[name] && row[value]) errors.push({ row: line, column: name, message: "Name the option" });
        if (row[name] && row[value]) {
          chosen.push(row[value]);
          if (!values[axis]?.includes(row[value])) values[axis]?.push(row[value]);
        }
      });
      if (combos.has(JSON.stringify(chosen)))
        errors.push({ row: line, column: "option1_value", message: "Two variants have the same options" });
      combos.add(JSON.stringify(chosen));
      const owner = skuOwner.get(row.sku.toLowerCase());
      if (owner && owner !== slug)
        errors.push({ row: line, column: "sku", message: `SKU belongs to product ${owner}` });
      if (row.compare_at_price !== undefined && row.compare_at_price <= row.price)
        errors.push({ row: line, column: "compare_at_price", message: "Must be above the price" });
    }
    if (first.row.brand && !brandIds.has(first.row.brand))
      errors.push({ row: first.line, column: "brand", message: "No brand with this slug" });
    if (first.row.category && !categoryIds.has(first.row.category))
      errors.push({ row: first.line, column: "category", message: "No category with this slug" });
    products.push({
      slug,
      line: first.line,
      skus: rows.map(({ row }) => row.sku),
      data: {
        name: first.row.product_name,
        slug,
        description: first.row.description,
        status: first.row.status,
        featured: first.row.featured,
        seoTitle: first.row.seo_title || null,
        seoDescription: first.row.seo_description || null,
        brandId: first.row.brand ? (brandIds.get(first.row.brand) ?? null) : null,
        categoryId: first.row.category ? (categoryIds.get(first.row.category) ?? null) : null,
        tags: [],
        options: names.map((name, axis) => ({ name, values: values[axis] ?? [] })),
        variants: rows.map(({ row }) => ({
          sku: row.sku,
          price: row.price,
          compareAtPrice: row.compare_at_price ?? null,
          stockOnHand: row.stock,
          optionValues: axes.flatMap(([name, value]) => (row[name] ? [row[value]] : [])),
        })),
      },
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { errors, products, rows: body.length };
}
