import { TrackEventsSchema } from "@shop/validators";
import { consume } from "../lib/rate-limit/index.ts";
import { trackEvents } from "../services/analytics/track.ts";
import { publicProcedure, router } from "../trpc.ts";

// A storefront tab sends a batch every few seconds at most; this leaves room for many tabs.
const trackLimit = { max: 60, windowMs: 60_000 };

export const analyticsRouter = router({
  /** Storefront events (page and product views, add to cart, checkout steps), batched. */
  track: publicProcedure.input(TrackEventsSchema).mutation(async ({ ctx, input }) => {
    await consume(ctx.limits, `analytics:ip:${ctx.req.ip ?? "unknown"}`, trackLimit);
    return trackEvents(ctx.db, ctx.req, input.events);
  }),
});
