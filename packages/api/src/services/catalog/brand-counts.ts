import { qb } from "@shop/db";
import { sql } from "kysely";

/**
 * Brands with their active products as FacetCount keeps them (its "brand" rows, one per brand and
 * category, exact under concurrent edits: docs/architecture.md, "Search and facets at scale"),
 * where counting a brand's products reads every one of them.
 */
const activePerBrand = qb
  .selectFrom("FacetCount as f")
  .where("f.facet", "=", sql.lit("brand"))
  .select(["f.key", sql<number>`sum(${sql.ref("f.count")})::int`.as("count")])
  .groupBy("f.key");

export const brandsWithCounts = qb
  .selectFrom("Brand as b")
  .leftJoin(activePerBrand.as("c"), (join) => join.on(sql`${sql.ref("b.id")}::text`, "=", sql.ref("c.key")))
  .select((e) => ["b.slug", "b.name", e.fn.coalesce("c.count", sql.lit(0)).as("productCount")]);
