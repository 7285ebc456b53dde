import { qb } from "@shop/db";
import { sql } from "kysely";
import { eb, isActive, type Condition } from "./filters.ts";

/** Sales order, as "Product"(status, unitsSold DESC, id) gives it. */
export const bestSelling = sql`${eb.ref("p.unitsSold")} DESC, ${eb.ref("p.id")} ASC`;

/**
 * The first `count` active products in sales order that pass `where` (any condition on `p`),
 * at a cost that does not grow with the catalogue when they are common. A broad match (a search
 * word many products share) is found among the first best sellers: the first branch reads at
 * most `walk` of them in index order and keeps those that pass. A rare one is not: only when those
 * held fewer than `count` does the second branch run (a one-time filter), letting the planner
 * find every match by its indexes (the search's GIN index) and sort them by sales; the matches
 * are then few (fewer than `count` in `walk` best sellers). Both branches give the same rows.
 */
export function bestSellingMatches(where: Condition, options: { count: number; walk: number }) {
  const matches = eb.and([isActive, where]);
  return qb
    .with("walk", (db) =>
      db
        .selectFrom((inner) =>
          inner
            .selectFrom("Product as p")
            .selectAll("p")
            .where(isActive)
            .orderBy(bestSelling)
            .limit(options.walk)
            .as("p"),
        )
        .select(["p.id", "p.unitsSold"])
        .where(matches)
        .orderBy(bestSelling)
        .limit(options.count),
    )
    .with("enough", (db) => db.selectFrom("walk").select(sql<boolean>`count(*) >= ${sql.lit(options.count)}`.as("yes")))
    .selectFrom("walk")
    .select(["walk.id", "walk.unitsSold"])
    .where(sql<boolean>`(SELECT "yes" FROM "enough")`)
    .unionAll((db) =>
      db
        .selectFrom((rare) =>
          rare
            .selectFrom("Product as p")
            .select(["p.id", "p.unitsSold"])
            .where(matches)
            .where(sql<boolean>`NOT (SELECT "yes" FROM "enough")`)
            .orderBy(bestSelling)
            .limit(options.count)
            .as("rare"),
        )
        .select(["rare.id", "rare.unitsSold"]),
    );
}
