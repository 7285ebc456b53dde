import type { RouterOutputs } from "@shop/api";
import type { CouponInput } from "@shop/validators";
import { toLocalInput } from "../../lib/format.ts";
import { moneyText, parseMoney } from "../../lib/money.ts";

export type Coupon = RouterOutputs["admin"]["coupons"]["get"];
export type CouponType = Coupon["type"];

/** The form's fields as typed. Amounts are in major units; products and categories are picked. */
export type CouponForm = {
  code: string;
  description: string;
  type: CouponType;
  value: string;
  minSubtotal: string;
  startsAt: string;
  endsAt: string;
  usageLimit: string;
  perCustomerLimit: string;
  active: boolean;
  productIds: number[];
  categoryIds: number[];
};

export const emptyCouponForm = (): CouponForm => ({
  code: "",
  description: "",
  type: "PERCENTAGE",
  value: "",
  minSubtotal: "",
  startsAt: "",
  endsAt: "",
  usageLimit: "",
  perCustomerLimit: "",
  active: true,
  productIds: [],
  categoryIds: [],
});

export function formFromCoupon(coupon: Coupon, currency: string): CouponForm {
  return {
    code: coupon.code,
    description: coupon.description,
    type: coupon.type,
    value:
      coupon.type === "PERCENTAGE"
        ? String(coupon.value)
        : coupon.type === "FIXED_AMOUNT"
          ? moneyText(coupon.value, currency)
          : "",
    minSubtotal: moneyText(coupon.minSubtotal, currency),
    startsAt: toLocalInput(coupon.startsAt),
    endsAt: toLocalInput(coupon.endsAt),
    usageLimit: coupon.usageLimit === null ? "" : String(coupon.usageLimit),
    perCustomerLimit: coupon.perCustomerLimit === null ? "" : String(coupon.perCustomerLimit),
    active: coupon.active,
    productIds: coupon.productIds,
    categoryIds: coupon.categoryIds,
  };
}

const whole = (text: string) => (text.trim() === "" ? null : Number(text.trim()));
const date = (text: string) => (text ? new Date(text) : null);

/**
 * The API input the form describes, to validate with the API's own schema, plus what only the
 * form can say (an amount it could not read) in words staff understand.
 */
export function couponInput(
  form: CouponForm,
  currency: string,
): { input: CouponInput; problems: Partial<Record<keyof CouponForm, string>> } {
  const money = (text: string) => parseMoney(text, currency);
  const value = form.type === "FIXED_AMOUNT" ? money(form.value) : form.type === "PERCENTAGE" ? whole(form.value) : 0;
  const minSubtotal = money(form.minSubtotal);
  const problems: Partial<Record<keyof CouponForm, string>> = {};
  const amountHint = "Enter an amount, e.g. 10 or 9.99";
  if (form.type === "FIXED_AMOUNT" && (value === null || Number.isNaN(value))) problems.value = amountHint;
  if (form.type === "PERCENTAGE" && (value === null || !Number.isInteger(value)))
    problems.value = "Enter a whole percentage, e.g. 15";
  if (minSubtotal !== null && Number.isNaN(minSubtotal)) problems.minSubtotal = amountHint;
  return {
    input: {
      code: form.code,
      description: form.description,
      type: form.type,
      value: value ?? 0,
      minSubtotal,
      startsAt: date(form.startsAt),
      endsAt: date(form.endsAt),
      usageLimit: whole(form.usageLimit),
      perCustomerLimit: whole(form.perCustomerLimit),
      active: form.active,
      productIds: form.productIds,
      categoryIds: form.categoryIds,
    },
    problems,
  };
}
