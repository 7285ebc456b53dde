import { Badge } from "@shop/ui";
import { couponState, couponStateTone } from "./describe.ts";
import type { Coupon } from "./form-state.ts";

/** The coupon's true state, from its switch, dates and limits; green only when shoppers can use it. */
export function CouponStateBadge({
  coupon,
}: {
  coupon: Pick<Coupon, "active" | "startsAt" | "endsAt" | "usageLimit" | "usageCount">;
}) {
  const state = couponState(coupon);
  return (
    <Badge tone={couponStateTone(state)} data-testid="coupon-state">
      {state}
    </Badge>
  );
}
