import type { Prisma, PrismaClient } from "@shop/db";
import type { CouponProblem, CouponRule } from "../pricing/coupons.ts";
import { formatMinor } from "../../lib/money.ts";

export const couponRuleSelect = {
  id: true,
  code: true,
  type: true,
  value: true,
  minSubtotal: true,
  startsAt: true,
  endsAt: true,
  usageLimit: true,
  usageCount: true,
  perCustomerLimit: true,
  active: true,
  products: { select: { productId: true } },
  categories: { select: { categoryId: true } },
} satisfies Prisma.CouponSelect;

type Row = Prisma.CouponGetPayload<{ select: typeof couponRuleSelect }>;

export function toCouponRule(row: Row): CouponRule {
  const { products, categories, ...rule } = row;
  return { ...rule, productIds: products.map((p) => p.productId), categoryIds: categories.map((c) => c.categoryId) };
}

/** Codes are matched case-insensitively: they are stored upper-case. */
export const normaliseCode = (code: string) => code.trim().toUpperCase();

export async function loadCouponRule(db: PrismaClient | Prisma.TransactionClient, where: { id: number } | { code: string }) {
  const row = await db.coupon.findUnique({ where: "id" in where ? { id: where.id } : { code: normaliseCode(where.code) }, select: couponRuleSelect });
  return row ? toCouponRule(row) : null;
}

/** How often this customer (by account, or by email for guests) has used the coupon. */
export async function customerRedemptions(
  db: PrismaClient | Prisma.TransactionClient,
  couponId: number,
  customer: { userId: number | null; email: string | null },
): Promise<number> {
  const or: Prisma.CouponRedemptionWhereInput[] = [];
  if (customer.userId !== null) or.push({ userId: customer.userId });
  if (customer.email) or.push({ email: customer.email });
  if (or.length === 0) return 0;
  return db.couponRedemption.count({ where: { couponId, OR: or } });
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
