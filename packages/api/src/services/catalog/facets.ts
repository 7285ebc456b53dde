import type { PrismaClient } from "@shop/db";
import type { CatalogFilters } from "@shop/validators";
import { sql } from "kysely";
import { z } from "zod";
import type { ApiConfig } from "../../context.ts";
import { readRows } from "../../lib/sql.ts";
import { loadCategories, subtreeCounts } from "./categories.ts";
import { filterConditions, optionMatch, whereAll, type ListingFilters } from "./filters.ts";
import { resolveSearch } from "./resolve-search.ts";

/** Upper bounds (exclusive, minor units) of the price buckets; the last bucket is open. */
export const PRICE_BOUNDS = [2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 200_000];

const FacetRow = z.object({
  facet: z.string(),
  key: z.string().nullable(),
  label: z.string().nullable(),
  count: z.number(),
});

/**
 * Facet counts for the current filters, as shoppers expect: each group counts what its options
 * would show with every *other* filter applied, so choosing a brand does not hide the other
 * brands. One round trip (UNION ALL) plus the small category table.
 */
export async function facetCounts(db: PrismaClient, config: Pick<ApiConfig, "currency">, input: CatalogFilters) {
  const { q, ...rest } = input;
  const search = q ? await resolveSearch(db, q) : null;
  if (q && !search?.tsquery) return { ...emptyFacets(), currency: config.currency };
  const filters: ListingFilters = { ...rest, search: search?.tsquery };
  const where = (except?: Parameters<typeof filterConditions>[1]) => whereAll(filterConditions(filters, except));

  // Option counts: a product's option row counts when the product passes every filter except
  // the one on that same option.
  const ownOptionExcluded = Object.entries(filters.options ?? {}).map(
    ([name, values]) => sql<boolean>`(o."name" = ${name} OR ${optionMatch(name, values)})`,
  );
  const optionWhere = whereAll([...filterConditions({ ...filters, options: undefined }), ...ownOptionExcluded]);

  const [rows, categories] = await Promise.all([
    readRows(
      db,
      sql`
      SELECT 'category' AS "facet", p."categoryId"::text AS "key", NULL AS "label", count(*)::int AS "count"
        FROM "Product" p WHERE ${where("category")} GROUP BY p."categoryId"
      UNION ALL
      SELECT 'brand', b."slug", b."name", count(*)::int
        FROM "Product" p JOIN "Brand" b ON b."id" = p."brandId" WHERE ${where("brand")} GROUP BY b."slug", b."name"
      UNION ALL
      SELECT 'price', width_bucket(p."priceMin", ${PRICE_BOUNDS}::int[])::text, NULL, count(*)::int
        FROM "Product" p WHERE ${where("price")} GROUP BY 2
      UNION ALL
      SELECT 'rating', floor(p."ratingAverage")::int::text, NULL, count(*)::int
        FROM "Product" p WHERE ${where("rating")} AND p."ratingCount" > 0 GROUP BY 2
      UNION ALL
      SELECT 'option', o."name", v."value", count(DISTINCT p."id")::int
        FROM "Product" p JOIN "ProductOption" o ON o."productId" = p."id" JOIN "ProductOptionValue" v ON v."optionId" = o."id"
       WHERE ${optionWhere} GROUP BY o."name", v."value"
      UNION ALL
      SELECT 'total', NULL, NULL, count(*)::int FROM "Product" p WHERE ${where()}`,
    ),
    loadCategories(db),
  ]);
  const facets = z.array(FacetRow).parse(rows);
  const of = (facet: string) => facets.filter((row) => row.facet === facet);

  const categoryCounts = subtreeCounts(categories, new Map(of("category").map((row) => [Number(row.key), row.count])));
  const byRating = new Map(of("rating").map((row) => [Number(row.key), row.count]));
  const options = new Map<string, Array<{ value: string; count: number }>>();
  for (const row of of("option")) {
    if (row.key === null || row.label === null) continue;
    options.set(row.key, [...(options.get(row.key) ?? []), { value: row.label, count: row.count }]);
  }
  const byBucket = new Map(of("price").map((row) => [Number(row.key), row.count]));
  return {
    currency: config.currency,
    total: of("total")[0]?.count ?? 0,
    categories: categories
      .map((category) => ({
        slug: category.slug,
        name: category.name,
        parentSlug: category.parentSlug,
        count: categoryCounts.get(category.id) ?? 0,
      }))
      .filter((category) => category.count > 0),
    brands: of("brand")
      .flatMap((row) => (row.key && row.label ? [{ slug: row.key, name: row.label, count: row.count }] : []))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    prices: [0, ...PRICE_BOUNDS]
      .map((min, index) => ({
        min,
        max: PRICE_BOUNDS[index] === undefined ? null : (PRICE_BOUNDS[index] ?? 0) - 1,
        count: byBucket.get(index) ?? 0,
      }))
      .filter((bucket) => bucket.count > 0),
    // "4 stars & up": cumulative counts.
    ratings: [4, 3, 2, 1].map((stars) => ({
      stars,
      count: [...byRating].reduce((sum, [floor, count]) => (floor >= stars ? sum + count : sum), 0),
    })),
    options: [...options].map(([name, values]) => ({
      name,
      values: values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    })),
  };
}

function emptyFacets() {
  return { total: 0, categories: [], brands: [], prices: [], ratings: [], options: [] };
}
