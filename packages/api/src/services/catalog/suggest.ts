import { qb, type PrismaClient } from "@shop/db";
import { sql, type AliasableExpression } from "kysely";
import type { ApiConfig } from "../../context.ts";
import { bestSelling, bestSellingMatches } from "./best-selling.ts";
import { cardQuery, queryCards, toCard } from "./cards.ts";
import { eb, searchMatch } from "./filters.ts";
import { onlyIfKnown, relevance, searchAssumingKnown } from "./resolve-search.ts";

/** How many of the best-selling matches suggestions rank by relevance. */
export const SUGGESTION_CANDIDATES = 50;
/** How many best sellers the first look reads, in sales order, before it asks the search index. */
export const SUGGESTION_WALK = 2_000;

/**
 * Search-as-you-type: the best few active products for what has been typed so far (the last
 * word as a prefix, typos tolerated): the most relevant of the 50 best-selling matches, then by
 * sales. One statement when the dictionary knows every word (most keystrokes), as listings do:
 * the cards and whether the words are known; otherwise the look-up that corrects them, then the
 * cards. A broad prefix ("wirel") matches thousands of products; the 50 best-selling matches are
 * found among the first 2,000 best sellers (best-selling.ts), so the cost does not grow with the
 * catalogue.
 */
export async function suggest(db: PrismaClient, config: ApiConfig, q: string) {
  const found = await searchAssumingKnown(db, q, async (search, known) => {
    const rows = await suggestions(db, search.tsquery ?? "", search.rankQuery, known);
    // No rows, no answer: the words are looked up (a prefix matching nothing costs three statements).
    const products = rows.map((row) => toCard(config, row));
    return { value: { corrected: search.corrected, products }, wordsKnown: !known || rows[0]?.wordsKnown === true };
  });
  return found ?? { corrected: null, products: [] };
}

/** The six cards; with `known`, nothing when it is not true (a one-time filter: nothing is read). */
function suggestions(
  db: PrismaClient,
  tsquery: string,
  rankQuery: string | null,
  known?: AliasableExpression<boolean | null>,
) {
  const rank = relevance(rankQuery ?? tsquery);
  const stop = known ? [onlyIfKnown(known)] : [];
  const candidates = bestSellingMatches(eb.and([searchMatch(tsquery), ...stop]), {
    count: SUGGESTION_CANDIDATES,
    walk: SUGGESTION_WALK,
  });
  return queryCards(
    db,
    cardQuery({
      where: eb("p.id", "in", qb.selectFrom(candidates.as("c")).select("c.id")),
      order: sql`${rank} DESC, ${bestSelling}`,
      limit: 6,
      wordsKnown: known,
    }),
  );
}
