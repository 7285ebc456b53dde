import { z } from "zod";
import { IdSchema } from "./common.ts";

/**
 * A page's path only: no query string or fragment (they carry search terms, emails and tokens),
 * no host. The storefront sends `location.pathname`.
 */
const PathSchema = z
  .string()
  .max(200)
  .regex(/^\/[A-Za-z0-9\-._~/%]*$/, "A path without query or fragment");

export const CheckoutStepSchema = z.enum(["details", "payment"]);

export const AnalyticsEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("PAGE_VIEW"), path: PathSchema }).strict(),
  z.object({ type: z.literal("PRODUCT_VIEW"), path: PathSchema, productId: IdSchema }).strict(),
  z.object({ type: z.literal("ADD_TO_CART"), path: PathSchema, productId: IdSchema }).strict(),
  z.object({ type: z.literal("CHECKOUT_STEP"), path: PathSchema, step: CheckoutStepSchema }).strict(),
  z.object({ type: z.literal("PURCHASE"), path: PathSchema }).strict(),
]);
export type AnalyticsEventInput = z.infer<typeof AnalyticsEventSchema>;

/** The storefront batches events; a batch is small so one request stays cheap. */
export const TrackEventsSchema = z.object({ events: z.array(AnalyticsEventSchema).min(1).max(20) }).strict();

/** A range of local days is sent as instants: `to` is exclusive (the next midnight). */
export const FunnelRangeSchema = z
  .object({ from: z.coerce.date(), to: z.coerce.date() })
  .strict()
  .refine((range) => range.from < range.to, { message: "The start must be before the end", path: ["to"] })
  .refine((range) => range.to.getTime() - range.from.getTime() <= 400 * 86_400_000, {
    message: "At most 400 days",
    path: ["to"],
  });
