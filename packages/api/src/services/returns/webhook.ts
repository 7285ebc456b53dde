import type { Prisma, ReturnStatus } from "@shop/db";
import type { ReturnPayload } from "@shop/webhooks";
import { emitWebhook } from "../webhooks/emit.ts";

type Tx = Prisma.TransactionClient;

const eventTypes = {
  REQUESTED: "return.requested",
  APPROVED: "return.approved",
  REJECTED: "return.rejected",
  RECEIVED: "return.received",
  REFUNDED: "return.refunded",
} as const satisfies Record<ReturnStatus, `return.${string}`>;

/** A return as its webhook events carry it (the `ReturnPayload` contract of @shop/webhooks). */
export async function returnPayload(tx: Tx, returnId: number): Promise<ReturnPayload> {
  const row = await tx.return.findUniqueOrThrow({
    where: { id: returnId },
    select: {
      id: true,
      orderId: true,
      status: true,
      reason: true,
      order: { select: { number: true, currency: true } },
      refund: { select: { amount: true } },
      items: {
        select: { orderItemId: true, quantity: true, orderItem: { select: { sku: true } } },
        orderBy: { orderItemId: "asc" },
      },
    },
  });
  return {
    id: row.id,
    orderId: row.orderId,
    orderNumber: row.order.number,
    status: row.status,
    reason: row.reason,
    items: row.items.map((item) => ({
      orderItemId: item.orderItemId,
      sku: item.orderItem.sku,
      quantity: item.quantity,
    })),
    refundAmount: row.refund?.amount ?? null,
    currency: row.order.currency,
  };
}

/**
 * Writes the `return.<step>` event in the transaction of the step, so it is sent only if the step
 * commits. Returns have no trigger of their own (the order's are in SQL), hence the call here.
 */
export async function emitReturnEvent(tx: Tx, returnId: number, step: ReturnStatus) {
  await emitWebhook(tx, eventTypes[step], `return:${returnId}`, { return: await returnPayload(tx, returnId) });
}
