import { qb, type PrismaClient } from "@shop/db";
import { sql, type NotNull } from "kysely";
import { countAll, countWhere, sumMoney } from "../../lib/aggregates.ts";
import { prepared, read } from "../../lib/sql.ts";
import { counted, localDayBounds, type LocalRange } from "./shop.ts";

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
