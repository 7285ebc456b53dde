import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { prismaQuery, utcTimestamp } from "../../lib/sql.ts";
import type { PaymentProvider } from "../payments/provider.ts";
import { settleBeforeExpiry, type ExpiryVerdict } from "../payments/reconcile.ts";
import { applyCancelEffects, cancelOrderTx, type CancelEffects } from "./cancel.ts";
import { SYSTEM } from "./transitions.ts";

/** How long a worker holds the orders it claimed while it asks the provider about them. */
const LEASE_MS = 2 * 60_000;

/**
 * Cancels unpaid orders whose reservation ran out, giving their stock back, unless the provider
 * says they were paid after all. Due orders are claimed first, in the statement that finds them
 * (FOR UPDATE SKIP LOCKED; their reservationExpiresAt moves two minutes ahead, a lease), so
 * instances share them and only one asks the provider about each. Then, outside any transaction,
 * settleBeforeExpiry voids each open intent or records its success; only an order that is
 * certainly unpaid is cancelled, in its own transaction, re-checked under a row lock (a payment
 * may just have arrived). An order the provider could not be asked about stays as it is and is
 * due again when its lease runs out.
 */
export async function expireReservations(
  db: PrismaClient,
  provider: PaymentProvider,
  publicUrl: string,
  now = new Date(),
): Promise<number> {
  const lease = new Date(now.getTime() + LEASE_MS);
  const due = await prismaQuery(
    db,
    qb
      .updateTable("Order")
      .set({ reservationExpiresAt: utcTimestamp(lease) })
      .where("id", "in", (eb) =>
        eb
          .selectFrom("Order")
          .select("id")
          .where("paymentStatus", "=", sql.lit("PENDING"))
          .where("state", "=", sql.lit("OPEN"))
          .where("reservationExpiresAt", "<=", utcTimestamp(now))
          .orderBy("reservationExpiresAt")
          .limit(100)
          .forUpdate()
          .skipLocked(),
      )
      .returning("id"),
  );
  let expired = 0;
  for (const { id } of due) {
    const verdict: ExpiryVerdict = await settleBeforeExpiry(db, provider, id, publicUrl).catch(() => "unknown");
    if (verdict !== "unpaid") continue;
    const effects = await db
      .$transaction(async (tx): Promise<CancelEffects | null> => {
        const [locked] = await prismaQuery(
          tx,
          qb
            .selectFrom("Order")
            .select("id")
            .where("id", "=", id)
            .where("paymentStatus", "=", sql.lit("PENDING"))
            .where("state", "=", sql.lit("OPEN"))
            .forUpdate(),
        );
        if (!locked) return null; // paid or cancelled meanwhile: nothing to do
        return cancelOrderTx(
          tx,
          { id, paymentStatus: "PENDING", fulfillmentStatus: "UNFULFILLED", state: "OPEN" },
          SYSTEM,
          "Payment was not completed in time",
          publicUrl,
        );
      })
      .catch(() => null);
    if (effects) {
      expired++;
      // The intents were voided before deciding (settleBeforeExpiry); refunds may remain.
      await applyCancelEffects(db, provider, { ...effects, intentsToCancel: [] }, publicUrl);
    }
  }
  return expired;
}
