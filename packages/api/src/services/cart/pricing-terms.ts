import type { Sql } from "../../lib/sql.ts";
import type { CouponRule } from "../pricing/coupons.ts";
import type { CouponTerms } from "../pricing/price-cart.ts";
import { lineageFor } from "./categories.ts";
import { customerRedemptions } from "./coupon-rules.ts";

/**
 * What pricing a cart with this coupon needs from the database: the category lineage (only for a
 * coupon scoped to categories) and the customer's past uses (only for a per-customer limit).
 */
export async function couponTerms(
  sql: Sql,
  rule: CouponRule | null,
  customer: { userId: number | null; email: string | null },
): Promise<CouponTerms> {
  if (!rule) return { coupon: null, lineage: new Map() };
  // One after the other: inside a checkout's transaction both run on its one connection.
  const lineage = await lineageFor(sql, rule);
  const redemptions = rule.perCustomerLimit === null ? 0 : await customerRedemptions(sql, rule.id, customer);
  return { coupon: { rule, customerRedemptions: redemptions }, lineage };
}
