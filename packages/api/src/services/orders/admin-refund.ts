import type { PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { recordAudit, type AuditActor } from "../audit/record.ts";
import { addStock, releaseStock } from "../inventory/stock.ts";
import type { PaymentProvider } from "../payments/provider.ts";
import { createRefund, processRefund } from "./refunds.ts";
import { beforeShipping } from "./transitions.ts";

export type RefundRequest = {
  orderId: number;
  /** Lines and quantities to refund; their share of the paid price is computed here. */
  items?: Array<{ orderItemId: number; quantity: number }>;
  /** Or an amount (minor units), e.g. a goodwill refund. Neither: everything still refundable. */
  amount?: number;
  /** Put returned units back in stock (shipped orders). */
  restock: boolean;
  reason: string;
};

/**
 * A staff refund, full or partial, through the provider; never more than was captured. Refunded
 * units of an unshipped order stop being held; of a shipped order, go back on the shelf if
 * restocked.
 */
export async function refundOrder(
  db: PrismaClient,
  provider: PaymentProvider,
  actor: AuditActor,
  request: RefundRequest,
  publicUrl: string,
  ip: string | null = null,
) {
  const actorId = actor.id;
  const refundId = await db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: request.orderId },
      select: {
        id: true,
        status: true,
        total: true,
        refundedTotal: true,
        items: { select: { id: true, variantId: true, quantity: true, refundedQuantity: true, total: true } },
      },
    });
    if (!order) throw new AppError("NOT_FOUND", "Order not found");
    const lines = (request.items ?? []).map((wanted) => {
      const item = order.items.find((i) => i.id === wanted.orderItemId);
      if (!item) throw new AppError("BAD_INPUT", "That line is not part of this order", { field: "items" });
      if (wanted.quantity > item.quantity - item.refundedQuantity)
        throw new AppError("BAD_INPUT", "More units than remain to refund on that line", { field: "items" });
      // The line's paid price per unit (after its share of the discount); the last unit takes the rounding.
      const remainingAfter = item.quantity - item.refundedQuantity - wanted.quantity;
      const amount =
        remainingAfter === 0
          ? item.total - Math.round((item.total * item.refundedQuantity) / item.quantity)
          : Math.round((item.total * wanted.quantity) / item.quantity);
      return { item, quantity: wanted.quantity, amount };
    });
    const remaining = order.total - order.refundedTotal;
    const amount = request.amount ?? (lines.length ? lines.reduce((sum, line) => sum + line.amount, 0) : remaining);
    const id = await createRefund(tx, {
      orderId: order.id,
      amount,
      reason: request.reason,
      actorId,
      items: lines.map((line) => ({ orderItemId: line.item.id, quantity: line.quantity, amount: line.amount })),
    });
    const unshipped = beforeShipping.includes(order.status);
    // A full refund of an unshipped order releases everything still held.
    const released = lines.length
      ? lines
      : amount === remaining && unshipped
        ? order.items.map((item) => ({ item, quantity: item.quantity - item.refundedQuantity, amount: 0 }))
        : [];
    for (const line of released.sort((a, b) => (a.item.variantId ?? 0) - (b.item.variantId ?? 0))) {
      if (line.quantity <= 0) continue;
      await tx.orderItem.update({
        where: { id: line.item.id },
        data: { refundedQuantity: { increment: line.quantity } },
      });
      if (line.item.variantId === null) continue;
      if (unshipped)
        await releaseStock(tx, { variantId: line.item.variantId, quantity: line.quantity, orderId: order.id, actorId });
      else if (request.restock)
        await addStock(tx, "RETURN", {
          variantId: line.item.variantId,
          quantity: line.quantity,
          orderId: order.id,
          actorId,
          note: "Returned",
        });
    }
    await recordAudit(tx, {
      actor,
      action: "order.refund",
      entityType: "Order",
      entityId: order.id,
      before: { status: order.status, refundedTotal: order.refundedTotal },
      after: {
        refundId: id,
        amount,
        reason: request.reason,
        items: lines.map((line) => ({ orderItemId: line.item.id, quantity: line.quantity, amount: line.amount })),
        restock: request.restock,
      },
      ip,
    });
    return id;
  });
  await processRefund(db, provider, refundId, publicUrl);
  return db.refund.findUniqueOrThrow({ where: { id: refundId }, select: { id: true, amount: true, status: true } });
}
