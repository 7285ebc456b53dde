import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { read } from "../../lib/sql.ts";

/**
 * What PostgreSQL's own statistics say about the search document: the share of products holding
 * each of its most common lexemes (ANALYZE samples 30,000 rows: the planner's estimates), and the
 * table's rows and pages. Only a hint for choosing how to read, never an answer: a stale or
 * missing hint reads differently, not wrongly.
 */
export type SearchShares = { lexemes: Map<string, number>; rows: number; pages: number };

// The statistics row of "Product"."searchVector" in the schema that holds the table.
const statistic = sql`FROM pg_stats s
  WHERE s.tablename = 'Product' AND s.attname = 'searchVector'
    AND s.schemaname = (SELECT c.relnamespace::regnamespace::text FROM pg_class c WHERE c.oid = '"Product"'::regclass)`;
const statsQuery = qb.selectNoFrom([
  sql<string[] | null>`(SELECT s.most_common_elems::text::text[] ${statistic})`.as("lexemes"),
  sql<number[] | null>`(SELECT s.most_common_elem_freqs ${statistic})`.as("shares"),
  sql<number>`(SELECT c.reltuples::float8 FROM pg_class c WHERE c.oid = '"Product"'::regclass)`.as("rows"),
  sql<number>`(SELECT c.relpages FROM pg_class c WHERE c.oid = '"Product"'::regclass)`.as("pages"),
]);

/** How long a process keeps the statistics before reading them again (ANALYZE runs rarely). */
const MAX_AGE_MS = 5 * 60_000;
const held = new WeakMap<PrismaClient, { at: number; shares?: SearchShares; loading?: Promise<void> }>();

/**
 * The statistics as this process last read them, read again in the background when older than
 * MAX_AGE_MS; undefined until the first read ends (a search never waits for them).
 */
export function searchShares(db: PrismaClient, now = Date.now()): SearchShares | undefined {
  const entry = held.get(db) ?? { at: -Infinity };
  held.set(db, entry);
  if (now - entry.at > MAX_AGE_MS && !entry.loading) {
    entry.loading = loadShares(db)
      .then((shares) => {
        entry.shares = shares;
      })
      // A failed read leaves the previous hint (or none) and is tried again after MAX_AGE_MS.
      .catch(() => undefined)
      .finally(() => {
        entry.at = Date.now();
        entry.loading = undefined;
      });
  }
  return entry.shares;
}

/** Waits for the statistics this process is reading, if any (benchmarks and tests). */
export async function searchSharesRead(db: PrismaClient, now = Date.now()): Promise<SearchShares | undefined> {
  searchShares(db, now);
  await held.get(db)?.loading;
  return held.get(db)?.shares;
}

/** Reads the statistics now. */
export async function loadShares(db: PrismaClient): Promise<SearchShares> {
  const [row] = await read(db, statsQuery);
  const lexemes = new Map<string, number>();
  // most_common_elem_freqs has three more numbers than there are lexemes (min, max, nulls).
  row?.lexemes?.forEach((lexeme, index) => lexemes.set(lexeme, row.shares?.[index] ?? 0));
  return { lexemes, rows: Math.max(row?.rows ?? 0, 0), pages: Math.max(row?.pages ?? 0, 0) };
}

/**
 * The share of products a resolved tsquery (`a & b:*`, `(a | c) & b:*`: see resolve-search.ts)
 * matches, as the statistics estimate it: each word's share is the sum over the common lexemes it
 * matches (a word is stemmed, so its lexeme may be it shortened by up to two letters), an OR of
 * words the sum of theirs, and words joined by AND the smallest of theirs. A word the statistics
 * do not list is rare (share 0). An over-estimate only costs a walk that falls back to the index.
 */
export function matchShare(tsquery: string, lexemes: Map<string, number>): number {
  const wordShare = (term: string) => {
    const prefix = term.endsWith(":*");
    const word = prefix ? term.slice(0, -2) : term;
    let share = 0;
    for (const [lexeme, frequency] of lexemes) {
      const stem = word.startsWith(lexeme) && word.length - lexeme.length <= 2;
      if (stem || lexeme === word || (prefix && lexeme.startsWith(word))) share += frequency;
    }
    return share;
  };
  const parts = tsquery.split(" & ").map((part) =>
    part
      .replace(/[()]/g, "")
      .split(" | ")
      .reduce((sum, term) => sum + wordShare(term.trim()), 0),
  );
  return Math.min(1, ...parts);
}

/**
 * Reading a product's row and testing its search document costs about four times what one entry
 * of the search index's bitmap costs (1,000,000 products: 0.55 µs a row, 0.16 µs an entry).
 */
const ROW_PER_ENTRY = 4;
/** How much further than expected a walk may read before it gives up on the sample. */
const WALK_MARGIN = 3;

/**
 * How many of the table's first pages to walk for `sample` + 1 matches of a search matching
 * `share` of the products, or null when the search index is cheaper: the index builds a bitmap of
 * every match before the first row is read (137,567 entries for "wireless" at 1,000,000
 * products: ~25 ms), the walk reads rows in the table's order until it has the sample (~7,000
 * rows for it). Rare words, and every search on a small catalogue, keep the index.
 */
export function walkPages(shares: SearchShares | undefined, share: number, sample: number): number | null {
  if (!shares || share <= 0 || shares.rows <= 0 || shares.pages <= 0) return null;
  const rowsToRead = (sample + 1) / share;
  if (ROW_PER_ENTRY * rowsToRead > share * shares.rows) return null;
  return Math.ceil((WALK_MARGIN * rowsToRead * shares.pages) / shares.rows);
}
