import { AdminReviewListSchema, ByIdSchema, ModerationModeSchema, ProductIdSchema } from "@shop/validators";
import { deleteReviewAsStaff, listReviewsForStaff, moderateReview } from "../../services/reviews/moderate.ts";
import { moderationMode, setModerationMode } from "../../services/reviews/settings.ts";
import { adminProcedure, router, staffProcedure } from "../../trpc.ts";

// Staff edits here change what shoppers see: the server empties the catalog caches after each.
const catalogEdit = staffProcedure.meta({ invalidatesCatalog: true });
const catalogAdminEdit = adminProcedure.meta({ invalidatesCatalog: true });

export const adminReviewsRouter = router({
  list: staffProcedure.input(AdminReviewListSchema).query(({ ctx, input }) => listReviewsForStaff(ctx.db, input)),
  approve: catalogEdit
    .input(ByIdSchema)
    .mutation(({ ctx, input }) => moderateReview(ctx.db, ctx.auth.user, { id: input.id, status: "PUBLISHED" })),
  hide: catalogEdit
    .input(ByIdSchema)
    .mutation(({ ctx, input }) => moderateReview(ctx.db, ctx.auth.user, { id: input.id, status: "HIDDEN" })),
  delete: catalogEdit.input(ByIdSchema).mutation(async ({ ctx, input }) => {
    await deleteReviewAsStaff(ctx.db, ctx.auth.user, input.id);
    return { ok: true as const };
  }),
  /** A product's rating aggregates, as the storefront shows them. */
  summary: staffProcedure.input(ProductIdSchema).query(async ({ ctx, input }) => {
    const rating = await ctx.db.productRating.findUnique({
      where: { productId: input.productId },
      select: { count: true, average: true, star1: true, star2: true, star3: true, star4: true, star5: true },
    });
    return rating ?? { count: 0, average: 0, star1: 0, star2: 0, star3: 0, star4: 0, star5: 0 };
  }),
  moderation: staffProcedure.query(async ({ ctx }) => ({ mode: await moderationMode(ctx.db) })),
  /** Whether new reviews publish at once or wait: shop policy, so an admin's call. */
  setModeration: catalogAdminEdit
    .input(ModerationModeSchema)
    .mutation(({ ctx, input }) => setModerationMode(ctx.db, ctx.auth.user, input.mode, ctx.req.ip)),
});
