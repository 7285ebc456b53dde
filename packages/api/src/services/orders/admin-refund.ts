import type { PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { recordAudit, type AuditActor } from "../audit/record.ts";
import { addStock, releaseStock } from "../inventory/stock.ts";
import type { PaymentProvider } from "../payments/provider.ts";
import { createRefund, processRefund } from "./refunds.ts";
import { settleFulfilment, unitsToShip } from "./fulfil.ts";

export type RefundRequest = {
  orderId: number;
  /** Lines and quantities to refund; their share of the paid price is computed here. */
  items?: Array<{ orderItemId: number; quantity: number }>;
  /** Or an amount (minor units), e.g. a goodwill refund. Neither: everything still refundable. */
  amount?: number;
  /** Put returned units back in stock (units that had shipped). */
  restock: boolean;
  reason: string;
};

/**
 * A staff refund, full or partial, through the provider; never more than was captured. Refunded
 * units still waiting to ship stop being held; units that had shipped go back on the shelf if
 * restocked. The payment status follows the money (refunds.ts); fulfilment goes on.
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
        paymentStatus: true,
        fulfillmentStatus: true,
        total: true,
        refundedTotal: true,
        items: {
          select: {
            id: true,
            variantId: true,
            quantity: true,
            refundedQuantity: true,
            shippedQuantity: true,
            total: true,
          },
        },
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
    // A full refund of an order releases every unit still waiting to ship.
    const released = lines.length
      ? lines
      : amount === remaining
        ? order.items.map((item) => ({ item, quantity: unitsToShip(item), amount: 0 }))
        : [];
    for (const line of released.sort((a, b) => (a.item.variantId ?? 0) - (b.item.variantId ?? 0))) {
      if (line.quantity <= 0) continue;
      // Refunds take the units still held first; the rest had shipped.
      const held = Math.min(line.quantity, unitsToShip(line.item));
      const shipped = line.quantity - held;
      await tx.orderItem.update({
        where: { id: line.item.id },
        data: { refundedQuantity: { increment: line.quantity } },
      });
      if (line.item.variantId === null) continue;
      if (held > 0)
        await releaseStock(tx, { variantId: line.item.variantId, quantity: held, orderId: order.id, actorId });
      if (shipped > 0 && request.restock)
        await addStock(tx, "RETURN", {
          variantId: line.item.variantId,
          quantity: shipped,
          orderId: order.id,
          actorId,
          note: "Returned",
        });
    }
    if (order.fulfillmentStatus === "PARTIALLY_FULFILLED")
      await settleFulfilment(tx, order.id, { type: "STAFF", id: actor.id, email: actor.email });
    await recordAudit(tx, {
      actor,
      action: "order.refund",
      entityType: "Order",
      entityId: order.id,
      before: { paymentStatus: order.paymentStatus, refundedTotal: order.refundedTotal },
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
