import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.ts";
import type { CouponRule } from "./coupons.ts";
import { priceOrder, type PriceLine } from "./price-order.ts";

const line = (
  variantId: number,
  unitPrice: number,
  quantity = 1,
  productId = variantId,
  categoryIds: number[] = [],
): PriceLine => ({
  variantId,
  productId,
  categoryIds,
  unitPrice,
  quantity,
});

const coupon = (overrides: Partial<CouponRule>): CouponRule => ({
  id: 1,
  code: "TEST",
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
  categoryIds: [],
  ...overrides,
});

const now = new Date("2026-06-01T12:00:00Z");

describe("allocate", () => {
  it("always adds up to the amount", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(7, [0, 5, 0])).toEqual([0, 7, 0]);
    expect(allocate(0, [3, 4])).toEqual([0, 0]);
    for (let amount = 0; amount < 500; amount += 37) {
      expect(allocate(amount, [123, 456, 789]).reduce((a, b) => a + b, 0)).toBe(amount);
    }
  });
});

describe("priceOrder", () => {
  it("adds lines, shipping and tax", () => {
    const priced = priceOrder({
      lines: [line(1, 1_999, 2), line(2, 500)],
      shipping: { price: 499, freeOverSubtotal: 10_000 },
      tax: { rateBps: 825, appliesToShipping: true },
    });
    expect(priced).toMatchObject({
      subtotal: 4_498,
      discount: 0,
      shipping: 499,
      tax: 371 + 41,
      total: 4_498 + 499 + 412,
    });
    expect(priced.lines.map((l) => l.tax).reduce((a, b) => a + b, 0)).toBe(371);
  });

  it("ships free over the threshold, judged after the discount", () => {
    const base = { lines: [line(1, 5_000)], shipping: { price: 499, freeOverSubtotal: 5_000 } };
    expect(priceOrder(base).shipping).toBe(0);
    expect(priceOrder({ ...base, coupon: { rule: coupon({ value: 10 }), customerRedemptions: 0 }, now }).shipping).toBe(
      499,
    );
  });

  it("applies percentage, fixed and free-shipping coupons", () => {
    const lines = [line(1, 3_333), line(2, 6_667)];
    const shipping = { price: 999, freeOverSubtotal: null };
    expect(
      priceOrder({ lines, shipping, coupon: { rule: coupon({ value: 15 }), customerRedemptions: 0 }, now }),
    ).toMatchObject({ discount: 1_500, total: 10_000 - 1_500 + 999 });
    expect(
      priceOrder({
        lines,
        shipping,
        coupon: { rule: coupon({ type: "FIXED_AMOUNT", value: 2_000 }), customerRedemptions: 0 },
        now,
      }).discount,
    ).toBe(2_000);
    expect(
      priceOrder({
        lines,
        shipping,
        coupon: { rule: coupon({ type: "FREE_SHIPPING", value: 0 }), customerRedemptions: 0 },
        now,
      }),
    ).toMatchObject({ discount: 0, shipping: 0, total: 10_000 });
  });

  it("never lets a discount exceed what it applies to", () => {
    const priced = priceOrder({
      lines: [line(1, 1_000)],
      coupon: { rule: coupon({ type: "FIXED_AMOUNT", value: 5_000 }), customerRedemptions: 0 },
      now,
    });
    expect(priced).toMatchObject({ discount: 1_000, total: 0 });
  });

  it("limits a scoped coupon to its products and categories, spreading it over those lines", () => {
    const lines = [line(1, 1_000, 1, 10, [5, 1]), line(2, 3_000, 1, 20, [7]), line(3, 2_000, 1, 30, [8])];
    const priced = priceOrder({
      lines,
      coupon: { rule: coupon({ value: 50, productIds: [30], categoryIds: [1] }), customerRedemptions: 0 },
      now,
    });
    expect(priced.discount).toBe(1_500);
    expect(priced.lines.map((l) => l.discount)).toEqual([500, 0, 1_000]);
  });

  it.each([
    [{ active: false }, 0, "INACTIVE"],
    [{ startsAt: new Date("2026-07-01") }, 0, "NOT_STARTED"],
    [{ endsAt: new Date("2026-05-01") }, 0, "EXPIRED"],
    [{ minSubtotal: 50_000 }, 0, "MIN_SUBTOTAL"],
    [{ usageLimit: 3, usageCount: 3 }, 0, "USAGE_LIMIT"],
    [{ perCustomerLimit: 1 }, 1, "CUSTOMER_LIMIT"],
    [{ productIds: [999] }, 0, "NO_ELIGIBLE_ITEMS"],
  ] as const)("says why a coupon does not apply: %o → %s", (overrides, redemptions, problem) => {
    const priced = priceOrder({
      lines: [line(1, 1_000)],
      coupon: { rule: coupon(overrides), customerRedemptions: redemptions },
      now,
    });
    expect(priced.coupon).toMatchObject({ ok: false, problem });
    expect(priced.discount).toBe(0);
  });

  it("reports how much more to spend for a minimum subtotal", () => {
    const priced = priceOrder({
      lines: [line(1, 1_500)],
      coupon: { rule: coupon({ minSubtotal: 2_000 }), customerRedemptions: 0 },
      now,
    });
    expect(priced.coupon).toEqual({ ok: false, problem: "MIN_SUBTOTAL", shortfall: 500 });
  });
});
