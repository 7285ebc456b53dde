import { MyOrdersSchema, OrderAccessSchema, OrderNumberSchema } from "@shop/validators";
import { AppError } from "../errors.ts";
import { accessibleOrder } from "../lib/order-access.ts";
import { cancelOrder } from "../services/orders/cancel.ts";
import { findOrderFor, listMyOrders, toOrderView } from "../services/orders/queries.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

export const ordersRouter = router({
  list: authedProcedure.input(MyOrdersSchema).query(({ ctx, input }) => listMyOrders(ctx.db, ctx.auth.user.id, input)),

  /** One of the signed-in shopper's orders; anyone else's is NOT_FOUND. */
  get: authedProcedure
    .input(OrderNumberSchema)
    .query(async ({ ctx, input }) =>
      toOrderView(ctx.config, await findOrderFor(ctx.db, { number: input.number, userId: ctx.auth.user.id })),
    ),

  /** A guest's order by number and email (mutation: the email stays out of URLs and logs). */
  lookup: publicProcedure
    .input(OrderAccessSchema)
    .mutation(async ({ ctx, input }) => toOrderView(ctx.config, await accessibleOrder(ctx, input))),

  /** The shopper cancels before shipping; a payment is refunded, the stock returned. */
  cancel: publicProcedure.input(OrderAccessSchema).mutation(async ({ ctx, input }) => {
    const order = await accessibleOrder(ctx, input);
    if (!["PENDING_PAYMENT", "PAID", "PROCESSING"].includes(order.status)) {
      throw new AppError("PRECONDITION_FAILED", "This order has shipped and can no longer be cancelled");
    }
    await cancelOrder(ctx.db, ctx.payments, {
      orderId: order.id,
      actor: { type: "CUSTOMER", id: ctx.auth?.user.id ?? null },
      reason: "Cancelled by the customer",
      publicUrl: ctx.config.publicUrl,
    });
    return toOrderView(ctx.config, await accessibleOrder(ctx, input));
  }),
});
