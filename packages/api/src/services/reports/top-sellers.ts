import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { sumInt, sumMoney } from "../../lib/aggregates.ts";
import { prepared, read, type RowOf } from "../../lib/sql.ts";
import { dayIn } from "./shop.ts";

type Range = { from: string; to: string };
type Kind = "product" | "category" | "brand";
const kind = (value: Kind) => sql.lit(value).as("kind");

// Each top list is ordered and limited on its own, so each is a sub-select of the UNION ALL
// (Kysely does not parenthesise a set operation's first member).
const topQuery = (range: Range, limit: number) =>
  qb
    .with("sold", (db) =>
      db
        .selectFrom("SalesDayProduct as s")
        .select((eb) => [
          "s.productId",
          sumInt(eb.ref("s.units")).as("units"),
          sumMoney(eb.ref("s.revenue")).as("revenue"),
        ])
        .where((eb) => dayIn(eb.ref("s.day"), range))
        .groupBy("s.productId"),
    )
    .with("named", (db) =>
      db
        .selectFrom("sold")
        .leftJoin("Product as p", "p.id", "sold.productId")
        .select(["sold.productId", "sold.units", "sold.revenue", "p.name", "p.categoryId", "p.brandId"]),
    )
    .selectFrom((eb) =>
      eb
        .selectFrom("named")
        .select((eb) => [
          kind("product"),
          // Product 0 is the summary's deleted product.
          eb.fn<number | null>("nullif", [eb.ref("named.productId"), sql.lit(0)]).as("id"),
          eb.fn.coalesce("named.name", sql.lit("Deleted product")).as("name"),
          "named.units",
          "named.revenue",
        ])
        .orderBy("named.revenue", "desc")
        .orderBy("named.units", "desc")
        .orderBy("named.productId")
        .limit(limit)
        .as("t"),
    )
    .selectAll()
    .unionAll((eb) =>
      eb
        .selectFrom(
          eb
            .selectFrom("named as n")
            .leftJoin("Category as c", "c.id", "n.categoryId")
            .select((eb) => [
              kind("category"),
              "n.categoryId as id",
              eb.fn.coalesce("c.name", sql.lit("Uncategorised")).as("name"),
              sumInt(eb.ref("n.units")).as("units"),
              sumMoney(eb.ref("n.revenue")).as("revenue"),
            ])
            .groupBy(["n.categoryId", "c.name"])
            .orderBy("revenue", "desc")
            .orderBy("units", "desc")
            .orderBy("n.categoryId")
            .limit(limit)
            .as("t"),
        )
        .selectAll(),
    )
    .unionAll((eb) =>
      eb
        .selectFrom(
          eb
            .selectFrom("named as n")
            .leftJoin("Brand as b", "b.id", "n.brandId")
            .select((eb) => [
              kind("brand"),
              "n.brandId as id",
              eb.fn.coalesce("b.name", sql.lit("No brand")).as("name"),
              sumInt(eb.ref("n.units")).as("units"),
              sumMoney(eb.ref("n.revenue")).as("revenue"),
            ])
            .groupBy(["n.brandId", "b.name"])
            .orderBy("revenue", "desc")
            .orderBy("units", "desc")
            .orderBy("n.brandId")
            .limit(limit)
            .as("t"),
        )
        .selectAll(),
    );

const topSellersQuery = prepared({ from: "\0from", to: "\0to", limit: -1 }, ({ from, to, limit }) =>
  topQuery({ from, to }, limit),
);

export type TopEntry = Omit<RowOf<ReturnType<typeof topQuery>>, "kind">;

/**
 * The best products, categories and brands by revenue (line totals after discounts, before
 * tax) from the per-product summary; categories and brands as the catalog assigns them now.
 */
export async function topSellers(db: PrismaClient, range: Range, limit: number) {
  const rows = await read(db, topSellersQuery({ from: range.from, to: range.to, limit }));
  const of = (wanted: Kind): TopEntry[] =>
    rows.filter((row) => row.kind === wanted).map(({ kind: _kind, ...entry }) => entry);
  return { products: of("product"), categories: of("category"), brands: of("brand") };
}
