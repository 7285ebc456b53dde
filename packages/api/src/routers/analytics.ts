import { TrackEventsSchema } from "@shop/validators";
import { trackEvents } from "../services/analytics/track.ts";
import { publicProcedure, router } from "../trpc.ts";

// A storefront tab sends a batch every few seconds at most; this leaves room for many tabs.
const trackLimit = { max: 60, windowMs: 60_000 };

export const analyticsRouter = router({
  /** Storefront events (page and product views, add to cart, checkout steps), batched. */
  track: publicProcedure
    .meta({ rateLimit: { key: "analytics", ...trackLimit } })
    .input(TrackEventsSchema)
    .mutation(({ ctx, input }) => trackEvents(ctx.db, ctx.req, input.events)),
});
