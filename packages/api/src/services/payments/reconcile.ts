import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { AppError } from "../../errors.ts";
import { prismaQuery, utcNow } from "../../lib/sql.ts";
import { completePayment } from "./complete.ts";
import { providerFor, type PaymentProvider, type ProviderIntent } from "./provider.ts";
import { syncPayment } from "./sync.ts";

const LEASE_MS = 2 * 60_000;

/**
 * Asks the provider about open payments of unpaid orders and records what it says (syncPayment):
 * a charge whose recording failed (the database hiccuped after the card was charged, the
 * webhook handler crashed) gets its order paid without the shopper or the provider having to
 * come back. Each payment is leased first, in the statement that claims it with SKIP LOCKED
 * (its updatedAt moves two minutes ahead, as refunds do), so instances share the work and each
 * open payment is asked about at most once per lease. Every provider the shop offers is asked
 * about its own payments; a PayPal payment the shopper approved but never came back from is
 * captured (completePayment), as the return page would have.
 */
export async function reconcilePayments(
  db: PrismaClient,
  provider: PaymentProvider,
  publicUrl: string,
  olderThanMs = 30_000,
): Promise<number> {
  const claimed = await prismaQuery(
    db,
    qb
      .updateTable("Payment")
      .set({ updatedAt: sql<Date>`${utcNow} + ${`${LEASE_MS} milliseconds`}::interval` })
      .where("id", "in", (eb) =>
        eb
          .selectFrom("Payment as p")
          .innerJoin("Order as o", "o.id", "p.orderId")
          .select("p.id")
          .where("p.status", "in", [sql.lit("PENDING" as const), sql.lit("REQUIRES_ACTION" as const)])
          .where("p.provider", "in", [provider.name, ...(provider.alongside ?? []).map((one) => one.name)])
          .where("p.providerRef", "is not", null)
          .where("o.paymentStatus", "=", sql.lit("PENDING"))
          .where("o.state", "=", sql.lit("OPEN"))
          .where("p.createdAt", "<", sql<Date>`${utcNow} - ${`${olderThanMs} milliseconds`}::interval`)
          .where("p.updatedAt", "<=", utcNow)
          .orderBy("p.id")
          .limit(50)
          .forUpdate("p")
          .skipLocked(),
      )
      .returning(["id", "provider"]),
  );
  let paid = 0;
  for (const payment of claimed) {
    const outcome = await completePayment(db, providerFor(provider, payment.provider), payment.id, publicUrl).catch(
      (error: unknown) => {
        // A refusal about one payment (PayPal declined the funding source the shopper approved:
        // theirs to change) leaves it to the shopper and the others to this run; an outage stops it.
        if (error instanceof AppError && error.code !== "UNAVAILABLE") return "pending" as const;
        throw error;
      },
    );
    if (outcome === "paid") paid++;
  }
  return paid;
}

export type ExpiryVerdict = "paid" | "unpaid" | "unknown";

/**
 * Before an unpaid order is cancelled: the truth is at the provider, not in our rows. Each open
 * payment's intent is voided first (so it cannot be charged once we decide), and an intent that
 * turns out to have succeeded is recorded instead: the order is paid, never cancelled. A provider
 * that cannot be asked leaves the order as it is, for the next run ("unknown").
 */
export async function settleBeforeExpiry(
  db: PrismaClient,
  provider: PaymentProvider,
  orderId: number,
  publicUrl: string,
): Promise<ExpiryVerdict> {
  const payments = await db.payment.findMany({
    where: { orderId, status: { in: ["PENDING", "REQUIRES_ACTION"] }, providerRef: { not: null } },
    select: { provider: true, providerRef: true },
  });
  for (const { provider: name, providerRef } of payments) {
    if (!providerRef) continue;
    const holder = providerFor(provider, name);
    const intent = await voided(holder, providerRef);
    if (intent?.status === "succeeded") {
      const outcome = await syncPayment(db, holder, providerRef, publicUrl);
      return outcome === "paid" || outcome === "already-paid" ? "paid" : "unknown";
    }
    if (intent?.status !== "canceled") return "unknown";
  }
  return "unpaid";
}

/** The intent after trying to cancel it; null when the provider could not be asked. */
async function voided(provider: PaymentProvider, intentId: string): Promise<ProviderIntent | null> {
  const current = await provider.retrieveIntent(intentId).catch(() => null);
  if (!current || current.status === "succeeded" || current.status === "canceled") return current;
  // Refused (it succeeded meanwhile, or it is processing) or unreachable: ask once more.
  return provider.cancelIntent(intentId).catch(() => provider.retrieveIntent(intentId).catch(() => null));
}
