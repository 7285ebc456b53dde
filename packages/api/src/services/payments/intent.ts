import { qb, type PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { rows, sqlOf, utcNow } from "../../lib/sql.ts";
import { providerFor, type PaymentProvider } from "./provider.ts";
import { syncPayment } from "./sync.ts";

type OpenPayment = { id: number; amount: number; currency: string; providerRef: string | null; provider: string };
export type PaymentMethod = "card" | "paypal";

const MAX_PAYMENTS_PER_ORDER = 10;

/** The providers a shopper can choose from: the card provider, and PayPal when configured. */
export function paymentMethods(provider: PaymentProvider): PaymentMethod[] {
  return provider.alongside?.some((one) => one.name === "paypal") ? ["card", "paypal"] : ["card"];
}

const providerOf = (provider: PaymentProvider, method: PaymentMethod) =>
  method === "paypal" ? providerFor(provider, "paypal") : provider;

/**
 * The provider intent for an order's open payment, created on first call with a key derived
 * from our payment id: retried checkouts and page reloads reuse it instead of charging twice.
 * `created` is the payment record an order was just placed with (saves looking it up). With a
 * `method` other than the open payment's provider (the shopper chose PayPal, or went back to the
 * card), the old intent is voided first and a new payment record replaces it; an old intent that
 * turns out to have been paid is recorded instead, and the switch refused.
 */
export async function ensurePaymentIntent(
  db: PrismaClient,
  provider: PaymentProvider,
  order: { id: number; number: number },
  options: { publicUrl: string; method?: PaymentMethod; created?: OpenPayment },
) {
  let payment =
    options.created ??
    (await db.payment.findFirst({
      where: { orderId: order.id, status: { in: ["PENDING", "REQUIRES_ACTION"] } },
      select: { id: true, amount: true, currency: true, providerRef: true, provider: true },
      orderBy: { id: "desc" },
    }));
  if (!payment) throw new AppError("PRECONDITION_FAILED", "This order is not awaiting payment");
  const wanted = options.method ? providerOf(provider, options.method) : providerFor(provider, payment.provider);
  if (wanted.name !== payment.provider)
    payment = await switchProvider(db, provider, payment, wanted.name, options.publicUrl);
  const urls = {
    returnUrl: `${options.publicUrl}/order-confirmation/${order.number}`,
    cancelUrl: `${options.publicUrl}/checkout?pay=${order.number}`,
  };
  const intent = payment.providerRef
    ? await wanted.retrieveIntent(payment.providerRef)
    : await wanted.createIntent({
        amount: payment.amount,
        currency: payment.currency,
        orderId: order.id,
        paymentId: payment.id,
        idempotencyKey: `payment-${payment.id}`,
        ...urls,
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
    approvalUrl: intent.approvalUrl,
    status: intent.status,
    client: wanted.clientConfig(),
    methods: paymentMethods(provider),
  };
}

async function switchProvider(
  db: PrismaClient,
  provider: PaymentProvider,
  payment: OpenPayment,
  to: string,
  publicUrl: string,
): Promise<OpenPayment> {
  if (payment.providerRef) {
    const holder = providerFor(provider, payment.provider);
    const old = await holder
      .cancelIntent(payment.providerRef)
      .catch(() => holder.retrieveIntent(payment.providerRef ?? ""));
    if (old.status === "succeeded" || old.status === "processing") {
      await syncPayment(db, holder, payment.providerRef, publicUrl);
      throw new AppError("CONFLICT", "This order has been paid already");
    }
  }
  return db.$transaction(async (tx) => {
    const closed = await tx.payment.updateMany({
      where: { id: payment.id, status: { in: ["PENDING", "REQUIRES_ACTION"] } },
      data: { status: "CANCELLED", failureReason: `Switched to ${to}` },
    });
    if (closed.count !== 1) throw new AppError("CONFLICT", "This payment changed meanwhile; please reload");
    const { orderId } = await tx.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { orderId: true } });
    // Each switch may open an order at PayPal with the shop's credentials: a few per order, not a loop.
    if ((await tx.payment.count({ where: { orderId } })) >= MAX_PAYMENTS_PER_ORDER)
      throw new AppError("RATE_LIMITED", "Too many payment attempts on this order; please place it again");
    return tx.payment.create({
      data: { orderId, provider: to, amount: payment.amount, currency: payment.currency },
      select: { id: true, amount: true, currency: true, providerRef: true, provider: true },
    });
  });
}
