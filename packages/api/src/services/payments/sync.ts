import { qb, type Prisma, type PrismaClient } from "@shop/db";
import { prismaQuery } from "../../lib/sql.ts";
import { orderConfirmedEmail } from "../email/order-templates.ts";
import { applyCancelEffects, cancelOrderTx, type CancelEffects } from "../orders/cancel.ts";
import { notifyOrder } from "../orders/notify.ts";
import { createRefund } from "../orders/refunds.ts";
import { setPaymentStatus, statusSelect, SYSTEM } from "../orders/transitions.ts";
import type { PaymentProvider, ProviderIntent } from "./provider.ts";

type Tx = Prisma.TransactionClient;
export type SyncOutcome =
  "paid" | "already-paid" | "refunded-late" | "amount-mismatch" | "failed" | "pending" | "unknown";

/**
 * The one fulfilment function, shared by the webhook, the test provider and the success page:
 * it re-reads the intent from the provider (never trusting event contents or the client) and
 * applies it under a lock on our payment row, so racing callers fulfil exactly once.
 */
export async function syncPayment(
  db: PrismaClient,
  provider: PaymentProvider,
  intentId: string,
  publicUrl: string,
): Promise<SyncOutcome> {
  const intent = await provider.retrieveIntent(intentId);
  const payment =
    (await db.payment.findFirst({
      where: { provider: provider.name, providerRef: intent.id },
      select: { id: true },
    })) ??
    (intent.paymentId
      ? await db.payment.findFirst({ where: { id: intent.paymentId, provider: provider.name }, select: { id: true } })
      : null);
  if (!payment) return "unknown";
  const effects: CancelEffects = { refundIds: [], intentsToCancel: [] };
  const outcome = await db.$transaction(async (tx) => {
    await prismaQuery(tx, qb.selectFrom("Payment").select("id").where("id", "=", payment.id).forUpdate());
    return apply(tx, payment.id, intent, effects, publicUrl);
  });
  await applyCancelEffects(db, provider, effects, publicUrl);
  return outcome;
}

async function apply(
  tx: Tx,
  paymentId: number,
  intent: ProviderIntent,
  effects: CancelEffects,
  publicUrl: string,
): Promise<SyncOutcome> {
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    select: { id: true, status: true, amount: true, currency: true, order: { select: statusSelect } },
  });
  const { order } = payment;
  if (intent.status === "succeeded") {
    if (payment.status === "SUCCEEDED") return "already-paid";
    await tx.payment.update({
      where: { id: payment.id },
      data: { status: "SUCCEEDED", capturedAmount: intent.amountReceived, providerRef: intent.id, failureReason: null },
    });
    if (intent.amount !== payment.amount || intent.currency !== payment.currency.toLowerCase()) {
      // Never fulfil for a different amount than the server computed: give it back.
      effects.refundIds.push(
        await createRefund(tx, {
          orderId: order.id,
          amount: intent.amountReceived,
          reason: "Payment amount did not match the order",
          actorId: null,
        }),
      );
      await tx.orderNote.create({
        data: {
          orderId: order.id,
          body: `Payment ${intent.id} was for ${intent.amount} ${intent.currency}, not the order's amount; refunded automatically.`,
        },
      });
      return "amount-mismatch";
    }
    if (order.state !== "OPEN" || order.paymentStatus !== "PENDING") {
      // The reservation expired (or the order was cancelled) before the money arrived.
      effects.refundIds.push(
        await createRefund(tx, {
          orderId: order.id,
          amount: intent.amountReceived,
          reason: "Payment arrived after the order was cancelled",
          actorId: null,
        }),
      );
      await tx.orderNote.create({
        data: {
          orderId: order.id,
          body: "Payment arrived after the reservation had expired and the order was cancelled; it was refunded automatically.",
        },
      });
      return "refunded-late";
    }
    await setPaymentStatus(tx, order, "PAID", SYSTEM, {
      message: "Payment received",
      data: { paidAt: new Date(), reservationExpiresAt: null },
    });
    const items = await tx.orderItem.findMany({
      where: { orderId: order.id, productId: { not: null } },
      select: { productId: true, quantity: true },
    });
    for (const item of items) {
      if (item.productId !== null)
        await tx.product.update({ where: { id: item.productId }, data: { unitsSold: { increment: item.quantity } } });
    }
    await notifyOrder(tx, order.id, "order-confirmed", orderConfirmedEmail, {
      publicUrl,
      dedupeKey: `order-confirmed:${order.id}`,
      secretLink: true,
    });
    return "paid";
  }
  const failed =
    intent.status === "canceled" || (intent.status === "requires_payment_method" && intent.lastError !== null);
  if (!failed || payment.status === "SUCCEEDED") {
    if (intent.status === "requires_action" && payment.status === "PENDING") {
      await tx.payment.update({ where: { id: payment.id }, data: { status: "REQUIRES_ACTION" } });
    }
    return "pending";
  }
  await tx.payment.update({
    where: { id: payment.id },
    data: { status: intent.status === "canceled" ? "CANCELLED" : "FAILED", failureReason: intent.lastError },
  });
  if (order.state === "OPEN" && order.paymentStatus === "PENDING") {
    // A declined or abandoned attempt: its stock goes back, and it never shows as an order.
    const reason = intent.lastError ? `Payment failed: ${intent.lastError}` : "Payment was cancelled";
    const more = await cancelOrderTx(tx, order, SYSTEM, reason, publicUrl, intent.lastError ? "FAILED" : "VOIDED");
    effects.refundIds.push(...more.refundIds);
  }
  return "failed";
}
