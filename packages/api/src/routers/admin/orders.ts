import {
  AdminOrderListSchema,
  ArchiveOrdersSchema,
  AutoArchiveSchema,
  CancelOrderSchema,
  OrderIdSchema,
  OrderNoteSchema,
  OrderSelectionSchema,
  RefundOrderSchema,
  ShipmentIdSchema,
  ShipOrderSchema,
} from "@shop/validators";
import { recordAudit } from "../../services/audit/record.ts";
import { archiveOrder, archiveOrders, unarchiveOrder } from "../../services/orders/archive.ts";
import { autoArchiveEnabled, setAutoArchive } from "../../services/orders/auto-archive.ts";
import { refundOrder } from "../../services/orders/admin-refund.ts";
import { exportOrdersCsv, packingSlips } from "../../services/orders/bulk-documents.ts";
import { cancelOrder } from "../../services/orders/cancel.ts";
import { listCarriers } from "../../services/orders/carriers.ts";
import { markDelivered, markShipmentDelivered, shipOrder } from "../../services/orders/fulfil.ts";
import { getOrderForStaff, listOrders } from "../../services/orders/queries.ts";
import { AdminOrderListOutput, AdminOrderOutput } from "../../outputs/orders.ts";
import { adminProcedure, apiStaffProcedure, router, staffProcedure } from "../../trpc.ts";

const staff = (user: { id: number; email: string }) => ({ type: "STAFF" as const, id: user.id, email: user.email });

export const adminOrdersRouter = router({
  list: apiStaffProcedure({
    scope: "orders:read",
    rest: { method: "GET", path: "/orders", summary: "Orders, newest first, filtered", output: AdminOrderListOutput },
  })
    .input(AdminOrderListSchema)
    .query(({ ctx, input }) => listOrders(ctx.db, input)),
  get: apiStaffProcedure({
    scope: "orders:read",
    rest: {
      method: "GET",
      path: "/orders/{orderId}",
      summary: "An order with its items, payments, refunds and history",
      output: AdminOrderOutput,
    },
  })
    .input(OrderIdSchema)
    .query(({ ctx, input }) => getOrderForStaff(ctx.db, ctx.config, input.orderId)),

  /** Packing slips of a selection, for printing; each order's audit trail records it. */
  packingSlips: staffProcedure
    .input(OrderSelectionSchema)
    .mutation(({ ctx, input }) => packingSlips(ctx.db, ctx.auth.user, input.ids)),
  /** A selection as CSV lines (header: `ORDER_CSV_COLUMNS`); each order's audit trail records the export. */
  exportCsv: staffProcedure
    .input(OrderSelectionSchema)
    .mutation(({ ctx, input }) => exportOrdersCsv(ctx.db, ctx.auth.user, input.ids)),

  /** Carriers staff pick from when shipping (any other name may be typed). */
  carriers: staffProcedure.query(({ ctx }) => listCarriers(ctx.db)),

  ship: apiStaffProcedure({
    scope: "orders:write",
    rest: {
      method: "POST",
      path: "/orders/{orderId}/ship",
      summary: "Ship an order with carrier and tracking number",
      output: AdminOrderOutput,
    },
  })
    .input(ShipOrderSchema)
    .mutation(async ({ ctx, input }) => {
      await shipOrder(ctx.db, { ...input, actor: staff(ctx.auth.user), publicUrl: ctx.config.publicUrl });
      return getOrderForStaff(ctx.db, ctx.config, input.orderId);
    }),

  /** One parcel arrived; the last one makes the order delivered. */
  markShipmentDelivered: staffProcedure.input(ShipmentIdSchema).mutation(async ({ ctx, input }) => {
    await markShipmentDelivered(ctx.db, { ...input, actor: staff(ctx.auth.user) });
    return getOrderForStaff(ctx.db, ctx.config, input.orderId);
  }),

  /** Every parcel still on its way arrived. */
  markDelivered: apiStaffProcedure({
    scope: "orders:write",
    rest: {
      method: "POST",
      path: "/orders/{orderId}/delivered",
      summary: "Mark every parcel of a shipped order delivered",
      output: AdminOrderOutput,
    },
  })
    .input(OrderIdSchema)
    .mutation(async ({ ctx, input }) => {
      await markDelivered(ctx.db, input.orderId, staff(ctx.auth.user));
      return getOrderForStaff(ctx.db, ctx.config, input.orderId);
    }),

  cancel: apiStaffProcedure({
    scope: "orders:write",
    rest: {
      method: "POST",
      path: "/orders/{orderId}/cancel",
      summary: "Cancel an order before it ships (a payment is refunded)",
      output: AdminOrderOutput,
    },
  })
    .input(CancelOrderSchema)
    .mutation(async ({ ctx, input }) => {
      await cancelOrder(ctx.db, ctx.payments, {
        orderId: input.orderId,
        actor: staff(ctx.auth.user),
        reason: input.reason,
        publicUrl: ctx.config.publicUrl,
      });
      return getOrderForStaff(ctx.db, ctx.config, input.orderId);
    }),

  refund: apiStaffProcedure({
    scope: "orders:refund",
    rest: {
      method: "POST",
      path: "/orders/{orderId}/refunds",
      summary: "Refund lines or an amount of a paid order",
      output: AdminOrderOutput,
    },
  })
    .input(RefundOrderSchema)
    .mutation(async ({ ctx, input }) => {
      await refundOrder(ctx.db, ctx.payments, ctx.auth.user, input, ctx.config.publicUrl, ctx.req.ip);
      return getOrderForStaff(ctx.db, ctx.config, input.orderId);
    }),

  /** A finished order leaves the default list (the shopper still sees it). */
  archive: apiStaffProcedure({
    scope: "orders:write",
    rest: {
      method: "POST",
      path: "/orders/{orderId}/archive",
      summary: "Archive a fulfilled or cancelled order",
      output: AdminOrderOutput,
    },
  })
    .input(OrderIdSchema)
    .mutation(async ({ ctx, input }) => {
      await archiveOrder(ctx.db, { orderId: input.orderId, actor: staff(ctx.auth.user) });
      return getOrderForStaff(ctx.db, ctx.config, input.orderId);
    }),
  unarchive: apiStaffProcedure({
    scope: "orders:write",
    rest: {
      method: "POST",
      path: "/orders/{orderId}/unarchive",
      summary: "Bring an archived order back",
      output: AdminOrderOutput,
    },
  })
    .input(OrderIdSchema)
    .mutation(async ({ ctx, input }) => {
      await unarchiveOrder(ctx.db, { orderId: input.orderId, actor: staff(ctx.auth.user) });
      return getOrderForStaff(ctx.db, ctx.config, input.orderId);
    }),
  /** The orders list's bulk action: archives those that may be, says why not for the others. */
  archiveMany: staffProcedure
    .input(ArchiveOrdersSchema)
    .mutation(({ ctx, input }) => archiveOrders(ctx.db, { orderIds: input.orderIds, actor: staff(ctx.auth.user) })),
  /** Whether orders are archived by themselves once fulfilled (Shopify's setting of that name). */
  settings: staffProcedure.query(async ({ ctx }) => ({ autoArchive: await autoArchiveEnabled(ctx.db) })),
  setSettings: adminProcedure
    .input(AutoArchiveSchema)
    .mutation(({ ctx, input }) => setAutoArchive(ctx.db, ctx.auth.user, input.autoArchive, ctx.req.ip)),

  addNote: apiStaffProcedure({
    scope: "orders:write",
    rest: {
      method: "POST",
      path: "/orders/{orderId}/notes",
      summary: "Add an internal note to an order",
      output: AdminOrderOutput,
    },
  })
    .input(OrderNoteSchema)
    .mutation(async ({ ctx, input }) => {
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
