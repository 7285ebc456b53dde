import { qb, type PrismaClient } from "@shop/db";
import { sql, type AliasableExpression, type SqlBool } from "kysely";
import { prepared, read } from "../../lib/sql.ts";
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
// `w` is the unnest in `wordsKnown`: each word and whether it is the prefix. Built once.
// Two EXISTS, not one with an OR: each then has an index (the primary key for the word, the
// trigram index for the prefix) instead of a scan of the dictionary per word (~2 ms at 9,000
// terms).
const word = sql.ref<string>("w.word");
const exact = qb.selectFrom("SearchTerm as t").select(sql.lit(1).as("hit")).where("t.term", "=", word);
const prefixed = qb
  .selectFrom("SearchTerm as t")
  .select(sql.lit(1).as("hit"))
  .where("t.term", "like", sql<string>`${word} || '%'`);

export function wordsKnown(words: string[]) {
  const prefix = words.map((_, index) => index === words.length - 1);
  return sql<boolean | null>`(SELECT bool_and(EXISTS (${exact}) OR ("w"."prefix" AND EXISTS (${prefixed})))
                       FROM unnest(${words}::text[], ${prefix}::bool[]) AS w("word", "prefix"))`;
}

/**
 * Each word in order, whether the dictionary knows it (the last one as a prefix) and, when it
 * does not, its nearest dictionary words by trigram distance.
 */
const lookUpQuery = ({ words, prefix }: { words: string[]; prefix: boolean[] }) =>
  qb
    .selectFrom((eb) =>
      eb
        .selectFrom(
          // The words are ours (text); their position (bigint) only orders the result.
          sql<{
            word: string;
            prefix: boolean;
            n: unknown;
          }>`unnest(${words}::text[], ${prefix}::bool[]) WITH ORDINALITY`.as<"w">(sql`w("word", "prefix", "n")`),
        )
        .select((eb) => [
          "w.word",
          "w.n",
          eb
            .or([
              eb.exists(
                eb.selectFrom("SearchTerm as t").select(sql.lit(1).as("one")).whereRef("t.term", "=", "w.word"),
              ),
              eb.and([
                eb.ref("w.prefix"),
                eb.exists(
                  eb
                    .selectFrom("SearchTerm as t")
                    .select(sql.lit(1).as("one"))
                    .where("t.term", "like", sql<string>`${eb.ref("w.word")} || '%'`),
                ),
              ]),
            ])
            .as("known"),
        ])
        .as("k"),
    )
    .select((eb) => [
      "k.word",
      "k.known",
      // Nearest dictionary words only for a word the dictionary does not know.
      eb
        .case()
        .when(eb.ref("k.known"))
        .then(sql<string[]>`ARRAY[]::text[]`)
        .else(
          sql<string[]>`ARRAY(${eb
            .selectFrom("SearchTerm as t")
            .select("t.term")
            .orderBy((eb) => sql`${eb.ref("t.term")} <-> ${eb.ref("k.word")}`)
            .limit(sql.lit(6))})`,
        )
        .end()
        .as("near"),
    ])
    .orderBy("k.n");
// Compiled once: searches are frequent (facet counts look the words up on every request).
const noWords: string[] = [];
const noFlags: boolean[] = [];
const lookUp = prepared({ words: noWords, prefix: noFlags }, lookUpQuery);

export async function resolveSearch(db: PrismaClient, q: string | undefined): Promise<ResolvedSearch> {
  const words = searchWords(q ?? "");
  if (words.length === 0) return { tsquery: null, rankQuery: null, corrected: null };
  const last = words.length - 1;
  const prefix = words.map((_, index) => index === last);
  const rows = await read(db, lookUp({ words, prefix }));
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

/** A first try's stop condition: nothing passes unless every word is known (a one-time filter). */
export const onlyIfKnown = (known: AliasableExpression<boolean | null>) => sql<SqlBool>`COALESCE(${known}, false)`;

/**
 * Runs a search statement as if every word of `q` were in the dictionary (most searches), the
 * statement itself saying whether they are (`wordsKnown`, to stop on with `onlyIfKnown`); only
 * when they are not are the words looked up and corrected, and the statement run again, unless
 * the correction changed nothing (then nothing matches: the first try's empty answer stands).
 * Null when `q` has nothing searchable.
 */
export async function searchAssumingKnown<T>(
  db: PrismaClient,
  q: string,
  attempt: (
    search: ResolvedSearch,
    known?: AliasableExpression<boolean | null>,
  ) => Promise<{ value: T; wordsKnown: boolean }>,
): Promise<T | null> {
  const guess = assumeKnown(q);
  if (!guess.tsquery) return null;
  const first = await attempt(guess, wordsKnown(guess.words));
  if (first.wordsKnown) return first.value;
  const search = await resolveSearch(db, q);
  return search.tsquery === guess.tsquery ? first.value : (await attempt(search)).value;
}
