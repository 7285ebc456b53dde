import { qb, type PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { rows, sqlOf, utcNow } from "../../lib/sql.ts";
import type { PaymentProvider } from "./provider.ts";

type OpenPayment = { id: number; amount: number; currency: string; providerRef: string | null };

/**
 * The provider intent for an order's open payment, created on first call with a key derived
 * from our payment id: retried checkouts and page reloads reuse it instead of charging twice.
 * `created` is the payment record an order was just placed with (saves looking it up).
 */
export async function ensurePaymentIntent(
  db: PrismaClient,
  provider: PaymentProvider,
  orderId: number,
  created?: OpenPayment,
) {
  const payment =
    created ??
    (await db.payment.findFirst({
      where: { orderId, status: { in: ["PENDING", "REQUIRES_ACTION"] } },
      select: { id: true, amount: true, currency: true, providerRef: true },
      orderBy: { id: "desc" },
    }));
  if (!payment) throw new AppError("PRECONDITION_FAILED", "This order is not awaiting payment");
  const intent = payment.providerRef
    ? await provider.retrieveIntent(payment.providerRef)
    : await provider.createIntent({
        amount: payment.amount,
        currency: payment.currency,
        orderId,
        paymentId: payment.id,
        idempotencyKey: `payment-${payment.id}`,
      });
  if (!payment.providerRef) {
    await rows(
      sqlOf(db),
      qb
        .updateTable("Payment")
        .set({ providerRef: intent.id, updatedAt: utcNow })
        .where("id", "=", payment.id)
        .where("providerRef", "is", null),
    );
  }
  return {
    intentId: intent.id,
    clientSecret: intent.clientSecret,
    status: intent.status,
    client: provider.clientConfig(),
  };
}
