import { Prisma, type PrismaClient } from "@shop/db";
import type { CatalogListInput, CatalogSort } from "@shop/validators";
import type { ApiConfig } from "../../context.ts";
import { cardQuery, queryCards, toCard } from "./cards.ts";
import { filterConditions, whereAll } from "./filters.ts";
import { decodeListingCursor, encodeListingCursor, sorts } from "./keyset.ts";
import { relevance, resolveSearch } from "./resolve-search.ts";

type ListInput = Omit<CatalogListInput, "limit"> & { limit: number };

/**
 * A page of active products for any combination of filters and sorts: at most two queries
 * (the search words' dictionary look-up when there is a query, then the page itself).
 */
export async function listProducts(db: PrismaClient, config: ApiConfig, input: ListInput) {
  const { cursor, limit, sort: requested, q, direction: _direction, ...filters } = input;
  const search = q ? await resolveSearch(db, q) : null;
  const sort: CatalogSort = requested ?? (search?.tsquery ? "relevance" : "newest");
  if (sort === "relevance" && !search?.tsquery) {
    return { items: [], nextCursor: null, sort, corrected: null };
  }
  const spec = sorts[sort];
  const rank = search?.rankQuery ? relevance(search.rankQuery) : Prisma.sql`0::float8`;
  const conditions = filterConditions({ ...filters, search: search?.tsquery });
  const after = decodeListingCursor(cursor, sort);
  if (after) conditions.push(spec.after(rank, after.value, after.id));

  const rows = await queryCards(
    db,
    cardQuery({ where: whereAll(conditions), order: spec.order(rank), sortKey: spec.key(rank), limit: limit + 1, narrow: sort === "relevance" }),
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const lastKey = last?.sortKey;
  return {
    items: page.map((row) => toCard(config, row)),
    nextCursor: rows.length > limit && last && lastKey != null ? encodeListingCursor(sort, lastKey, last.id) : null,
    sort,
    corrected: search?.corrected ?? null,
  };
}
