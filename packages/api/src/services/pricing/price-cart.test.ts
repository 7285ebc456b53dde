import { describe, expect, it } from "vitest";
import type { CouponRule } from "./coupons.ts";
import { priceCart } from "./price-cart.ts";

const rule: CouponRule = {
  id: 1,
  code: "AUDIO10",
  type: "PERCENTAGE",
  value: 10,
  minSubtotal: null,
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  usageCount: 0,
  perCustomerLimit: null,
  active: true,
  productIds: [],
  categoryIds: [2],
};

const item = (variantId: number, price: number, quantity: number, categoryId: number | null, status = "ACTIVE") => ({
  variantId,
  productId: variantId,
  categoryId,
  price,
  quantity,
  status,
  sku: `SKU-${variantId}`,
});

describe("priceCart", () => {
  it("prices active lines at current prices, a category coupon reaching subcategories through the lineage", () => {
    const items = [item(1, 1_000, 2, 3), item(2, 500, 1, null), item(3, 700, 1, 3, "ARCHIVED")];
    const priced = priceCart(items, {
      coupon: { rule, customerRedemptions: 0 },
      lineage: new Map([[3, [3, 2]]]),
      shipping: { price: 400, freeOverSubtotal: null },
      tax: { rateBps: 1_000, appliesToShipping: false },
    });
    expect(priced.lines.map((line) => line.item.sku)).toEqual(["SKU-1", "SKU-2"]);
    expect(priced).toMatchObject({ subtotal: 2_500, discount: 200, shipping: 400, tax: 230, total: 2_930 });
    expect(priced.lines.map((line) => line.discount)).toEqual([200, 0]);
  });

  it("without the lineage a category coupon reaches only its own category's lines", () => {
    const priced = priceCart([item(1, 1_000, 1, 3)], { coupon: { rule, customerRedemptions: 0 }, lineage: new Map() });
    expect(priced.coupon).toEqual({ ok: false, problem: "NO_ELIGIBLE_ITEMS" });
  });
});
