import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import type { ApiConfig } from "../../context.ts";
import { cardQuery, queryCards, toCard } from "./cards.ts";
import { eb, isActive, searchMatch } from "./filters.ts";
import { relevance, resolveSearch } from "./resolve-search.ts";

/** How many of the best-selling matches suggestions rank by relevance. */
export const SUGGESTION_CANDIDATES = 50;
/** How many best sellers the first look reads, in sales order, before it asks the search index. */
export const SUGGESTION_WALK = 2_000;

const bestSelling = sql`${eb.ref("p.unitsSold")} DESC, ${eb.ref("p.id")} ASC`;

/**
 * The best-selling products that match, at most SUGGESTION_CANDIDATES, at a cost that does not
 * grow with the catalogue. A broad prefix ("wirel") matches thousands of products: reading the
 * best sellers in index order finds the first 50 matches among the first few hundred rows. A
 * rare word matches few: the search index finds them all. The first branch reads at most
 * SUGGESTION_WALK rows; the second runs only when those held fewer than 50 matches (a one-time
 * filter), and then the matches are few (under 50 in 2,000 best sellers).
 */
function candidates(tsquery: string) {
  const matches = eb.and([isActive, searchMatch(tsquery)]);
  return qb
    .with("walk", (db) =>
      db
        .selectFrom((inner) =>
          inner
            .selectFrom("Product as p")
            .select(["p.id", "p.unitsSold"])
            .select(sql<unknown>`p."searchVector"`.as("searchVector"))
            .where(isActive)
            .orderBy(bestSelling)
            .limit(SUGGESTION_WALK)
            .as("p"),
        )
        .select(["p.id", "p.unitsSold"])
        .where(searchMatch(tsquery))
        .orderBy(bestSelling)
        .limit(SUGGESTION_CANDIDATES),
    )
    .with("enough", (db) =>
      db.selectFrom("walk").select(sql<boolean>`count(*) >= ${sql.lit(SUGGESTION_CANDIDATES)}`.as("yes")),
    )
    .selectFrom("walk")
    .select("walk.id")
    .where(sql<boolean>`(SELECT "yes" FROM "enough")`)
    .unionAll((db) =>
      db
        .selectFrom((rare) =>
          rare
            .selectFrom("Product as p")
            .select("p.id")
            .where(matches)
            .where(sql<boolean>`NOT (SELECT "yes" FROM "enough")`)
            .orderBy(bestSelling)
            .limit(SUGGESTION_CANDIDATES)
            .as("rare"),
        )
        .select("rare.id"),
    );
}

/**
 * Search-as-you-type: the best few active products for what has been typed so far (the last
 * word as a prefix, typos tolerated): the most relevant of the 50 best-selling matches, then by
 * sales. Two queries (the dictionary look-up, then the cards).
 */
export async function suggest(db: PrismaClient, config: ApiConfig, q: string) {
  const search = await resolveSearch(db, q);
  if (!search.tsquery) return { corrected: null, products: [] };
  const rank = relevance(search.rankQuery ?? search.tsquery);
  const rows = await queryCards(
    db,
    cardQuery({
      where: eb("p.id", "in", candidates(search.tsquery)),
      order: sql`${rank} DESC, ${bestSelling}`,
      limit: 6,
    }),
  );
  return { corrected: search.corrected, products: rows.map((row) => toCard(config, row)) };
}
