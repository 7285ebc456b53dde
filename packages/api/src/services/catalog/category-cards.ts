import { sql, type AliasableExpression, type RawBuilder } from "kysely";
import { cardColumns } from "./cards.ts";
import { withSubtree, type Condition } from "./filters.ts";

/** Subtrees of at most this many categories are read category by category. */
export const PER_CATEGORY_MAX = 24;

/**
 * A category listing's page read along each category's own index, then merged: for every
 * category of the subtree, the first `limit` rows in the sort's order from
 * "Product"(categoryId, status, <sort key>, id), so the page costs at most `limit` rows per
 * category whatever the catalogue's size. The shop-wide index ("Product"(status, <sort key>, id))
 * walked with a category filter reads past every other category's rows first: at 100,000
 * products, "audio, in stock, 20-500, cheapest first" read 6,924 rows for 25.
 *
 * A subtree of more than PER_CATEGORY_MAX categories (a root over most of the shop) keeps the
 * shop-wide walk, which finds its rows early; a one-time filter runs only one of the branches.
 * `where` holds every other condition (the cursor's too: "after (value, id)" is the same in
 * every category). Rows are in the order the card query would give.
 */
export function categoryCardQuery(options: {
  category: string;
  where: Condition;
  order: RawBuilder<unknown>;
  sortKey: AliasableExpression<string | number>;
  limit: number;
}) {
  const { where, order, limit } = options;
  return withSubtree(options.category)
    .with("small", (db) =>
      db.selectFrom("tree").select(sql<boolean>`count(*) <= ${sql.lit(PER_CATEGORY_MAX)}`.as("yes")),
    )
    .selectFrom((db) =>
      db
        .selectFrom("tree as t")
        .innerJoinLateral(
          (lateral) =>
            lateral
              .selectFrom("Product as p")
              .select(cardColumns)
              .select([options.sortKey.as("sortKey"), "p.createdAt", "p.unitsSold"])
              .where(where)
              .whereRef("p.categoryId", "=", "t.id")
              .orderBy(order)
              .limit(limit)
              .as("p"),
          (join) => join.onTrue(),
        )
        .selectAll("p")
        .where(sql<boolean>`(SELECT "yes" FROM "small")`)
        .unionAll((union) =>
          union
            .selectFrom((broad) =>
              broad
                .selectFrom("Product as p")
                .select(cardColumns)
                .select([options.sortKey.as("sortKey"), "p.createdAt", "p.unitsSold"])
                .where(where)
                .where("p.categoryId", "in", broad.selectFrom("tree").select("tree.id"))
                .where(sql<boolean>`NOT (SELECT "yes" FROM "small")`)
                .orderBy(order)
                .limit(limit)
                .as("p"),
            )
            .selectAll("p"),
        )
        .as("p"),
    )
    .select([...cardColumns, "p.sortKey", sql<null>`NULL::bool`.as("wordsKnown")])
    .orderBy(order)
    .limit(limit);
}
