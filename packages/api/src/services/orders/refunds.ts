import { randomUUID } from "node:crypto";
import { qb, type Prisma, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { AppError } from "../../errors.ts";
import { prismaQuery } from "../../lib/sql.ts";
import { orderRefundedEmail } from "../email/order-templates.ts";
import { providerFor, type PaymentProvider } from "../payments/provider.ts";
import { notifyOrder } from "./notify.ts";
import { canTransition, setPaymentStatus, type Actor } from "./transitions.ts";

type Tx = Prisma.TransactionClient;

/**
 * Records a refund to make, inside the transaction that decides it. The provider is called after
 * commit (processRefund) with the refund's own idempotency key, so a retry never pays twice.
 */
export async function createRefund(
  tx: Tx,
  input: {
    orderId: number;
    amount: number;
    reason: string;
    actorId: number | null;
    items?: Array<{ orderItemId: number; quantity: number; amount: number }>;
    /** A refund made at the provider and only recorded here: keyed by the provider's refund. */
    idempotencyKey?: string;
  },
): Promise<number> {
  const payment = await tx.payment.findFirst({
    where: { orderId: input.orderId, status: "SUCCEEDED" },
    select: {
      id: true,
      currency: true,
      capturedAmount: true,
      refundedAmount: true,
      refunds: { where: { status: "PENDING" }, select: { amount: true } },
    },
  });
  if (!payment) throw new AppError("PRECONDITION_FAILED", "This order has no captured payment to refund");
  const pending = payment.refunds.reduce((sum, refund) => sum + refund.amount, 0);
  const refundable = payment.capturedAmount - payment.refundedAmount - pending;
  if (input.amount <= 0 || input.amount > refundable) {
    throw new AppError("BAD_INPUT", `You can refund at most ${refundable} (minor units) on this order`, {
      field: "amount",
      refundable,
    });
  }
  const refund = await tx.refund.create({
    data: {
      paymentId: payment.id,
      orderId: input.orderId,
      amount: input.amount,
      currency: payment.currency,
      reason: input.reason,
      actorId: input.actorId,
      idempotencyKey: input.idempotencyKey ?? `refund-${randomUUID()}`,
      items: input.items?.length ? { create: input.items } : undefined,
    },
    select: { id: true },
  });
  return refund.id;
}

/** Sends a pending refund to the provider and books it: payment, order totals, status, email. */
export async function processRefund(
  db: PrismaClient,
  provider: PaymentProvider,
  refundId: number,
  publicUrl: string,
): Promise<void> {
  const refund = await db.refund.findUnique({
    where: { id: refundId },
    select: {
      status: true,
      amount: true,
      idempotencyKey: true,
      payment: { select: { id: true, provider: true, providerRef: true } },
    },
  });
  if (!refund || refund.status !== "PENDING") return;
  if (!refund.payment.providerRef) throw new Error(`payment ${refund.payment.id} has no provider reference`);
  const result = await providerFor(provider, refund.payment.provider).refund({
    intentId: refund.payment.providerRef,
    amount: refund.amount,
    idempotencyKey: refund.idempotencyKey,
  });
  if (result.status === "failed") {
    await db.refund.updateMany({
      where: { id: refundId, status: "PENDING" },
      data: { status: "FAILED", providerRef: result.id },
    });
    return;
  }
  await bookRefund(db, refundId, result.id, publicUrl);
}

/**
 * Books a refund the provider made: payment, order totals, status, email. Once: a second call
 * (a retry, a webhook about the same refund) finds it no longer pending.
 */
export async function bookRefund(db: PrismaClient, refundId: number, providerRef: string, publicUrl: string) {
  await db.$transaction(async (tx) => {
    const refund = await tx.refund.findUniqueOrThrow({
      where: { id: refundId },
      select: { amount: true, actorId: true, orderId: true, paymentId: true },
    });
    const claimed = await tx.refund.updateMany({
      where: { id: refundId, status: "PENDING" },
      data: { status: "SUCCEEDED", providerRef },
    });
    if (claimed.count !== 1) return;
    await prismaQuery(
      tx,
      qb
        .updateTable("Payment")
        .set((eb) => ({ refundedAmount: eb("refundedAmount", "+", refund.amount), updatedAt: sql`now()` }))
        .where("id", "=", refund.paymentId),
    );
    const order = await tx.order.update({
      where: { id: refund.orderId },
      data: { refundedTotal: { increment: refund.amount } },
      select: { id: true, paymentStatus: true, total: true, refundedTotal: true },
    });
    const actor: Actor = refund.actorId ? { type: "STAFF", id: refund.actorId } : { type: "SYSTEM", id: null };
    // The payment status alone follows the money; fulfilment goes on as it was.
    const to = order.refundedTotal >= order.total ? "REFUNDED" : "PARTIALLY_REFUNDED";
    if (to !== order.paymentStatus && canTransition("payment", order.paymentStatus, to)) {
      await setPaymentStatus(tx, order, to, actor, {
        message: to === "REFUNDED" ? "Refunded in full" : "Partly refunded",
      });
    }
    await notifyOrder(tx, order.id, "order-refunded", (o, url) => orderRefundedEmail(o, refund.amount, url), {
      publicUrl,
      dedupeKey: `order-refunded:${refundId}`,
    });
  });
}

const LEASE_MS = 5 * 60_000;

/**
 * Retries refunds that were recorded but not (yet) confirmed by the provider. Each is leased
 * first, in the statement that claims it with SKIP LOCKED: its updatedAt moves five minutes
 * ahead, so no other worker picks it up meanwhile, and a worker that dies mid-call leaves it to
 * be retried when the lease runs out. (The provider call carries the refund's idempotency key
 * too, so even a retry after a lost answer pays once.)
 */
export async function processPendingRefunds(
  db: PrismaClient,
  provider: PaymentProvider,
  publicUrl: string,
  olderThanMs = 60_000,
) {
  const claimed = await prismaQuery(
    db,
    qb
      .updateTable("Refund")
      .set({ updatedAt: sql`now() + ${`${LEASE_MS} milliseconds`}::interval` })
      .where("id", "in", (eb) =>
        eb
          .selectFrom("Refund")
          .select("id")
          .where("status", "=", sql.lit("PENDING"))
          .where("createdAt", "<", sql<Date>`now() - ${`${olderThanMs} milliseconds`}::interval`)
          .where("updatedAt", "<=", sql<Date>`now()`)
          .orderBy("id")
          .limit(50)
          .forUpdate()
          .skipLocked(),
      )
      .returning("id"),
  );
  for (const { id } of claimed) await processRefund(db, provider, id, publicUrl);
  return claimed.length;
}
