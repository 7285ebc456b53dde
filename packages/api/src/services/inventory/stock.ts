import { Prisma, type InventoryReason } from "@shop/db";
import { z } from "zod";
import { parseRows } from "../../lib/sql.ts";
import { alertLowStock, lowStockAlertSql } from "./low-stock.ts";

type Tx = Prisma.TransactionClient;
export type Movement = { variantId: number; orderId?: number | null; actorId?: number | null; note?: string | null };
/** A change of on-hand units (relative, or an absolute count) and of reserved units. */
export type StockChange = { onHand?: { add: number } | { set: number }; reserved?: number };

const Changed = z.object({
  stockOnHand: z.number(),
  reserved: z.number(),
  stockBefore: z.number(),
  reservedBefore: z.number(),
  crossed: z.boolean(),
});
export type Changed = z.infer<typeof Changed>;

// Every stock change is one conditional UPDATE that cannot take stock below zero (the CHECK
// constraints back it up), plus a movement recording the levels it left. The row is locked
// first (FOR UPDATE in the CTE), so the levels "before" are the ones this change applies to even
// when a checkout commits in between. Callers run changes in the transaction of the business
// change, in variant-id order to avoid deadlocks.

/**
 * Applies a change and records its movement; null when the variant does not exist or the change
 * would leave fewer on hand than reserved (or negative reservations). A crossing below the
 * low-stock threshold queues the staff alert in the same transaction.
 */
export async function moveStock(
  tx: Tx,
  reason: InventoryReason,
  move: Movement,
  change: StockChange,
): Promise<Changed | null> {
  const onHand = change.onHand;
  const newStock = !onHand
    ? Prisma.sql`v."stockOnHand"`
    : "set" in onHand
      ? Prisma.sql`${onHand.set}::int`
      : Prisma.sql`v."stockOnHand" + ${onHand.add}::int`;
  const newReserved = Prisma.sql`v."reserved" + ${change.reserved ?? 0}::int`;
  const [levels] = await parseRows(
    Changed,
    tx.$queryRaw`
      WITH old AS (SELECT "id", "stockOnHand", "reserved", "lowStockAlertedAt" FROM "Variant" WHERE "id" = ${move.variantId} FOR UPDATE)
      UPDATE "Variant" v SET "stockOnHand" = ${newStock}, "reserved" = ${newReserved}, "updatedAt" = now(),
             "lowStockAlertedAt" = ${lowStockAlertSql(Prisma.sql`(${newStock}) - (${newReserved})`)}
        FROM old
       WHERE v."id" = old."id" AND (${newReserved}) >= 0 AND (${newStock}) >= (${newReserved})
   RETURNING v."stockOnHand", v."reserved", old."stockOnHand" AS "stockBefore", old."reserved" AS "reservedBefore",
             (old."lowStockAlertedAt" IS NULL AND v."lowStockAlertedAt" IS NOT NULL) AS "crossed"`,
  );
  if (!levels) return null;
  const delta = levels.stockOnHand - levels.stockBefore;
  const reservedDelta = levels.reserved - levels.reservedBefore;
  if (delta !== 0 || reservedDelta !== 0) {
    await tx.inventoryMovement.create({
      data: {
        variantId: move.variantId,
        reason,
        delta,
        reservedDelta,
        stockAfter: levels.stockOnHand,
        reservedAfter: levels.reserved,
        orderId: move.orderId ?? null,
        actorId: move.actorId ?? null,
        note: move.note ?? null,
      },
      select: { id: true },
    });
  }
  if (levels.crossed) await alertLowStock(tx, [move.variantId]);
  return levels;
}

/** Gives held units back (cancelled, expired or refunded before shipping). */
export async function releaseStock(tx: Tx, move: Movement & { quantity: number }): Promise<void> {
  const levels = await moveStock(tx, "RELEASE", move, { reserved: -move.quantity });
  if (!levels) throw new Error(`variant ${move.variantId} has fewer than ${move.quantity} reserved units to release`);
}

/** Held units leave the warehouse with a shipment. */
export async function shipStock(tx: Tx, move: Movement & { quantity: number }): Promise<void> {
  const levels = await moveStock(tx, "SALE", move, { onHand: { add: -move.quantity }, reserved: -move.quantity });
  if (!levels) throw new Error(`variant ${move.variantId} has fewer than ${move.quantity} reserved units to ship`);
}

/** Units come back into stock: a return, a restock, a correction upwards. */
export async function addStock(tx: Tx, reason: InventoryReason, move: Movement & { quantity: number }): Promise<void> {
  const levels = await moveStock(tx, reason, move, { onHand: { add: move.quantity } });
  if (!levels) throw new Error(`variant ${move.variantId} not found`);
}
