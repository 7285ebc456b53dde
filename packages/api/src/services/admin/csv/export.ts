import type { PrismaClient } from "@shop/db";
import { csvCell, PRODUCT_CSV_COLUMNS, type ProductCsvColumn } from "@shop/validators";
import { minorToDecimal as money } from "../../../lib/money.ts";

/** Every product and variant as CSV (one row per variant), in the format the import reads. */
export async function exportProductsCsv(db: PrismaClient) {
  const products = await db.product.findMany({
    select: {
      slug: true,
      name: true,
      status: true,
      featured: true,
      description: true,
      seoTitle: true,
      seoDescription: true,
      brand: { select: { slug: true } },
      category: { select: { slug: true } },
      options: { select: { id: true, name: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
      variants: {
        select: {
          sku: true,
          price: true,
          compareAtPrice: true,
          stockOnHand: true,
          optionValues: { select: { optionValue: { select: { optionId: true, value: true } } } },
        },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      },
    },
    orderBy: { id: "asc" },
    relationLoadStrategy: "join",
  });
  const lines = [PRODUCT_CSV_COLUMNS.join(",")];
  for (const product of products) {
    for (const variant of product.variants) {
      const row: Record<ProductCsvColumn, string | number | boolean | null> = {
        product_slug: product.slug,
        product_name: product.name,
        status: product.status,
        brand: product.brand?.slug ?? null,
        category: product.category?.slug ?? null,
        featured: product.featured,
        description: product.description,
        seo_title: product.seoTitle,
        seo_description: product.seoDescription,
        option1_name: null,
        option1_value: null,
        option2_name: null,
        option2_value: null,
        option3_name: null,
        option3_value: null,
        sku: variant.sku,
        price: money(variant.price),
        compare_at_price: money(variant.compareAtPrice),
        stock: variant.stockOnHand,
      };
      product.options.slice(0, 3).forEach((option, index) => {
        const value =
          variant.optionValues.find((link) => link.optionValue.optionId === option.id)?.optionValue.value ?? null;
        const axis =
          index === 0
            ? (["option1_name", "option1_value"] as const)
            : index === 1
              ? (["option2_name", "option2_value"] as const)
              : (["option3_name", "option3_value"] as const);
        row[axis[0]] = option.name;
        row[axis[1]] = value;
      });
      lines.push(PRODUCT_CSV_COLUMNS.map((column) => csvCell(row[column])).join(","));
    }
  }
  return { csv: `${lines.join("\r\n")}\r\n`, products: products.length, rows: lines.length - 1 };
}
