import type { PrismaClient } from "@shop/db";
import { isUniqueViolation } from "../../errors.ts";
import { bookRefund, createRefund, processRefund } from "../orders/refunds.ts";
import type { PaymentProvider } from "./provider.ts";

export type RefundOutcome = "refunded" | "already-refunded" | "unknown";

/**
 * A refund the provider tells us about (PayPal's PAYMENT.CAPTURE.REFUNDED), read again from the
 * provider. One of ours (its custom_id is our refund's key) is booked through processRefund, whose
 * repeated call carries the same key, so PayPal answers with the same refund. One made at the
 * provider (its dashboard) is recorded under a key made from PayPal's refund id, so a duplicate
 * delivery cannot book it twice, and booked without asking the provider to pay it again.
 */
export async function applyRefundEvent(
  db: PrismaClient,
  provider: PaymentProvider,
  refundId: string,
  publicUrl: string,
): Promise<RefundOutcome> {
  if (!provider.retrieveRefund) return "unknown";
  const refund = await provider.retrieveRefund(refundId);
  const ours = refund.customId
    ? await db.refund.findUnique({ where: { idempotencyKey: refund.customId }, select: { id: true, status: true } })
    : null;
  if (ours) {
    if (ours.status !== "PENDING") return "already-refunded";
    await processRefund(db, provider, ours.id, publicUrl);
    return "refunded";
  }
  const key = `${provider.name}-refund-${refund.id}`;
  const known = await db.refund.findUnique({ where: { idempotencyKey: key }, select: { id: true, status: true } });
  if (known?.status === "SUCCEEDED") return "already-refunded";
  const payment = await db.payment.findFirst({
    where: { provider: provider.name, providerRef: refund.intentId, status: "SUCCEEDED" },
    select: { orderId: true },
  });
  if (!payment) return "unknown";
  let id = known?.id;
  if (!id) {
    try {
      id = await db.$transaction((tx) =>
        createRefund(tx, {
          orderId: payment.orderId,
          amount: refund.amount,
          reason: `Refunded at ${provider.name}`,
          actorId: null,
          idempotencyKey: key,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) return "already-refunded";
      throw error;
    }
  }
  await bookRefund(db, id, refund.id, publicUrl);
  return "refunded";
}
