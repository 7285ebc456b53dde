import { qb, type PrismaClient } from "@shop/db";
import { sql, type AliasableExpression } from "kysely";
import { read } from "../../lib/sql.ts";
import { bestSellingMatches } from "./best-selling.ts";
import { cardQuery, queryCards, type CardRow } from "./cards.ts";
import { eb, whereAll, type Condition } from "./filters.ts";
import { encodeListingCursor, sorts } from "./keyset.ts";
import { onlyIfKnown } from "./resolve-search.ts";

/** How many of the best-selling matches a search ranks by relevance before the rest follow by sales. */
export const SEARCH_CANDIDATES = 100;
/** How many best sellers the first look reads, in sales order, before it asks the search index. */
export const SEARCH_WALK = 2_000;

/**
 * A page of a search in relevance order, at a cost that does not grow with the matches. Ranking
 * every match costs what reading every match costs ("wireless" matches 13,111 of 100,000
 * products: ~25 ms of PostgreSQL per page), so relevance is bounded as suggestions' is: the
 * SEARCH_CANDIDATES best-selling matches (found among the first SEARCH_WALK best sellers, or by
 * the search index when the matches are rarer: best-selling.ts) come first, most relevant first
 * (ties by id); every other match follows, best sellers first (ties by id). A search with fewer
 * matches ranks them all. Pages are keyset pages of that order: a cursor in the ranked part holds
 * (rank, id), past it ("sales") (unitsSold, id), so deep pages stay index walks.
 */
export async function relevancePage(
  db: PrismaClient,
  options: {
    /** Every filter, the search included; not the cursor. */
    conditions: Condition[];
    rank: AliasableExpression<number>;
    after: { value: string | number; id: number; sales: boolean } | null;
    limit: number;
    wordsKnown?: AliasableExpression<boolean | null>;
  },
) {
  const { conditions, rank, after, limit } = options;
  if (after?.sales) {
    const rows = await salesRows(db, conditions, after, limit + 1, options.wordsKnown);
    const page = rows.slice(0, limit);
    const wordsKnown = rows[0]?.wordsKnown === true;
    return { rows: page, nextCursor: rows.length > limit ? salesCursor(page.at(-1)) : null, wordsKnown };
  }

  // While the words are only assumed known (a first try), a word the dictionary lacks stops the
  // statement before it walks the best sellers: a one-time filter, nothing read (the caller
  // corrects the words and asks again).
  const known = options.wordsKnown ? [onlyIfKnown(options.wordsKnown)] : [];
  const candidates = bestSellingMatches(whereAll([...conditions, ...known]), {
    count: SEARCH_CANDIDATES,
    walk: SEARCH_WALK,
  });
  const ranked = sorts.relevance;
  const where: Condition[] = [eb("p.id", "in", qb.selectFrom(candidates.as("c")).select("c.id"))];
  if (after) where.push(ranked.after(rank, after.value, after.id));
  const rows = await queryCards(
    db,
    cardQuery({
      where: whereAll(where),
      order: ranked.order(rank),
      sortKey: ranked.key(rank),
      limit: limit + 1,
      wordsKnown: options.wordsKnown,
    }),
  );
  const wordsKnown = rows[0]?.wordsKnown === true;
  if (rows.length > limit) {
    const page = rows.slice(0, limit);
    return { rows: page, nextCursor: rankedCursor(page.at(-1)), wordsKnown };
  }

  // The ranked part ends on this page: the rest follows, if there were more matches than candidates.
  // A first page shorter than that held every candidate: there is no rest (a typo's first try).
  if (!after && rows.length < SEARCH_CANDIDATES) return { rows, nextCursor: null, wordsKnown };
  const found = await read(db, qb.selectFrom(candidates.as("c")).select(["c.id", "c.unitsSold"]));
  if (found.length < SEARCH_CANDIDATES) return { rows, nextCursor: null, wordsKnown };
  // The last candidate in sales order: the rest starts after it.
  const boundary = found.reduce((a, b) =>
    b.unitsSold < a.unitsSold || (b.unitsSold === a.unitsSold && b.id > a.id) ? b : a,
  );
  const room = limit - rows.length;
  const rest = await salesRows(db, conditions, { value: boundary.unitsSold, id: boundary.id }, room + 1);
  const page = [...rows, ...rest.slice(0, room)];
  // A page that ends on a ranked row goes on with a ranked cursor: past the ranked part, the rest.
  const nextCursor = rest.length <= room ? null : room > 0 ? salesCursor(page.at(-1)) : rankedCursor(page.at(-1));
  return { rows: page, nextCursor, wordsKnown };
}

const rankedCursor = (row: CardRow | undefined) =>
  row && typeof row.sortKey === "number" ? encodeListingCursor("relevance", row.sortKey, row.id) : null;
const salesCursor = (row: CardRow | undefined) =>
  row && typeof row.sortKey === "number" ? encodeListingCursor("relevance", row.sortKey, row.id, "sales") : null;

/** Matches after (unitsSold, id) in sales order: the part of a search past its ranked candidates. */
function salesRows(
  db: PrismaClient,
  conditions: Condition[],
  after: { value: string | number; id: number },
  limit: number,
  wordsKnown?: AliasableExpression<boolean | null>,
) {
  const spec = sorts.best_selling;
  const none = sql<number>`0::float8`;
  return queryCards(
    db,
    cardQuery({
      where: whereAll([...conditions, spec.after(none, after.value, after.id)]),
      order: spec.order(none),
      sortKey: spec.key(none),
      limit,
      wordsKnown,
    }),
  );
}
