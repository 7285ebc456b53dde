import type { PrismaClient } from "@shop/db";
import { sql } from "kysely";
import type { ApiConfig } from "../../context.ts";
import { cardQuery, queryCards, toCard } from "./cards.ts";
import { eb, isActive, searchMatch } from "./filters.ts";
import { relevance, resolveSearch } from "./resolve-search.ts";

/**
 * Search-as-you-type: the best few active products for what has been typed so far (the last
 * word as a prefix, typos tolerated), ranked by relevance then sales. Two queries.
 */
export async function suggest(db: PrismaClient, config: ApiConfig, q: string) {
  const search = await resolveSearch(db, q);
  if (!search.tsquery) return { corrected: null, products: [] };
  const rank = relevance(search.rankQuery ?? search.tsquery);
  const rows = await queryCards(
    db,
    cardQuery({
      where: eb.and([isActive, searchMatch(search.tsquery)]),
      order: sql`${rank} DESC, ${eb.ref("p.unitsSold")} DESC, ${eb.ref("p.id")} ASC`,
      limit: 6,
      narrow: true,
    }),
  );
  return { corrected: search.corrected, products: rows.map((row) => toCard(config, row)) };
}
