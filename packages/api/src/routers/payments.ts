import { TestCardPaymentSchema } from "@shop/validators";
import { AppError } from "../errors.ts";
import { limits } from "../lib/rate-limit/index.ts";
import { handlePaymentEvent } from "../services/payments/events.ts";
import { confirmTestIntent } from "../services/payments/test-provider.ts";
import { publicProcedure, router } from "../trpc.ts";

export const paymentsRouter = router({
  /**
   * The built-in test provider's card form posts here (with Stripe, the browser talks to Stripe
   * instead). The number is checked against Stripe's test cards and dropped, never stored.
   */
  testConfirm: publicProcedure
    .meta({
      rateLimit: {
        key: "payment",
        max: (config) => config.paymentAttemptsPerTenMinutes ?? limits.paymentAttemptsIp.max,
        windowMs: limits.paymentAttemptsIp.windowMs,
      },
    })
    .input(TestCardPaymentSchema)
    .mutation(async ({ ctx, input }) => {
      if (ctx.payments.name !== "test") throw new AppError("NOT_FOUND", "The test payment provider is not in use");
      const { clientSecret, ...card } = input;
      const event = await confirmTestIntent(ctx.db, { clientSecret, card });
      // Delivered like a webhook: the same event handling as Stripe's.
      await handlePaymentEvent(ctx.db, ctx.payments, event, ctx.config.publicUrl);
      const intent = await ctx.payments.retrieveIntent(event.intentId);
      return { status: intent.status, error: intent.lastError };
    }),
});
