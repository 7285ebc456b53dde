import { Prisma, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { z } from "zod";
import { readRows } from "../../lib/sql.ts";
import { tsquery } from "./filters.ts";
import { closestTerm, searchWords } from "./typo.ts";

export type ResolvedSearch = {
  /** tsquery text built only from letters and digits; null when nothing searchable is left. */
  tsquery: string | null;
  /** The same words OR'ed, to rank the name/brand/category document: each word found there counts. */
  rankQuery: string | null;
  /** The query as we understood it, when a typo was corrected ("iphnoe" → "iphone"). */
  corrected: string | null;
};

/**
 * Relevance: how well the name (A), brand (B) and category (C) match any of the words, by
 * ts_rank; a product found only through its description ranks 0 (then by id). Ranking on this
 * small document instead of the whole one (with the description) is what keeps a broad query
 * affordable: every match has to be ranked before the first page is known.
 */
export const relevance = (rankQuery: string) => sql<number>`ts_rank(p."searchTitle", ${tsquery(rankQuery)}, 1)::float8`;

const Row = z.object({ word: z.string(), known: z.boolean(), near: z.array(z.string()) });

/**
 * Turns what a shopper typed into a tsquery: every word must match (AND), the last one as a
 * prefix (search-as-you-type), and a word the dictionary does not know also matches its
 * nearest dictionary word within a few edits. One query looks all the words up.
 */
/**
 * What resolveSearch returns when every word is in the dictionary (no correction), computed
 * without the look-up; `wordsKnown` tells, inside the page's own statement, whether that holds.
 * A search whose words are all known (most of them) then costs one statement instead of two.
 */
export function assumeKnown(q: string): ResolvedSearch & { words: string[] } {
  const words = searchWords(q);
  if (words.length === 0) return { tsquery: null, rankQuery: null, corrected: null, words };
  const parts = words.map((word, index) => (index === words.length - 1 ? `${word}:*` : word));
  return { tsquery: parts.join(" & "), rankQuery: parts.join(" | "), corrected: null, words };
}

/** True when the dictionary knows every word (the last one as a prefix): see `assumeKnown`. */
export function wordsKnown(words: string[]) {
  const prefix = words.map((_, index) => index === words.length - 1);
  return sql<boolean | null>`(SELECT bool_and(EXISTS (SELECT 1 FROM "SearchTerm" t
                                              WHERE t."term" = w."word" OR (w."prefix" AND t."term" LIKE w."word" || '%')))
                       FROM unnest(${words}::text[], ${prefix}::bool[]) AS w("word", "prefix"))`;
}

export async function resolveSearch(db: PrismaClient, q: string | undefined): Promise<ResolvedSearch> {
  const words = searchWords(q ?? "");
  if (words.length === 0) return { tsquery: null, rankQuery: null, corrected: null };
  const last = words.length - 1;
  const prefix = words.map((_, index) => index === last);
  const rows = z.array(Row).parse(
    await readRows(
      db,
      Prisma.sql`
      SELECT k."word", k."known",
             -- Nearest dictionary words only for a word the dictionary does not know.
             CASE WHEN k."known" THEN ARRAY[]::text[]
                  ELSE ARRAY(SELECT t."term" FROM "SearchTerm" t ORDER BY t."term" <-> k."word" LIMIT 6) END AS "near"
        FROM (SELECT w."word", w."n",
                     EXISTS (SELECT 1 FROM "SearchTerm" t
                              WHERE t."term" = w."word" OR (w."prefix" AND t."term" LIKE w."word" || '%')) AS "known"
                FROM unnest(${words}::text[], ${prefix}::bool[]) WITH ORDINALITY AS w("word", "prefix", "n")) k
       ORDER BY k."n"`,
    ),
  );
  let changed = false;
  const parts: string[] = [];
  const understood: string[] = [];
  rows.forEach((row, index) => {
    const isPrefix = index === last;
    const suffix = isPrefix ? ":*" : "";
    const fix = row.known ? null : closestTerm(row.word, row.near, isPrefix);
    if (fix && fix !== row.word) {
      changed = true;
      parts.push(`(${row.word}${suffix} | ${fix}${suffix})`);
      understood.push(isPrefix ? (row.near.find((term) => term.startsWith(fix)) ?? fix) : fix);
    } else {
      parts.push(`${row.word}${suffix}`);
      understood.push(row.word);
    }
  });
  return { tsquery: parts.join(" & "), rankQuery: parts.join(" | "), corrected: changed ? understood.join(" ") : null };
}
