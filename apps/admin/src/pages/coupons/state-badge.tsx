import { couponState, couponStateStyle } from "./describe.ts";
import type { Coupon } from "./form-state.ts";

/** The coupon's true state, from its switch, dates and limits; green only when shoppers can use it. */
export function CouponStateBadge({
  coupon,
}: {
  coupon: Pick<Coupon, "active" | "startsAt" | "endsAt" | "usageLimit" | "usageCount">;
}) {
  const state = couponState(coupon);
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${couponStateStyle(state)}`} data-testid="coupon-state">
      {state}
    </span>
  );
}
