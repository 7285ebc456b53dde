import {
  GuestOrderSchema,
  MyOrdersSchema,
  OrderAccessSchema,
  OrderNumberSchema,
  RequestReturnSchema,
} from "@shop/validators";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { accessibleOrder, guestOrderStatus } from "../lib/order-access.ts";
import { cancelOrder } from "../services/orders/cancel.ts";
import { isCancellable } from "../services/orders/transitions.ts";
import { returnEligibility } from "../services/returns/eligibility.ts";
import { requestReturn } from "../services/returns/returns.ts";

/** The shopper's view of an order, with what of it may still be returned. */
async function shopperView(ctx: Context, row: Awaited<ReturnType<typeof findOrderFor>>) {
  return { ...toOrderView(ctx.config, row), ...(await returnEligibility(ctx.db, row)) };
}
import { findOrderFor, listMyOrders, toOrderView } from "../services/orders/queries.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

export const ordersRouter = router({
  list: authedProcedure.input(MyOrdersSchema).query(({ ctx, input }) => listMyOrders(ctx.db, ctx.auth.user.id, input)),

  /** One of the signed-in shopper's orders; anyone else's is NOT_FOUND. */
  get: authedProcedure
    .input(OrderNumberSchema)
    .query(async ({ ctx, input }) =>
      shopperView(ctx, await findOrderFor(ctx.db, { number: input.number, userId: ctx.auth.user.id })),
    ),

  /**
   * The whole order for the holder of its secret link, or its signed-in owner (a mutation: the
   * key stays out of URLs and logs).
   */
  open: publicProcedure
    .input(OrderAccessSchema)
    .mutation(async ({ ctx, input }) => shopperView(ctx, await accessibleOrder(ctx, input))),

  /**
   * A guest order's status and items by number and email, nothing more; rate-limited per IP, and
   * orders of an account are not found this way (their owner signs in).
   */
  lookup: publicProcedure.input(GuestOrderSchema).mutation(({ ctx, input }) => guestOrderStatus(ctx, input)),

  /** The signed-in owner or the link's holder cancels before shipping; a payment is refunded. */
  cancel: publicProcedure.input(OrderAccessSchema).mutation(async ({ ctx, input }) => {
    const order = await accessibleOrder(ctx, input);
    if (!isCancellable(order)) {
      throw new AppError("PRECONDITION_FAILED", "This order has shipped and can no longer be cancelled");
    }
    await cancelOrder(ctx.db, ctx.payments, {
      orderId: order.id,
      actor: { type: "CUSTOMER", id: ctx.auth?.user.id ?? null },
      reason: "Cancelled by the customer",
      publicUrl: ctx.config.publicUrl,
    });
    return shopperView(ctx, await accessibleOrder(ctx, input));
  }),

  /** The signed-in owner or the link's holder asks to return some delivered items, saying why. */
  requestReturn: publicProcedure.input(RequestReturnSchema).mutation(async ({ ctx, input }) => {
    const access = { number: input.number, ...(input.key !== undefined && { key: input.key }) };
    const order = await accessibleOrder(ctx, access);
    await requestReturn(ctx.db, {
      orderId: order.id,
      items: input.items,
      reason: input.reason,
      actor: { type: "CUSTOMER", id: ctx.auth?.user.id ?? null },
      publicUrl: ctx.config.publicUrl,
    });
    return shopperView(ctx, await accessibleOrder(ctx, access));
  }),
});
