import { qb, type PrismaClient } from "@shop/db";
import { sql, type NotNull } from "kysely";
import { prepared, read, type RowOf } from "../../lib/sql.ts";
import { countAll, countWhere, sumInt, sumMoney } from "../../lib/aggregates.ts";
import { counted, dayIn, localDayBounds, type LocalRange } from "./shop.ts";

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

const couponQuery = prepared({ from: "\0from", to: "\0to", timeZone: "\0timeZone" }, (range) =>
  qb
    .selectFrom("Order as o")
    .select((eb) => [
      "o.couponCode as code",
      countAll().as("orders"),
      sumMoney(eb.ref("o.discountTotal")).as("discount"),
      sumMoney(eb.ref("o.total")).as("revenue"),
    ])
    .where("o.couponId", "is not", null)
    // The code is copied onto the order with the coupon: set whenever couponId is.
    .where("o.couponCode", "is not", null)
    .$narrowType<{ code: NotNull }>()
    .where((eb) => localDayBounds(eb.ref("o.paidAt"), range))
    .where((eb) => counted({ state: eb.ref("o.state"), paidAt: eb.ref("o.paidAt") }))
    .groupBy("o.couponCode")
    .orderBy("revenue", "desc")
    .orderBy("code"),
);

/** Orders, discount given and order revenue per coupon, for counted orders paid in the range. */
export function couponPerformance(db: PrismaClient, range: LocalRange) {
  return read(db, couponQuery({ from: range.from, to: range.to, timeZone: range.timeZone }));
}

const customerQuery = prepared(
  { previousFrom: "\0previousFrom", from: "\0from", to: "\0to", timeZone: "\0timeZone" },
  (range) =>
    qb
      .with("bounds", (db) =>
        db.selectNoFrom([
          sql<Date>`shop_day_start(${range.previousFrom}::date, ${range.timeZone})`.as("prevStart"),
          sql<Date>`shop_day_start(${range.from}::date, ${range.timeZone})`.as("curStart"),
          sql<Date>`shop_day_start(${range.to}::date + 1, ${range.timeZone})`.as("curEnd"),
        ]),
      )
      .with("customers", (db) =>
        db
          .selectFrom("Order as o")
          .crossJoin("bounds as b")
          .select((eb) => [
            eb.fn.min("o.paidAt").as("firstAt"),
            eb.fn<boolean>("bool_or", [eb("o.paidAt", ">=", eb.ref("b.curStart"))]).as("inCurrent"),
            eb
              .fn<boolean>("bool_or", [
                eb.and([eb("o.paidAt", ">=", eb.ref("b.prevStart")), eb("o.paidAt", "<", eb.ref("b.curStart"))]),
              ])
              .as("inPrevious"),
          ])
          .where((eb) => eb("o.paidAt", "<", eb.ref("b.curEnd")))
          .where((eb) => counted({ state: eb.ref("o.state"), paidAt: eb.ref("o.paidAt") }))
          .groupBy("o.email"),
      )
      .selectFrom("customers as c")
      .crossJoin("bounds as b")
      .select((eb) => [
        countWhere(eb.and([eb.ref("c.inCurrent"), eb("c.firstAt", ">=", eb.ref("b.curStart"))])).as("newCurrent"),
        countWhere(eb.and([eb.ref("c.inCurrent"), eb("c.firstAt", "<", eb.ref("b.curStart"))])).as("returningCurrent"),
        countWhere(eb.and([eb.ref("c.inPrevious"), eb("c.firstAt", ">=", eb.ref("b.prevStart"))])).as("newPrevious"),
        countWhere(eb.and([eb.ref("c.inPrevious"), eb("c.firstAt", "<", eb.ref("b.prevStart"))])).as(
          "returningPrevious",
        ),
      ]),
);

/**
 * Customers (by order email, so guests count too) who paid in each period: new when their first
 * counted order ever falls in that period, returning when they had one before it.
 */
export async function customerMix(db: PrismaClient, range: LocalRange & { previousFrom: string }) {
  const { previousFrom, from, to, timeZone } = range;
  const [row] = await read(db, customerQuery({ previousFrom, from, to, timeZone }));
  if (!row) throw new Error("no customer row");
  return {
    current: { new: row.newCurrent, returning: row.returningCurrent },
    previous: { new: row.newPrevious, returning: row.returningPrevious },
  };
}
