import type { DiscountType } from "@shop/db";

export type CouponRule = {
  id: number;
  code: string;
  type: DiscountType;
  value: number;
  minSubtotal: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  usageCount: number;
  perCustomerLimit: number | null;
  active: boolean;
  /** Scope: empty lists mean the whole catalog. */
  productIds: readonly number[];
  categoryIds: readonly number[];
};

export type CouponLine = { productId: number; categoryIds: readonly number[]; lineTotal: number };

export type CouponProblem =
  | "NOT_FOUND"
  | "INACTIVE"
  | "NOT_STARTED"
  | "EXPIRED"
  | "MIN_SUBTOTAL"
  | "USAGE_LIMIT"
  | "CUSTOMER_LIMIT"
  | "NO_ELIGIBLE_ITEMS";

export type CouponEvaluation =
  | { ok: true; discount: number; freeShipping: boolean; eligible: boolean[] }
  | { ok: false; problem: CouponProblem; shortfall?: number };

/**
 * Whether a coupon applies to these lines now, and for how much. Pure: the caller loads the
 * coupon, its scope (with category descendants resolved) and the customer's redemptions.
 */
export function evaluateCoupon(
  coupon: CouponRule | null,
  lines: readonly CouponLine[],
  context: { now: Date; customerRedemptions: number },
): CouponEvaluation {
  if (!coupon) return { ok: false, problem: "NOT_FOUND" };
  if (!coupon.active) return { ok: false, problem: "INACTIVE" };
  if (coupon.startsAt && context.now < coupon.startsAt) return { ok: false, problem: "NOT_STARTED" };
  if (coupon.endsAt && context.now >= coupon.endsAt) return { ok: false, problem: "EXPIRED" };
  if (coupon.usageLimit !== null && coupon.usageCount >= coupon.usageLimit)
    return { ok: false, problem: "USAGE_LIMIT" };
  if (coupon.perCustomerLimit !== null && context.customerRedemptions >= coupon.perCustomerLimit) {
    return { ok: false, problem: "CUSTOMER_LIMIT" };
  }
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  if (coupon.minSubtotal !== null && subtotal < coupon.minSubtotal) {
    return { ok: false, problem: "MIN_SUBTOTAL", shortfall: coupon.minSubtotal - subtotal };
  }
  const scoped = coupon.productIds.length > 0 || coupon.categoryIds.length > 0;
  const eligible = lines.map(
    (line) =>
      !scoped ||
      coupon.productIds.includes(line.productId) ||
      line.categoryIds.some((id) => coupon.categoryIds.includes(id)),
  );
  const eligibleTotal = lines.reduce((sum, line, index) => sum + (eligible[index] ? line.lineTotal : 0), 0);
  if (eligibleTotal === 0) return { ok: false, problem: "NO_ELIGIBLE_ITEMS" };
  // A discount never exceeds what it applies to, so no total goes negative.
  const discount =
    coupon.type === "PERCENTAGE"
      ? Math.min(eligibleTotal, Math.round((eligibleTotal * coupon.value) / 100))
      : coupon.type === "FIXED_AMOUNT"
        ? Math.min(eligibleTotal, coupon.value)
        : 0;
  return { ok: true, discount, freeShipping: coupon.type === "FREE_SHIPPING", eligible };
}
