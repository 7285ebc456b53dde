import { CouponInputSchema } from "@shop/validators";
import { describe, expect, it } from "vitest";
import { couponInput, emptyCouponForm, formFromCoupon, type Coupon } from "./form-state.ts";

describe("coupon form", () => {
  it("converts dollars to minor units and passes the picked products on", () => {
    const { input, problems } = couponInput(
      {
        ...emptyCouponForm(),
        code: "spring-10",
        type: "FIXED_AMOUNT",
        value: "10",
        minSubtotal: "49.99",
        productIds: [3, 7, 9],
        usageLimit: "100",
      },
      "USD",
    );
    expect(problems).toEqual({});
    expect(CouponInputSchema.parse(input)).toMatchObject({
      code: "SPRING-10",
      type: "FIXED_AMOUNT",
      value: 1000,
      minSubtotal: 4999,
      productIds: [3, 7, 9],
      categoryIds: [],
      usageLimit: 100,
      perCustomerLimit: null,
    });
  });

  it("says what it could not read, and the API schema says the rest", () => {
    const { input, problems } = couponInput(
      { ...emptyCouponForm(), code: "X", value: "12.5", minSubtotal: "lots" },
      "USD",
    );
    expect(problems).toEqual({
      value: "Enter a whole percentage, e.g. 15",
      minSubtotal: "Enter an amount, e.g. 10 or 9.99",
    });
    expect(CouponInputSchema.safeParse(input).success).toBe(false);
  });

  it("round-trips a saved coupon", () => {
    const coupon: Coupon = {
      id: 1,
      code: "SHIPFREE",
      description: "",
      type: "FREE_SHIPPING",
      value: 0,
      minSubtotal: 2500,
      startsAt: new Date(2026, 0, 1, 9, 30),
      endsAt: null,
      usageLimit: null,
      perCustomerLimit: 1,
      usageCount: 0,
      active: true,
      createdAt: new Date(),
      productIds: [],
      categoryIds: [2],
      redemptions: 0,
      discountTotal: 0,
      revenue: 0,
      recentRedemptions: [],
    };
    const form = formFromCoupon(coupon, "USD");
    expect(form).toMatchObject({
      minSubtotal: "25.00",
      startsAt: "2026-01-01T09:30",
      perCustomerLimit: "1",
      categoryIds: [2],
    });
    expect(CouponInputSchema.parse(couponInput(form, "USD").input)).toMatchObject({
      minSubtotal: 2500,
      startsAt: new Date(2026, 0, 1, 9, 30),
      categoryIds: [2],
    });
  });
});
