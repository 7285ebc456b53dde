import type { Prisma, PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { orderCancelledEmail } from "../email/order-templates.ts";
import type { PaymentProvider } from "../payments/provider.ts";
import { notifyOrder } from "./notify.ts";
import { createRefund, processRefund } from "./refunds.ts";
import { releaseOrderStock, restoreCouponUse } from "./release.ts";
import { beforeShipping, transition, type Actor } from "./transitions.ts";

type Tx = Prisma.TransactionClient;

export type CancelEffects = { refundIds: number[]; intentsToCancel: string[] };

/**
 * Cancels an order that has not shipped, inside the caller's transaction: stock and coupon use
 * are given back, a captured payment gets a full refund recorded, an open one is cancelled.
 */
export async function cancelOrderTx(
  tx: Tx,
  order: { id: number; status: Prisma.OrderGetPayload<{ select: { status: true } }>["status"] },
  actor: Actor,
  reason: string,
  publicUrl: string,
): Promise<CancelEffects> {
  if (!beforeShipping.includes(order.status))
    throw new AppError("PRECONDITION_FAILED", "This order has shipped and can no longer be cancelled");
  await transition(tx, order, "CANCELLED", actor, {
    message: reason,
    data: { cancelledAt: new Date(), cancelReason: reason, reservationExpiresAt: null },
  });
  await releaseOrderStock(tx, order.id, actor.id);
  await restoreCouponUse(tx, order.id);
  const effects: CancelEffects = { refundIds: [], intentsToCancel: [] };
  const payments = await tx.payment.findMany({
    where: { orderId: order.id },
    select: { id: true, status: true, providerRef: true, capturedAmount: true, refundedAmount: true },
  });
  for (const payment of payments) {
    if (payment.status === "SUCCEEDED" && payment.capturedAmount > payment.refundedAmount) {
      effects.refundIds.push(
        await createRefund(tx, {
          orderId: order.id,
          amount: payment.capturedAmount - payment.refundedAmount,
          reason,
          actorId: actor.id,
        }),
      );
    } else if (payment.status === "PENDING" || payment.status === "REQUIRES_ACTION") {
      await tx.payment.update({ where: { id: payment.id }, data: { status: "CANCELLED" } });
      if (payment.providerRef) effects.intentsToCancel.push(payment.providerRef);
    }
  }
  await notifyOrder(tx, order.id, "order-cancelled", (o, url) => orderCancelledEmail(o, reason, url), {
    publicUrl,
    dedupeKey: `order-cancelled:${order.id}`,
  });
  return effects;
}

/**
 * After commit: refund and void at the provider. Failures are not fatal here: the worker
 * retries pending refunds, and a payment that still arrives on a voided intent is refunded.
 */
export async function applyCancelEffects(
  db: PrismaClient,
  provider: PaymentProvider,
  effects: CancelEffects,
  publicUrl: string,
) {
  for (const refundId of effects.refundIds)
    await processRefund(db, provider, refundId, publicUrl).catch(() => undefined);
  for (const intentId of effects.intentsToCancel) await provider.cancelIntent(intentId).catch(() => undefined);
}

/** Cancels an order by id (customer or staff), then settles with the provider. */
export async function cancelOrder(
  db: PrismaClient,
  provider: PaymentProvider,
  input: { orderId: number; actor: Actor; reason: string; publicUrl: string },
) {
  const effects = await db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: input.orderId }, select: { id: true, status: true } });
    if (!order) throw new AppError("NOT_FOUND", "Order not found");
    return cancelOrderTx(tx, order, input.actor, input.reason, input.publicUrl);
  });
  await applyCancelEffects(db, provider, effects, input.publicUrl);
}
