import {
  ByIdSchema,
  CouponActiveSchema,
  CouponInputSchema,
  CouponListSchema,
  CouponUpdateSchema,
} from "@shop/validators";
import { createCoupon, getCoupon, listCoupons, setCouponActive, updateCoupon } from "../../services/coupons/admin.ts";
import { router, staffProcedure } from "../../trpc.ts";

// Staff manage coupons; setting usage limits is checked in the service to be an admin's.
export const adminCouponsRouter = router({
  list: staffProcedure.input(CouponListSchema).query(({ ctx, input }) => listCoupons(ctx.db, input)),
  get: staffProcedure.input(ByIdSchema).query(({ ctx, input }) => getCoupon(ctx.db, input.id)),
  create: staffProcedure
    .input(CouponInputSchema)
    .mutation(({ ctx, input }) => createCoupon(ctx.db, ctx.auth.user, input)),
  update: staffProcedure
    .input(CouponUpdateSchema)
    .mutation(({ ctx, input }) => updateCoupon(ctx.db, ctx.auth.user, input.id, input.coupon)),
  setActive: staffProcedure
    .input(CouponActiveSchema)
    .mutation(({ ctx, input }) => setCouponActive(ctx.db, ctx.auth.user, input.id, input.active)),
});
