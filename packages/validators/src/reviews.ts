import { ReviewStatus } from "@shop/db/enums";
import { z } from "zod";
import { IdSchema, paginationFields } from "./common.ts";

const Rating = z.number().int().min(1, "Choose 1 to 5 stars").max(5, "Choose 1 to 5 stars");

/** Stored exactly as written and always rendered as text, never as HTML. */
export const ReviewInputSchema = z
  .object({
    rating: Rating,
    title: z.string().trim().min(1, "Give your review a title").max(120, "At most 120 characters"),
    body: z.string().trim().min(1, "Write a few words about the product").max(5_000, "At most 5,000 characters"),
  })
  .strict();
export type ReviewInput = z.input<typeof ReviewInputSchema>;

export const CreateReviewSchema = ReviewInputSchema.extend({ productId: IdSchema }).strict();
export const UpdateReviewSchema = ReviewInputSchema.extend({ id: IdSchema }).strict();

export const ReviewSortSchema = z.enum(["newest", "highest", "lowest", "helpful"]);

export const ReviewListSchema = z
  .object({
    productId: IdSchema,
    sort: ReviewSortSchema.default("newest"),
    rating: Rating.optional(),
    ...paginationFields(10),
  })
  .strict();

export const ProductIdSchema = z.object({ productId: IdSchema }).strict();

export const ReviewStatusSchema = z.enum(ReviewStatus);

export const AdminReviewListSchema = z
  .object({
    status: ReviewStatusSchema.optional(),
    rating: Rating.optional(),
    productId: IdSchema.optional(),
    search: z.string().trim().max(200).optional(),
    ...paginationFields(50),
  })
  .strict();

export const ModerationModeSchema = z.object({ mode: z.enum(["publish", "hold"]) }).strict();

export const WishlistAddSchema = z.object({ productId: IdSchema, variantId: IdSchema.nullish() }).strict();
