import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import type { ApiConfig } from "../../context.ts";
import { bestSelling, bestSellingMatches } from "./best-selling.ts";
import { cardQuery, queryCards, toCard } from "./cards.ts";
import { eb, searchMatch } from "./filters.ts";
import { relevance, resolveSearch } from "./resolve-search.ts";

/** How many of the best-selling matches suggestions rank by relevance. */
export const SUGGESTION_CANDIDATES = 50;
/** How many best sellers the first look reads, in sales order, before it asks the search index. */
export const SUGGESTION_WALK = 2_000;

/**
 * Search-as-you-type: the best few active products for what has been typed so far (the last
 * word as a prefix, typos tolerated): the most relevant of the 50 best-selling matches, then by
 * sales. Two queries (the dictionary look-up, then the cards). A broad prefix ("wirel") matches
 * thousands of products; the 50 best-selling matches are found among the first 2,000 best sellers
 * (best-selling.ts), so the cost does not grow with the catalogue.
 */
export async function suggest(db: PrismaClient, config: ApiConfig, q: string) {
  const search = await resolveSearch(db, q);
  if (!search.tsquery) return { corrected: null, products: [] };
  const rank = relevance(search.rankQuery ?? search.tsquery);
  const candidates = bestSellingMatches(searchMatch(search.tsquery), {
    count: SUGGESTION_CANDIDATES,
    walk: SUGGESTION_WALK,
  });
  const rows = await queryCards(
    db,
    cardQuery({
      where: eb("p.id", "in", qb.selectFrom(candidates.as("c")).select("c.id")),
      order: sql`${rank} DESC, ${bestSelling}`,
      limit: 6,
    }),
  );
  return { corrected: search.corrected, products: rows.map((row) => toCard(config, row)) };
}
