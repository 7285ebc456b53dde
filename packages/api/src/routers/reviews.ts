import {
  ByIdSchema,
  CreateReviewSchema,
  ProductIdSchema,
  ReviewListSchema,
  UpdateReviewSchema,
} from "@shop/validators";
import { listReviews, myReviewFor, myReviews } from "../services/reviews/queries.ts";
import { createReview, deleteReview, markHelpful, updateReview } from "../services/reviews/shopper.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

export const reviewsRouter = router({
  /** A product's published reviews; a signed-in shopper also learns which ones they voted for. */
  list: publicProcedure
    .meta({ cache: { ttlSeconds: 300, sharedBy: "anonymous" } })
    .input(ReviewListSchema)
    .query(({ ctx, input }) => listReviews(ctx.db, input, ctx.auth?.user.id ?? null)),
  mine: authedProcedure.query(({ ctx }) => myReviews(ctx.db, ctx.auth.user.id)),
  mineFor: authedProcedure
    .input(ProductIdSchema)
    .query(({ ctx, input }) => myReviewFor(ctx.db, ctx.auth.user.id, input.productId)),
  create: authedProcedure
    .input(CreateReviewSchema)
    .mutation(({ ctx, input }) => createReview(ctx.db, ctx.auth.user.id, input)),
  update: authedProcedure
    .input(UpdateReviewSchema)
    .mutation(({ ctx, input }) => updateReview(ctx.db, ctx.auth.user.id, input)),
  delete: authedProcedure.input(ByIdSchema).mutation(async ({ ctx, input }) => {
    await deleteReview(ctx.db, ctx.auth.user.id, input.id);
    return { ok: true as const };
  }),
  markHelpful: authedProcedure
    .input(ByIdSchema)
    .mutation(({ ctx, input }) => markHelpful(ctx.db, ctx.auth.user.id, input.id)),
});
