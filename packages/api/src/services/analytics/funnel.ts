import { qb, type PrismaClient } from "@shop/db";
import type { AnalyticsEventType } from "@shop/db/enums";
import { sql } from "kysely";
import { read, utcTimestamp } from "../../lib/sql.ts";
import { countAll, countWhere } from "../../lib/aggregates.ts";

const steps = [
  { key: "visitors", label: "Visitors" },
  { key: "productView", label: "Viewed a product" },
  { key: "addToCart", label: "Added to cart" },
  { key: "checkout", label: "Started checkout" },
  { key: "purchase", label: "Placed an order" },
] as const;

const funnelQuery = (range: { from: Date; to: Date }) =>
  qb
    .with("v", (db) =>
      db
        .selectFrom("AnalyticsEvent as e")
        .select((eb) => {
          const reached = (type: AnalyticsEventType) => eb.fn<boolean>("bool_or", [eb("e.type", "=", sql.lit(type))]);
          return [
            reached("PRODUCT_VIEW").as("pv"),
            reached("ADD_TO_CART").as("ac"),
            reached("CHECKOUT_STEP").as("cs"),
            reached("PURCHASE").as("pu"),
          ];
        })
        .where("e.createdAt", ">=", utcTimestamp(range.from))
        .where("e.createdAt", "<", utcTimestamp(range.to))
        .groupBy("e.visitorId"),
    )
    .selectFrom("v")
    .select((eb) => {
      const [pv, ac, cs, pu] = [eb.ref("v.pv"), eb.ref("v.ac"), eb.ref("v.cs"), eb.ref("v.pu")];
      return [
        countAll().as("visitors"),
        countWhere(pv).as("productView"),
        countWhere(eb.and([pv, ac])).as("addToCart"),
        countWhere(eb.and([pv, ac, cs])).as("checkout"),
        countWhere(eb.and([pv, ac, cs, pu])).as("purchase"),
      ];
    });

/**
 * A conversion funnel over unique visitors in [from, to): each step counts the visitors who
 * reached it *and every step before it* in the range, so the numbers only go down. A visitor id
 * rotates daily, so someone who comes back the next day is a new visitor (as in Plausible).
 */
export async function conversionFunnel(db: PrismaClient, range: { from: Date; to: Date }) {
  const [row] = await read(db, funnelQuery(range));
  const counts = row ?? { visitors: 0, productView: 0, addToCart: 0, checkout: 0, purchase: 0 };
  const visitors = counts.visitors;
  return {
    from: range.from,
    to: range.to,
    steps: steps.map((step, index) => {
      const value = counts[step.key];
      const previous = index === 0 ? value : counts[steps[index - 1]?.key ?? step.key];
      return {
        key: step.key,
        label: step.label,
        visitors: value,
        /** Share of the previous step's visitors (1 for the first step; 0 when it had none). */
        rateFromPrevious: previous > 0 ? value / previous : 0,
        rateFromStart: visitors > 0 ? value / visitors : 0,
      };
    }),
  };
}
