import { qb, type DB, type InventoryReason, type Prisma } from "@shop/db";
import { expressionBuilder, sql, type Expression } from "kysely";
import { prismaQuery, type RowOf } from "../../lib/sql.ts";
import { alertLowStock, lowStockAlert } from "./low-stock.ts";

type Tx = Prisma.TransactionClient;
export type Movement = { variantId: number; orderId?: number | null; actorId?: number | null; note?: string | null };
/** A change of on-hand units (relative, or an absolute count) and of reserved units. */
export type StockChange = { onHand?: { add: number } | { set: number }; reserved?: number };

// Every stock change is one conditional UPDATE that cannot take stock below zero (the CHECK
// constraints back it up), plus a movement recording the levels it left. The row is locked
// first (FOR UPDATE in the CTE), so the levels "before" are the ones this change applies to even
// when a checkout commits in between. Callers run changes in the transaction of the business
// change, in variant-id order to avoid deadlocks.

const variant = expressionBuilder<DB & { v: DB["Variant"] }, "v">();
const int = (value: number) => sql<number>`${value}::int`;

/** The levels a change leaves, as expressions on the variant `v`. */
function newLevels(change: StockChange) {
  const onHand = change.onHand;
  const stock: Expression<number> = !onHand
    ? variant.ref("v.stockOnHand")
    : "set" in onHand
      ? int(onHand.set)
      : variant("v.stockOnHand", "+", int(onHand.add));
  return { stock, reserved: variant("v.reserved", "+", int(change.reserved ?? 0)) };
}

function changeQuery(variantId: number, change: StockChange) {
  const { stock, reserved } = newLevels(change);
  return qb
    .with("old", (db) =>
      db
        .selectFrom("Variant")
        .select(["id", "stockOnHand", "reserved", "lowStockAlertedAt"])
        .where("id", "=", variantId)
        .forUpdate(),
    )
    .updateTable("Variant as v")
    .from("old")
    .set({
      stockOnHand: stock,
      reserved,
      updatedAt: sql<Date>`now()`,
      lowStockAlertedAt: lowStockAlert(sql<number>`(${stock}) - (${reserved})`),
    })
    .where((eb) => eb.and([eb("v.id", "=", eb.ref("old.id")), eb(reserved, ">=", 0), eb(stock, ">=", reserved)]))
    .returning((eb) => [
      "v.stockOnHand",
      "v.reserved",
      "old.stockOnHand as stockBefore",
      "old.reserved as reservedBefore",
      eb.and([eb("old.lowStockAlertedAt", "is", null), eb("v.lowStockAlertedAt", "is not", null)]).as("crossed"),
    ]);
}
export type Changed = RowOf<ReturnType<typeof changeQuery>>;

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
  const [levels] = await prismaQuery(tx, changeQuery(move.variantId, change));
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
