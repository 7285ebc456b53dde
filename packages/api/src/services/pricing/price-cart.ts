import type { CouponRule } from "./coupons.ts";
import { priceOrder, type ShippingRule, type TaxRule } from "./price-order.ts";

/** What pricing reads of a cart line (`CartLine` of services/cart/lines.ts has it all). */
export type CartItemForPricing = {
  variantId: number;
  productId: number;
  categoryId: number | null;
  /** The variant's current price: a cart is always priced from the database now. */
  price: number;
  quantity: number;
  status: string;
};

/** The coupon of a cart and what evaluating it needs (`couponTerms` in services/cart/pricing-terms.ts). */
export type CouponTerms = {
  coupon: { rule: CouponRule; customerRedemptions: number } | null;
  /** Each category's own id and its ancestors', for coupons scoped to categories. */
  lineage: ReadonlyMap<number, number[]>;
};

/**
 * The one way a cart is priced. The cart page, the checkout quote and placing the order all call
 * it, so the shopper is charged what they were shown. Lines of products no longer sold are left
 * out (the cart flags them; placing an order refuses them before pricing). Each priced line keeps
 * its cart item (`item`) for the caller's own fields.
 */
export function priceCart<I extends CartItemForPricing>(
  items: readonly I[],
  terms: CouponTerms & { shipping?: ShippingRule | null; tax?: TaxRule | null; now?: Date },
) {
  const lines = items
    .filter((item) => item.status === "ACTIVE")
    .map((item) => ({
      item,
      variantId: item.variantId,
      productId: item.productId,
      categoryIds: item.categoryId === null ? [] : (terms.lineage.get(item.categoryId) ?? []),
      unitPrice: item.price,
      quantity: item.quantity,
    }));
  return priceOrder({ lines, coupon: terms.coupon, shipping: terms.shipping, tax: terms.tax, now: terms.now });
}
