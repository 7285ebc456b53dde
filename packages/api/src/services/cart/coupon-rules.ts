import { qb, type DB } from "@shop/db";
import { expressionBuilder, sql } from "kysely";
import { jsonBuildObject } from "kysely/helpers/postgres";
import type { CouponProblem } from "../pricing/coupons.ts";
import { utcDate } from "../../lib/json.ts";
import { formatMinor } from "../../lib/money.ts";
import { prepared, rows, type Sql } from "../../lib/sql.ts";

const coupon = expressionBuilder<DB & { k: DB["Coupon"] }, "k">();

/** A coupon (alias `k`) with its scope, as one JSON value: `Cart` reads embed it. */
export const couponRuleJson = jsonBuildObject({
  id: coupon.ref("k.id"),
  code: coupon.ref("k.code"),
  type: coupon.ref("k.type"),
  value: coupon.ref("k.value"),
  minSubtotal: coupon.ref("k.minSubtotal"),
  startsAt: coupon.ref("k.startsAt"),
  endsAt: coupon.ref("k.endsAt"),
  usageLimit: coupon.ref("k.usageLimit"),
  usageCount: coupon.ref("k.usageCount"),
  perCustomerLimit: coupon.ref("k.perCustomerLimit"),
  active: coupon.ref("k.active"),
  productIds: sql<number[]>`ARRAY(${coupon
    .selectFrom("CouponProduct as cp")
    .select("cp.productId")
    .whereRef("cp.couponId", "=", "k.id")
    .orderBy("cp.productId")})`,
  categoryIds: sql<number[]>`ARRAY(${coupon
    .selectFrom("CouponCategory as cc")
    .select("cc.categoryId")
    .whereRef("cc.couponId", "=", "k.id")
    .orderBy("cc.categoryId")})`,
});

/** The coupon as pricing takes it: JSON carries its dates as text. */
export function couponRule<J extends { startsAt: string | null; endsAt: string | null }>(json: J) {
  return { ...json, startsAt: utcDate(json.startsAt), endsAt: utcDate(json.endsAt) };
}

/** Codes are matched case-insensitively: they are stored upper-case. */
export const normaliseCode = (code: string) => code.trim().toUpperCase();

/** How often this customer (by account, or by email for guests) has used the coupon. */
export async function customerRedemptions(
  sql: Sql,
  couponId: number,
  customer: { userId: number | null; email: string | null },
): Promise<number> {
  if (customer.userId === null && !customer.email) return 0;
  const [row] = await rows(sql, redemptions({ couponId, userId: customer.userId, email: customer.email }));
  return row?.count ?? 0;
}

const redemptionKey: { couponId: number; userId: number | null; email: string | null } = {
  couponId: -1,
  userId: -2,
  email: "\0email",
};
const redemptions = prepared(redemptionKey, ({ couponId, userId, email }) =>
  qb
    .selectFrom("CouponRedemption as r")
    .select(sql<number>`count(*)::int`.as("count"))
    .where("r.couponId", "=", couponId)
    .where((eb) => eb.or([eb("r.userId", "=", userId), eb("r.email", "=", email)])),
);

export function couponMessage(problem: CouponProblem, currency: string, shortfall?: number): string {
  switch (problem) {
    case "NOT_FOUND":
      return "We don't recognise this code.";
    case "INACTIVE":
      return "This code is no longer active.";
    case "NOT_STARTED":
      return "This code is not valid yet.";
    case "EXPIRED":
      return "This code has expired.";
    case "MIN_SUBTOTAL":
      return `Spend ${formatMinor(shortfall ?? 0, currency)} more to use this code.`;
    case "USAGE_LIMIT":
      return "This code has reached its usage limit.";
    case "CUSTOMER_LIMIT":
      return "You have already used this code.";
    case "NO_ELIGIBLE_ITEMS":
      return "This code does not apply to the items in your cart.";
  }
}
