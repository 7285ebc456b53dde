import { FunnelRangeSchema } from "@shop/validators";
import { conversionFunnel } from "../../services/analytics/funnel.ts";
import { router, staffProcedure } from "../../trpc.ts";

export const adminFunnelRouter = router({
  /** Visitors → product view → add to cart → checkout → order, for a date range. */
  get: staffProcedure.input(FunnelRangeSchema).query(({ ctx, input }) => conversionFunnel(ctx.db, input)),
});
