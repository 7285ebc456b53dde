import type { Prisma, PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { orderCancelledEmail } from "../email/order-templates.ts";
import { providerFor, type PaymentProvider } from "../payments/provider.ts";
import { notifyOrder } from "./notify.ts";
import { createRefund, processRefund } from "./refunds.ts";
import { releaseOrderStock, restoreCouponUse } from "./release.ts";
import {
  hasPaidBalance,
  isCancellable,
  setPaymentStatus,
  setState,
  statusSelect,
  type Actor,
  type StatusSnapshot,
} from "./transitions.ts";

type Tx = Prisma.TransactionClient;

/** What to do at the provider after commit; each intent names the provider that holds it. */
export type CancelEffects = { refundIds: number[]; intentsToCancel: Array<{ provider: string; id: string }> };

/**
 * Cancels an order that has not shipped, inside the caller's transaction: stock and coupon use
 * are given back, a captured payment gets a full refund recorded, an open one is voided (or marked
 * failed, when a declined payment is why). A cancelled attempt that was never paid is not shown
 * to the shopper as an order at all (queries.ts).
 */
export async function cancelOrderTx(
  tx: Tx,
  order: StatusSnapshot,
  actor: Actor,
  reason: string,
  publicUrl: string,
  unpaid: "VOIDED" | "FAILED" = "VOIDED",
): Promise<CancelEffects> {
  if (!isCancellable(order))
    throw new AppError("PRECONDITION_FAILED", "This order has shipped and can no longer be cancelled");
  await setState(tx, order, "CANCELLED", actor, {
    message: reason,
    data: { cancelledAt: new Date(), cancelReason: reason, reservationExpiresAt: null },
  });
  if (order.paymentStatus === "PENDING" || order.paymentStatus === "AUTHORIZED")
    await setPaymentStatus(tx, order, unpaid, actor, { message: reason });
  await releaseOrderStock(tx, order.id, actor.id);
  await restoreCouponUse(tx, order.id);
  const effects: CancelEffects = { refundIds: [], intentsToCancel: [] };
  const payments = await tx.payment.findMany({
    where: { orderId: order.id },
    select: { id: true, status: true, provider: true, providerRef: true, capturedAmount: true, refundedAmount: true },
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
      if (payment.providerRef) effects.intentsToCancel.push({ provider: payment.provider, id: payment.providerRef });
    }
  }
  // An attempt that was never paid and ended on its own (declined, abandoned) is no order to the
  // shopper: no email about it.
  const attemptOnly = actor.type === "SYSTEM" && !hasPaidBalance(order);
  if (!attemptOnly)
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
  for (const intent of effects.intentsToCancel)
    await Promise.resolve()
      .then(() => providerFor(provider, intent.provider).cancelIntent(intent.id))
      .catch(() => undefined);
}

/** Cancels an order by id (customer or staff), then settles with the provider. */
export async function cancelOrder(
  db: PrismaClient,
  provider: PaymentProvider,
  input: { orderId: number; actor: Actor; reason: string; publicUrl: string },
) {
  const effects = await db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: input.orderId }, select: statusSelect });
    if (!order) throw new AppError("NOT_FOUND", "Order not found");
    return cancelOrderTx(tx, order, input.actor, input.reason, input.publicUrl);
  });
  await applyCancelEffects(db, provider, effects, input.publicUrl);
}
