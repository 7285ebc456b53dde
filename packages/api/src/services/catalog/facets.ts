import type { PrismaClient } from "@shop/db";
import type { CatalogFilters } from "@shop/validators";
import { qb, type DB } from "@shop/db";
import { expressionBuilder, sql } from "kysely";
import type { ApiConfig } from "../../context.ts";
import { read } from "../../lib/sql.ts";
import { loadCategories, subtreeCounts } from "./categories.ts";
import {
  eb,
  filterConditions,
  optionMatch,
  whereAll,
  type Condition,
  type FacetGroup,
  type ListingFilters,
  type ProductScope,
} from "./filters.ts";
import { resolveSearch } from "./resolve-search.ts";

/** Upper bounds (exclusive, minor units) of the price buckets; the last bucket is open. */
export const PRICE_BOUNDS = [2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 200_000];

/** Conditions of the option branch, which sees the option row as `o`. */
const withOption = expressionBuilder<ProductScope & { o: DB["ProductOption"] }, "p" | "o">();
const count = sql<number>`count(*)::int`;
const noText = sql<string | null>`NULL`;
// Grouped by the select list's position: the bucket's bounds are a parameter, and PostgreSQL
// would not see `$3` and `$6` as the same expression.
const byKey = sql`2`;

/**
 * One round trip: a branch per facet group, each with every filter but its own, as one
 * `UNION ALL` whose rows are `{ facet, key, label, count }` (typed from the schema's columns).
 */
function facetQuery(where: (except?: FacetGroup) => Condition, optionWhere: Condition) {
  const products = qb.selectFrom("Product as p");
  const category = products
    .select((e) => [
      sql.lit("category").as("facet"),
      e.cast<string | null>("p.categoryId", "text").as("key"),
      noText.as("label"),
      count.as("count"),
    ])
    .where(where("category"))
    .groupBy("p.categoryId");
  const brand = products
    .innerJoin("Brand as b", "b.id", "p.brandId")
    .select([sql.lit("brand").as("facet"), "b.slug as key", "b.name as label", count.as("count")])
    .where(where("brand"))
    .groupBy(["b.slug", "b.name"]);
  const priceBucket = sql<string | null>`width_bucket(${eb.ref("p.priceMin")}, ${PRICE_BOUNDS}::int[])::text`;
  const price = products
    .select([sql.lit("price").as("facet"), priceBucket.as("key"), noText.as("label"), count.as("count")])
    .where(where("price"))
    .groupBy(byKey);
  const stars = sql<string | null>`floor(${eb.ref("p.ratingAverage")})::int::text`;
  const rating = products
    .select([sql.lit("rating").as("facet"), stars.as("key"), noText.as("label"), count.as("count")])
    .where(where("rating"))
    .where("p.ratingCount", ">", 0)
    .groupBy(byKey);
  const option = products
    .innerJoin("ProductOption as o", "o.productId", "p.id")
    .innerJoin("ProductOptionValue as v", "v.optionId", "o.id")
    .select((e) => [
      sql.lit("option").as("facet"),
      "o.name as key",
      "v.value as label",
      sql<number>`count(DISTINCT ${e.ref("p.id")})::int`.as("count"),
    ])
    .where(optionWhere)
    .groupBy(["o.name", "v.value"]);
  const total = products
    .select([sql.lit("total").as("facet"), noText.as("key"), noText.as("label"), count.as("count")])
    .where(where());
  return category.unionAll(brand).unionAll(price).unionAll(rating).unionAll(option).unionAll(total);
}

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
  const where = (except?: FacetGroup) => whereAll(filterConditions(filters, except));

  // Option counts: a product's option row counts when the product passes every filter except
  // the one on that same option.
  const ownOptionExcluded = Object.entries(filters.options ?? {}).map(([name, values]) =>
    withOption.or([withOption("o.name", "=", name), optionMatch(name, values)]),
  );
  const optionWhere = whereAll([...filterConditions({ ...filters, options: undefined }), ...ownOptionExcluded]);

  const [facets, categories] = await Promise.all([read(db, facetQuery(where, optionWhere)), loadCategories(db)]);
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
