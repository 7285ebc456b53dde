import type { PrismaClient } from "@shop/db";
import { z } from "zod";
import { parseRows } from "../../lib/sql.ts";

const steps = [
  { key: "visitors", label: "Visitors" },
  { key: "productView", label: "Viewed a product" },
  { key: "addToCart", label: "Added to cart" },
  { key: "checkout", label: "Started checkout" },
  { key: "purchase", label: "Placed an order" },
] as const;

const count = z.coerce.number().int();
const Row = z.object({ visitors: count, productView: count, addToCart: count, checkout: count, purchase: count });

/**
 * A conversion funnel over unique visitors in [from, to): each step counts the visitors who
 * reached it *and every step before it* in the range, so the numbers only go down. A visitor id
 * rotates daily, so someone who comes back the next day is a new visitor (as in Plausible).
 */
export async function conversionFunnel(db: PrismaClient, range: { from: Date; to: Date }) {
  const [row] = await parseRows(
    Row,
    db.$queryRaw`
    WITH v AS (
      SELECT bool_or("type" = 'PRODUCT_VIEW') AS pv, bool_or("type" = 'ADD_TO_CART') AS ac,
             bool_or("type" = 'CHECKOUT_STEP') AS cs, bool_or("type" = 'PURCHASE') AS pu
        FROM "AnalyticsEvent"
       WHERE "createdAt" >= ${range.from} AND "createdAt" < ${range.to}
       GROUP BY "visitorId")
    SELECT count(*) AS "visitors",
           count(*) FILTER (WHERE pv) AS "productView",
           count(*) FILTER (WHERE pv AND ac) AS "addToCart",
           count(*) FILTER (WHERE pv AND ac AND cs) AS "checkout",
           count(*) FILTER (WHERE pv AND ac AND cs AND pu) AS "purchase"
      FROM v`,
  );
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
