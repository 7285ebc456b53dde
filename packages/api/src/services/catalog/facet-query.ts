import { qb } from "@shop/db";
import { sql, type AliasableExpression, type Expression, type SqlBool } from "kysely";
import { onlyIfKnown } from "./resolve-search.ts";
import { eb, groupConditions, sharedConditions, type FacetGroup, type ListingFilters } from "./filters.ts";

/**
 * How many products facet counts read at most. Counting every match grows with the catalogue
 * ("wireless" matches 13,111 of 100,000 products: ~50 ms); past this many, the counts are those of
 * the first FACET_SAMPLE products read and the answer says it is not exhaustive (lower bounds).
 */
export const FACET_SAMPLE = 1_000;

/** Upper bounds (exclusive, minor units) of the price buckets; the last bucket is open. */
export const PRICE_BOUNDS = [2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 200_000];

const count = sql<number>`count(*)::int`;
const noText = sql<string | null>`NULL`;
const flag = (index: number) => sql.ref<boolean>(`m.f${index}`);
const all = (conditions: Expression<SqlBool>[]): Expression<SqlBool> =>
  conditions.length ? sql<SqlBool>`(${sql.join(conditions, sql` AND `)})` : sql<SqlBool>`true`;

/**
 * Facet rows (`{ facet, key, label, count }`) counted from the products that pass the filters,
 * each group with every filter but its own, in one pass over the products: the rows that pass
 * the filters every group shares (active, the search, in stock, featured) and all group filters
 * but at most one are read once into `m`, with one flag per group filter, and each group counts
 * the rows whose other flags hold. Options come from the product's own `optionKeys`, not from a
 * join per product. `m` holds at most `sample` + 1 rows: the `scope` row counts them, so more than
 * `sample` means the counts are of the first `sample` + 1 read, not of all (docs/architecture.md).
 */
export function countingQuery(
  filters: ListingFilters,
  sample: number,
  known?: AliasableExpression<boolean | null>,
  /** Walk this many of the table's first pages before asking the search index (search-shares.ts). */
  walk?: number,
) {
  const groups = groupConditions(filters);
  const flags = groups.map(({ condition }, index) => sql<boolean>`COALESCE(${condition}, false)`.as(`f${index}`));
  const others = (except: (group: FacetGroup) => boolean) =>
    groups.flatMap(({ group }, index) => (except(group) ? [] : [flag(index)]));
  const but = (name: string) => all(others((group) => group === name));
  const optionName = sql<string>`split_part(m."key", chr(31), 1)`;
  // An option's row counts when every filter passes but those on that same option.
  const optionOthers = all(
    groups.map(({ group }, index) =>
      typeof group === "object" ? sql<SqlBool>`(${flag(index)} OR ${optionName} = ${group.option})` : flag(index),
    ),
  );

  // The rows to count: those passing the shared filters and all group filters but at most one.
  const source = (indexed: boolean) =>
    qb
      .selectFrom("Product as p")
      .select((e) => [
        "p.id",
        "p.categoryId",
        "p.brandId",
        sql<number>`shop_price_bucket(${e.ref("p.priceMin")})`.as("bucket"),
        sql<number | null>`CASE WHEN ${e.ref("p.ratingCount")} > 0 THEN floor(${e.ref("p.ratingAverage")})::int END`.as(
          "stars",
        ),
        "p.optionKeys",
        ...flags,
      ])
      .where(eb.and(sharedConditions(filters, { indexed })))
      // Words assumed known (a first try, see resolve-search.ts): nothing is read when they are not.
      .where(known ? onlyIfKnown(known) : sql<SqlBool>`true`)
      // Rows failing two group filters or more are in no count: not read, not sampled.
      .where(
        groups.length > 1
          ? sql<SqlBool>`${sql.join(
              groups.map(({ condition }) => sql`(NOT COALESCE(${condition}, false))::int`),
              sql` + `,
            )} <= 1`
          : sql<SqlBool>`true`,
      )
      .limit(sample + 1);
  // A walk (see walkPages): the first rows in table order among the table's first `walk` pages,
  // through a TID range scan. With the whole sample found there, they are the rows the index
  // would have given (a bitmap heap scan reads in table order too); otherwise the index reads.
  // Without a walk, `w` is empty and nothing reads it (PostgreSQL drops it from the plan); it is
  // there so that both statements have one type.
  const walked = sql<number>`(SELECT count(*) FROM "w")`;
  const rows = qb
    .with(
      (cte) => cte("w").materialized(),
      () =>
        walk === undefined
          ? source(true).where(sql.lit(false))
          : source(false).where(sql<SqlBool>`p.ctid < ${`(${walk},0)`}::tid`),
    )
    .with(
      (cte) => cte("m").materialized(),
      (db) =>
        walk === undefined
          ? source(true)
          : db
              .selectFrom("w")
              .selectAll()
              .where(walked, ">", sample)
              .unionAll(db.selectFrom(source(true).as("f")).selectAll().where(walked, "<=", sample)),
    );
  type From = ReturnType<typeof rows.selectFrom<"m">>;

  const category = (from: From) =>
    from
      .where(but("category"))
      .select((e) => [
        sql.lit("category").as("facet"),
        e.cast<string | null>("m.categoryId", "text").as("key"),
        noText.as("label"),
        count.as("count"),
      ])
      .groupBy("m.categoryId");
  const brand = (from: From) =>
    from
      .where(but("brand"))
      .innerJoin("Brand as b", "b.id", "m.brandId")
      .select([sql.lit("brand").as("facet"), "b.slug as key", "b.name as label", count.as("count")])
      .groupBy(["b.slug", "b.name"]);
  const price = (from: From) =>
    from
      .where(but("price"))
      .select((e) => [
        sql.lit("price").as("facet"),
        e.cast<string | null>("m.bucket", "text").as("key"),
        noText.as("label"),
        count.as("count"),
      ])
      .groupBy("m.bucket");
  const rating = (from: From) =>
    from
      .where(but("rating"))
      .where("m.stars", "is not", null)
      .select((e) => [
        sql.lit("rating").as("facet"),
        e.cast<string | null>("m.stars", "text").as("key"),
        noText.as("label"),
        count.as("count"),
      ])
      .groupBy("m.stars");
  // Each option value of each row, unnested in the select list (a ProjectSet): as a join, unnest
  // is a function scan with a tuplestore per row, about 40 % of the whole statement's time.
  const option = (from: From) =>
    qb
      .selectFrom(
        from
          .selectAll("m")
          .select(sql<string>`unnest(${sql.ref("m.optionKeys")})`.as("key"))
          .as("m"),
      )
      .where(optionOthers)
      .select([
        sql.lit("option").as("facet"),
        optionName.as("key"),
        sql<string | null>`split_part(m."key", chr(31), 2)`.as("label"),
        count.as("count"),
      ])
      .groupBy("m.key");
  const total = (from: From) =>
    from
      .where(all(groups.map((_, index) => flag(index))))
      .select([sql.lit("total").as("facet"), noText.as("key"), noText.as("label"), count.as("count")]);
  const scope = (from: From) =>
    from.select([sql.lit("scope").as("facet"), noText.as("key"), noText.as("label"), count.as("count")]);
  // Every branch reads the one `m` of the statement (a WITH per branch would scan again).
  const counts = [brand, price, rating, option, total, scope].reduce(
    (query, branch) => query.unionAll((e) => branch(e.selectFrom("m"))),
    category(rows.selectFrom("m")),
  );
  if (!known) return counts;
  // Whether the words were known: 1 or 0, so the caller tells "no match" from "look the words up".
  return counts.unionAll(
    qb.selectNoFrom([
      sql.lit("known").as("facet"),
      noText.as("key"),
      noText.as("label"),
      sql<number>`COALESCE(${known}, false)::int`.as("count"),
    ]),
  );
}
