import { DiscountType } from "@shop/db/enums";
import { z } from "zod";
import { IdSchema, paginationFields } from "./common.ts";

const optionalLimit = z.number().int().min(1, "At least 1").max(1_000_000).nullish();

export const CouponInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(3, "At least 3 characters")
      .max(40)
      .regex(/^[A-Za-z0-9_-]+$/, "Letters, digits, - and _ only")
      .transform((code) => code.toUpperCase()),
    description: z.string().trim().max(200).default(""),
    type: z.enum(DiscountType),
    /** Percent for PERCENTAGE, minor units for FIXED_AMOUNT. */
    value: z.number().int().min(0).max(100_000_000).default(0),
    minSubtotal: z.number().int().min(1).max(100_000_000).nullish(),
    startsAt: z.coerce.date().nullish(),
    endsAt: z.coerce.date().nullish(),
    usageLimit: optionalLimit,
    perCustomerLimit: optionalLimit,
    active: z.boolean().default(true),
    productIds: z.array(IdSchema).max(500).default([]),
    categoryIds: z.array(IdSchema).max(200).default([]),
  })
  .strict()
  .superRefine((coupon, ctx) => {
    if (coupon.type === "PERCENTAGE" && (coupon.value < 1 || coupon.value > 100)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "A percentage is between 1 and 100" });
    }
    if (coupon.type === "FIXED_AMOUNT" && coupon.value < 1)
      ctx.addIssue({ code: "custom", path: ["value"], message: "Enter the amount off" });
    if (coupon.startsAt && coupon.endsAt && coupon.startsAt >= coupon.endsAt) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start" });
    }
  });
export type CouponInput = z.input<typeof CouponInputSchema>;

export const CouponUpdateSchema = z.object({ id: IdSchema, coupon: CouponInputSchema }).strict();
export const CouponListSchema = z
  .object({ search: z.string().trim().max(40).optional(), ...paginationFields(50) })
  .strict();
export const CouponActiveSchema = z.object({ id: IdSchema, active: z.boolean() }).strict();
