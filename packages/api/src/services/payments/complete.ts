import type { PrismaClient } from "@shop/db";
import type { PaymentProvider } from "./provider.ts";
import { syncPayment, type SyncOutcome } from "./sync.ts";

/**
 * Brings one of our payments up to date with its provider. With a provider where the server
 * takes the money (PayPal), an approved payment is captured first, but only while our payment
 * and its order are still open: once the shop has cancelled it, nothing is taken. (A capture
 * racing a cancellation lands on a cancelled order and is refunded by syncPayment.)
 */
export async function completePayment(
  db: PrismaClient,
  provider: PaymentProvider,
  paymentId: number,
  publicUrl: string,
): Promise<SyncOutcome> {
  const payment = await db.payment.findUnique({
    where: { id: paymentId },
    select: { status: true, providerRef: true, order: { select: { state: true, paymentStatus: true } } },
  });
  if (!payment?.providerRef) return "unknown";
  const open =
    (payment.status === "PENDING" || payment.status === "REQUIRES_ACTION") &&
    payment.order.state === "OPEN" &&
    payment.order.paymentStatus === "PENDING";
  if (open && provider.capture) {
    const intent = await provider.retrieveIntent(payment.providerRef);
    // The key is our payment's: a retried or concurrent capture is the same capture at PayPal.
    if (intent.status === "requires_confirmation") await provider.capture(payment.providerRef, `capture-${paymentId}`);
  }
  return syncPayment(db, provider, payment.providerRef, publicUrl);
}
