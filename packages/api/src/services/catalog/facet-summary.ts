import { qb } from "@shop/db";
import { sql } from "kysely";
import { prepared } from "../../lib/sql.ts";
import { subtreeIds } from "./filters.ts";

const sum = sql<number>`sum(${sql.ref("f.count")})::int`;
const noText = sql<string | null>`NULL`;

/**
 * Facet rows (`{ facet, key, label, count }`, as the counting query's) read from FacetCount,
 * the counts the catalog's triggers keep per category: for a listing whose only filter is its
 * category (or none). Category counts ignore the category filter, as in the counting query;
 * every other group sums the rows of the category's subtree. A few hundred rows, whatever the
 * number of products.
 */
function summaryQuery(category: string | null) {
  const rows = qb.selectFrom("FacetCount as f").where("f.count", ">", 0);
  const scoped = category === null ? rows : rows.where("f.categoryId", "in", subtreeIds(category));
  const categories = rows
    .where("f.facet", "=", sql.lit("total"))
    .select((e) => [
      sql.lit("category").as("facet"),
      e.cast<string | null>("f.categoryId", "text").as("key"),
      noText.as("label"),
      sum.as("count"),
    ])
    .groupBy("f.categoryId");
  const brands = scoped
    .innerJoin("Brand as b", (join) => join.on(sql`${sql.ref("b.id")}::text`, "=", sql.ref("f.key")))
    .where("f.facet", "=", sql.lit("brand"))
    .select([sql.lit("brand").as("facet"), "b.slug as key", "b.name as label", sum.as("count")])
    .groupBy(["b.slug", "b.name"]);
  const buckets = scoped
    .where("f.facet", "in", [sql.lit("price"), sql.lit("rating")])
    .select(["f.facet", "f.key", noText.as("label"), sum.as("count")])
    .groupBy(["f.facet", "f.key"]);
  const options = scoped
    .where("f.facet", "=", sql.lit("option"))
    .select([sql.lit("option").as("facet"), "f.key", "f.value as label", sum.as("count")])
    .groupBy(["f.key", "f.value"]);
  const total = scoped
    .where("f.facet", "=", sql.lit("total"))
    .select([
      sql.lit("total").as("facet"),
      noText.as("key"),
      noText.as("label"),
      sql<number>`COALESCE(${sum}, 0)`.as("count"),
    ]);
  return categories.unionAll(brands).unionAll(buckets).unionAll(options).unionAll(total);
}

// Compiled once each: facets are asked for by every listing page.
const everything = prepared({}, () => summaryQuery(null));
const ofCategory = prepared({ slug: "\u0000category" }, ({ slug }) => summaryQuery(slug));

export const summaryFacets = (category: string | undefined) =>
  category === undefined ? everything({}) : ofCategory({ slug: category });
