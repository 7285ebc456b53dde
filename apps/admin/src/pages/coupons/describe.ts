import { formatMoney, type BadgeTone } from "@shop/ui";
import { formatDate } from "../../lib/format.ts";
import type { Coupon } from "./form-state.ts";

type Terms = Pick<Coupon, "type" | "value" | "minSubtotal">;

export function describeDiscount(coupon: Terms, currency: string): string {
  const base =
    coupon.type === "PERCENTAGE"
      ? `${coupon.value}% off`
      : coupon.type === "FIXED_AMOUNT"
        ? `${formatMoney(coupon.value, currency)} off`
        : "Free shipping";
  return coupon.minSubtotal ? `${base} over ${formatMoney(coupon.minSubtotal, currency)}` : base;
}

export function describeWindow(coupon: Pick<Coupon, "startsAt" | "endsAt">): string {
  if (coupon.startsAt && coupon.endsAt) return `${formatDate(coupon.startsAt)} – ${formatDate(coupon.endsAt)}`;
  if (coupon.startsAt) return `From ${formatDate(coupon.startsAt)}`;
  if (coupon.endsAt) return `Until ${formatDate(coupon.endsAt)}`;
  return "Always";
}

export const describeUsage = (coupon: Pick<Coupon, "usageCount" | "usageLimit">) =>
  coupon.usageLimit === null ? `${coupon.usageCount} (no limit)` : `${coupon.usageCount} / ${coupon.usageLimit}`;

export type CouponState = "Inactive" | "Scheduled" | "Active" | "Expired" | "Used up";

/** What a shopper would find at `now`: switched off, not started, running, ended, or out of uses. */
export function couponState(
  coupon: Pick<Coupon, "active" | "startsAt" | "endsAt" | "usageLimit" | "usageCount">,
  now = new Date(),
): CouponState {
  if (!coupon.active) return "Inactive";
  if (coupon.endsAt && coupon.endsAt <= now) return "Expired";
  if (coupon.usageLimit !== null && coupon.usageCount >= coupon.usageLimit) return "Used up";
  if (coupon.startsAt && coupon.startsAt > now) return "Scheduled";
  return "Active";
}

const stateTones: Record<CouponState, BadgeTone> = {
  Active: "success",
  Scheduled: "info",
  Expired: "neutral",
  "Used up": "warning",
  Inactive: "neutral",
};

export const couponStateTone = (state: CouponState) => stateTones[state];
