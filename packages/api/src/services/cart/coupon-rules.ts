import { Prisma } from "@shop/db";
import { DiscountType } from "@shop/db/enums";
import { z } from "zod";
import type { CouponProblem, CouponRule } from "../pricing/coupons.ts";
import { formatMinor } from "../../lib/money.ts";
import { sqlRows, type Sql } from "../../lib/sql.ts";

/** A coupon (alias `k`) with its scope, as one JSON value: `Cart` reads embed it. */
export const couponRuleJson = Prisma.sql`json_build_object(
  'id', k."id", 'code', k."code", 'type', k."type", 'value', k."value", 'minSubtotal', k."minSubtotal",
  'startsAt', k."startsAt", 'endsAt', k."endsAt", 'usageLimit', k."usageLimit", 'usageCount', k."usageCount",
  'perCustomerLimit', k."perCustomerLimit", 'active', k."active",
  'productIds', ARRAY(SELECT cp."productId" FROM "CouponProduct" cp WHERE cp."couponId" = k."id" ORDER BY cp."productId"),
  'categoryIds', ARRAY(SELECT cc."categoryId" FROM "CouponCategory" cc WHERE cc."couponId" = k."id" ORDER BY cc."categoryId"))`;

// JSON carries `timestamp(3)` as ISO text without a zone; the columns hold UTC.
const utc = z
  .string()
  .nullable()
  .transform((value) => (value === null ? null : new Date(`${value}Z`)));

export const CouponRuleJson = z.object({
  id: z.number(),
  code: z.string(),
  type: z.enum(DiscountType),
  value: z.number(),
  minSubtotal: z.number().nullable(),
  startsAt: utc,
  endsAt: utc,
  usageLimit: z.number().nullable(),
  usageCount: z.number(),
  perCustomerLimit: z.number().nullable(),
  active: z.boolean(),
  productIds: z.array(z.number()),
  categoryIds: z.array(z.number()),
}) satisfies z.ZodType<CouponRule>;

/** Codes are matched case-insensitively: they are stored upper-case. */
export const normaliseCode = (code: string) => code.trim().toUpperCase();

/** How often this customer (by account, or by email for guests) has used the coupon. */
export async function customerRedemptions(
  sql: Sql,
  couponId: number,
  customer: { userId: number | null; email: string | null },
): Promise<number> {
  if (customer.userId === null && !customer.email) return 0;
  const [row] = await sqlRows(
    sql,
    z.object({ count: z.number() }),
    Prisma.sql`SELECT count(*)::int AS "count" FROM "CouponRedemption" r
                WHERE r."couponId" = ${couponId} AND (r."userId" = ${customer.userId}::int OR r."email" = ${customer.email}::text)`,
  );
  return row?.count ?? 0;
}

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
