import { allocate, roundMinor } from "./allocate.ts";
import { evaluateCoupon, type CouponEvaluation, type CouponRule } from "./coupons.ts";

export type PriceLine = {
  variantId: number;
  productId: number;
  categoryIds: number[];
  unitPrice: number;
  quantity: number;
};
export type ShippingRule = { price: number; freeOverSubtotal: number | null };
export type TaxRule = { rateBps: number; appliesToShipping: boolean };

export type PricedOrder<L extends PriceLine = PriceLine> = {
  lines: Array<L & { lineTotal: number; discount: number; tax: number; total: number }>;
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  coupon: CouponEvaluation | null;
};

/**
 * Every amount a shopper pays, computed from database prices only. Order of operations:
 * subtotal → coupon discount (spread over eligible lines) → shipping (free over the method's
 * threshold, or with a free-shipping coupon) → tax on discounted goods, plus shipping where the
 * rate says so. The parts always add up: total = subtotal − discount + shipping + tax.
 */
export function priceOrder<L extends PriceLine>(input: {
  lines: readonly L[];
  coupon?: { rule: CouponRule | null; customerRedemptions: number } | null;
  shipping?: ShippingRule | null;
  tax?: TaxRule | null;
  now?: Date;
}): PricedOrder<L> {
  const withTotals = input.lines.map((line) => ({ ...line, lineTotal: line.unitPrice * line.quantity }));
  const subtotal = withTotals.reduce((sum, line) => sum + line.lineTotal, 0);
  const coupon = input.coupon
    ? evaluateCoupon(input.coupon.rule, withTotals, {
        now: input.now ?? new Date(),
        customerRedemptions: input.coupon.customerRedemptions,
      })
    : null;
  const discount = coupon?.ok ? coupon.discount : 0;
  const discounts = coupon?.ok
    ? allocate(
        discount,
        withTotals.map((line, index) => (coupon.eligible[index] ? line.lineTotal : 0)),
      )
    : withTotals.map(() => 0);

  const goods = subtotal - discount;
  const freeShipping = Boolean(coupon?.ok && coupon.freeShipping);
  const shippingRule = input.shipping;
  const shipping =
    !shippingRule || freeShipping || (shippingRule.freeOverSubtotal !== null && goods >= shippingRule.freeOverSubtotal)
      ? 0
      : shippingRule.price;

  const rate = input.tax?.rateBps ?? 0;
  const goodsTax = roundMinor((goods * rate) / 10_000);
  const shippingTax = input.tax?.appliesToShipping ? roundMinor((shipping * rate) / 10_000) : 0;
  const lineTaxes = allocate(
    goodsTax,
    withTotals.map((line, index) => line.lineTotal - (discounts[index] ?? 0)),
  );
  const tax = goodsTax + shippingTax;

  return {
    lines: withTotals.map((line, index) => ({
      ...line,
      discount: discounts[index] ?? 0,
      tax: lineTaxes[index] ?? 0,
      total: line.lineTotal - (discounts[index] ?? 0),
    })),
    subtotal,
    discount,
    shipping,
    tax,
    total: subtotal - discount + shipping + tax,
    coupon,
  };
}
