import type { PrismaClient } from "@shop/db";
import { isUniqueViolation } from "../../errors.ts";
import type { PaymentEvent, PaymentProvider } from "./provider.ts";
import { applyRefundEvent, type RefundOutcome } from "./refund-event.ts";
import { syncPayment, type SyncOutcome } from "./sync.ts";

const HANDLED = new Set([
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "payment_intent.canceled",
  "payment_intent.processing",
  "payment_intent.requires_action",
  "PAYMENT.CAPTURE.COMPLETED",
  "PAYMENT.CAPTURE.DENIED",
]);

/**
 * Processes a provider event once: its id is recorded (a duplicate answers "duplicate" and does
 * nothing), then the intent is re-read and applied by syncPayment, which tolerates events out
 * of order because it looks at the intent's current state, not at the event. A failure leaves
 * the event unprocessed so the provider's retry runs it again.
 */
export async function handlePaymentEvent(
  db: PrismaClient,
  provider: PaymentProvider,
  event: PaymentEvent,
  publicUrl: string,
): Promise<SyncOutcome | RefundOutcome | "duplicate" | "ignored"> {
  try {
    await db.webhookEvent.create({
      data: { provider: provider.name, eventId: event.id, type: event.type },
      select: { id: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const seen = await db.webhookEvent.findUnique({
      where: { provider_eventId: { provider: provider.name, eventId: event.id } },
      select: { processedAt: true },
    });
    if (seen?.processedAt) return "duplicate";
  }
  const key = { provider_eventId: { provider: provider.name, eventId: event.id } };
  const refund = event.type === "PAYMENT.CAPTURE.REFUNDED" && event.refundId ? event.refundId : null;
  if (!refund && (!HANDLED.has(event.type) || !event.intentId)) {
    await db.webhookEvent.update({ where: key, data: { processedAt: new Date() } });
    return "ignored";
  }
  try {
    const outcome = refund
      ? await applyRefundEvent(db, provider, refund, publicUrl)
      : await syncPayment(db, provider, event.intentId, publicUrl);
    await db.webhookEvent.update({
      where: key,
      data: { processedAt: new Date(), attempts: { increment: 1 }, lastError: null },
    });
    return outcome;
  } catch (error) {
    await db.webhookEvent.update({
      where: key,
      data: {
        attempts: { increment: 1 },
        lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
      },
    });
    throw error;
  }
}
