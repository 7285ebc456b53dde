import type { PrismaClient } from "@shop/db";
import type { CatalogListInput, CatalogSort } from "@shop/validators";
import { sql, type AliasableExpression } from "kysely";
import type { ApiConfig } from "../../context.ts";
import { cardQuery, queryCards, toCard, type CardRow } from "./cards.ts";
import { categoryCardQuery } from "./category-cards.ts";
import { read } from "../../lib/sql.ts";
import { relevancePage } from "./search-page.ts";
import { filterConditions, whereAll } from "./filters.ts";
import { decodeListingCursor, encodeListingCursor, sorts } from "./keyset.ts";
import { assumeKnown, relevance, searchAssumingKnown, type ResolvedSearch } from "./resolve-search.ts";

type ListInput = Omit<CatalogListInput, "limit"> & { limit: number };

/**
 * A page of active products for any combination of filters and sorts: one query, or two when
 * a search word is not in the dictionary (the look-up that corrects typos, then the page).
 */
export async function listProducts(db: PrismaClient, config: ApiConfig, input: ListInput) {
  if (!input.q) return (await listPage(db, config, input, null)).result;
  // Most searches have no typo: ask for the page as if so, and whether it is so, in one statement.
  const page = await searchAssumingKnown(db, input.q, async (search, known) => {
    const { result, wordsKnown } = await listPage(db, config, input, search, known);
    return { value: result, wordsKnown };
  });
  return page ?? (await listPage(db, config, input, assumeKnown(input.q))).result;
}

async function listPage(
  db: PrismaClient,
  config: ApiConfig,
  input: ListInput,
  search: ResolvedSearch | null,
  check?: AliasableExpression<boolean | null>,
) {
  const { cursor, limit, sort: requested, q: _q, direction: _direction, ...filters } = input;
  const sort: CatalogSort = requested ?? (search?.tsquery ? "relevance" : "newest");
  if (sort === "relevance" && !search?.tsquery) {
    return { result: { items: [], nextCursor: null, sort, corrected: null }, wordsKnown: true };
  }
  const spec = sorts[sort];
  const rank = search?.rankQuery ? relevance(search.rankQuery) : sql<number>`0::float8`;
  // A category listing without a search reads each category along its own index (category-cards.ts).
  const byCategory = filters.category && !search ? filters.category : null;
  const conditions = filterConditions({ ...filters, search: search?.tsquery }, byCategory ? "category" : undefined);
  const after = decodeListingCursor(cursor, sort);
  const result = (rows: CardRow[], nextCursor: string | null) => ({
    items: rows.map((row) => toCard(config, row)),
    nextCursor,
    sort,
    corrected: search?.corrected ?? null,
  });

  if (sort === "relevance") {
    const page = await relevancePage(db, { conditions, rank, after, limit, wordsKnown: check });
    return { result: result(page.rows, page.nextCursor), wordsKnown: page.wordsKnown };
  }
  if (after) conditions.push(spec.after(rank, after.value, after.id));
  const query = { where: whereAll(conditions), order: spec.order(rank), sortKey: spec.key(rank), limit: limit + 1 };
  const rows: CardRow[] = byCategory
    ? await read(db, categoryCardQuery({ ...query, category: byCategory }))
    : await queryCards(db, cardQuery({ ...query, wordsKnown: check }));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const lastKey = last?.sortKey;
  return {
    result: result(
      page,
      rows.length > limit && last && lastKey != null ? encodeListingCursor(sort, lastKey, last.id) : null,
    ),
    // No rows, no answer: the caller looks the words up (an empty page costs two statements).
    wordsKnown: rows[0]?.wordsKnown === true,
  };
}
