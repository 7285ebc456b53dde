import type { PrismaClient } from "@shop/db";
import { z } from "zod";
import { parseRows } from "../../lib/sql.ts";
import type { PaymentProvider } from "../payments/provider.ts";
import { applyCancelEffects, cancelOrderTx, type CancelEffects } from "./cancel.ts";
import { SYSTEM } from "./transitions.ts";

/**
 * Cancels unpaid orders whose reservation ran out, giving their stock back. Each order is
 * locked (SKIP LOCKED: one another worker holds is skipped) and re-checked in its own
 * transaction (a payment may have just arrived), so running this on several instances at once
 * cancels each order once; the status-guarded transition backs that up.
 */
export async function expireReservations(
  db: PrismaClient,
  provider: PaymentProvider,
  publicUrl: string,
  now = new Date(),
): Promise<number> {
  const due = await db.order.findMany({
    where: { status: "PENDING_PAYMENT", reservationExpiresAt: { lte: now } },
    select: { id: true },
    orderBy: { reservationExpiresAt: "asc" },
    take: 100,
  });
  let expired = 0;
  for (const { id } of due) {
    const effects = await db
      .$transaction(async (tx): Promise<CancelEffects | null> => {
        // Another instance working on this order holds its row: skip it rather than queue behind.
        const [locked] = await parseRows(
          z.object({ id: z.number() }),
          tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${id} FOR UPDATE SKIP LOCKED`,
        );
        if (!locked) return null;
        const order = await tx.order.findUnique({
          where: { id },
          select: { id: true, status: true, reservationExpiresAt: true },
        });
        if (
          !order ||
          order.status !== "PENDING_PAYMENT" ||
          !order.reservationExpiresAt ||
          order.reservationExpiresAt > now
        )
          return null;
        return cancelOrderTx(tx, order, SYSTEM, "Payment was not completed in time", publicUrl);
      })
      .catch(() => null); // lost a race with a payment or another instance: nothing to do
    if (effects) {
      expired++;
      await applyCancelEffects(db, provider, effects, publicUrl);
    }
  }
  return expired;
}
