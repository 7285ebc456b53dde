import {
  AdminReturnListSchema,
  DecideReturnSchema,
  ReceiveReturnSchema,
  RefundReturnSchema,
  ReturnWindowInputSchema,
} from "@shop/validators";
import { getOrderForStaff } from "../../services/orders/queries.ts";
import { listReturns } from "../../services/returns/list.ts";
import { decideReturn, receiveReturn, refundReturn } from "../../services/returns/returns.ts";
import { returnWindowDays, setReturnWindowDays } from "../../services/returns/settings.ts";
import { adminProcedure, router, staffProcedure } from "../../trpc.ts";

// Each step answers with the whole order, as the order screen shows the return within it.
export const adminReturnsRouter = router({
  list: staffProcedure.input(AdminReturnListSchema).query(({ ctx, input }) => listReturns(ctx.db, input)),

  approve: staffProcedure.input(DecideReturnSchema).mutation(async ({ ctx, input }) => {
    const orderId = await decideReturn(ctx.db, {
      ...input,
      approve: true,
      actor: ctx.auth.user,
      publicUrl: ctx.config.publicUrl,
    });
    return getOrderForStaff(ctx.db, ctx.config, orderId);
  }),

  reject: staffProcedure.input(DecideReturnSchema).mutation(async ({ ctx, input }) => {
    const orderId = await decideReturn(ctx.db, {
      ...input,
      approve: false,
      actor: ctx.auth.user,
      publicUrl: ctx.config.publicUrl,
    });
    return getOrderForStaff(ctx.db, ctx.config, orderId);
  }),

  receive: staffProcedure.input(ReceiveReturnSchema).mutation(async ({ ctx, input }) => {
    const orderId = await receiveReturn(ctx.db, { ...input, actor: ctx.auth.user, publicUrl: ctx.config.publicUrl });
    return getOrderForStaff(ctx.db, ctx.config, orderId);
  }),

  refund: staffProcedure.input(RefundReturnSchema).mutation(async ({ ctx, input }) => {
    const orderId = await refundReturn(ctx.db, ctx.payments, {
      ...input,
      actor: ctx.auth.user,
      publicUrl: ctx.config.publicUrl,
      ip: ctx.req.ip,
    });
    return getOrderForStaff(ctx.db, ctx.config, orderId);
  }),

  /** Days after delivery in which shoppers may ask for a return (0: returns off). */
  window: staffProcedure.query(async ({ ctx }) => ({ days: await returnWindowDays(ctx.db) })),
  setWindow: adminProcedure
    .input(ReturnWindowInputSchema)
    .mutation(({ ctx, input }) => setReturnWindowDays(ctx.db, ctx.auth.user, input.days, ctx.req.ip)),
});
