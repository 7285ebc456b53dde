import {
  AdminOrderListSchema,
  CancelOrderSchema,
  OrderIdSchema,
  OrderNoteSchema,
  RefundOrderSchema,
  ShipOrderSchema,
} from "@shop/validators";
import { recordAudit } from "../../services/audit/record.ts";
import { refundOrder } from "../../services/orders/admin-refund.ts";
import { cancelOrder } from "../../services/orders/cancel.ts";
import { markDelivered, markProcessing, shipOrder } from "../../services/orders/fulfil.ts";
import { getOrderForStaff, listOrders } from "../../services/orders/queries.ts";
import { router, staffProcedure } from "../../trpc.ts";

const staff = (user: { id: number; email: string }) => ({ type: "STAFF" as const, id: user.id, email: user.email });

export const adminOrdersRouter = router({
  list: staffProcedure.input(AdminOrderListSchema).query(({ ctx, input }) => listOrders(ctx.db, input)),
  get: staffProcedure
    .input(OrderIdSchema)
    .query(({ ctx, input }) => getOrderForStaff(ctx.db, ctx.config, input.orderId)),

  markProcessing: staffProcedure.input(OrderIdSchema).mutation(async ({ ctx, input }) => {
    await markProcessing(ctx.db, input.orderId, staff(ctx.auth.user));
    return getOrderForStaff(ctx.db, ctx.config, input.orderId);
  }),

  ship: staffProcedure.input(ShipOrderSchema).mutation(async ({ ctx, input }) => {
    await shipOrder(ctx.db, { ...input, actor: staff(ctx.auth.user), publicUrl: ctx.config.publicUrl });
    return getOrderForStaff(ctx.db, ctx.config, input.orderId);
  }),

  markDelivered: staffProcedure.input(OrderIdSchema).mutation(async ({ ctx, input }) => {
    await markDelivered(ctx.db, input.orderId, staff(ctx.auth.user));
    return getOrderForStaff(ctx.db, ctx.config, input.orderId);
  }),

  cancel: staffProcedure.input(CancelOrderSchema).mutation(async ({ ctx, input }) => {
    await cancelOrder(ctx.db, ctx.payments, {
      orderId: input.orderId,
      actor: staff(ctx.auth.user),
      reason: input.reason,
      publicUrl: ctx.config.publicUrl,
    });
    return getOrderForStaff(ctx.db, ctx.config, input.orderId);
  }),

  refund: staffProcedure.input(RefundOrderSchema).mutation(async ({ ctx, input }) => {
    await refundOrder(ctx.db, ctx.payments, ctx.auth.user, input, ctx.config.publicUrl, ctx.req.ip);
    return getOrderForStaff(ctx.db, ctx.config, input.orderId);
  }),

  addNote: staffProcedure.input(OrderNoteSchema).mutation(async ({ ctx, input }) => {
    await ctx.db.$transaction(async (tx) => {
      const note = await tx.orderNote.create({
        data: { orderId: input.orderId, authorId: ctx.auth.user.id, body: input.body },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: ctx.auth.user,
        action: "order.note",
        entityType: "Order",
        entityId: input.orderId,
        after: { noteId: note.id, body: input.body },
        ip: ctx.req.ip,
      });
    });
    return getOrderForStaff(ctx.db, ctx.config, input.orderId);
  }),
});
