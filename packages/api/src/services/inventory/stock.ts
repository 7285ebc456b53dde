import type { InventoryReason, Prisma } from "@shop/db";
import { z } from "zod";
import { parseRows } from "../../lib/sql.ts";

type Tx = Prisma.TransactionClient;
type Movement = { variantId: number; quantity: number; orderId?: number | null; actorId?: number | null; note?: string | null };

const Levels = z.object({ stockOnHand: z.number(), reserved: z.number() });

async function record(tx: Tx, reason: InventoryReason, move: Movement, delta: number, reservedDelta: number, levels: z.infer<typeof Levels>) {
  const movement = await tx.inventoryMovement.create({
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
  return movement.id;
}

// Every stock change is one conditional UPDATE that cannot take stock below zero (the CHECK
// constraints back it up), plus a movement recording the levels it left. Callers run them in
// the transaction of the business change, in variant-id order to avoid deadlocks. Reserving
// for a new order happens inside the order's own statement (services/checkout/place-order.ts).

/** Gives held units back (cancelled, expired or refunded before shipping). */
export async function releaseStock(tx: Tx, move: Movement): Promise<void> {
  const [levels] = await parseRows(
    Levels,
    tx.$queryRaw`UPDATE "Variant" SET "reserved" = "reserved" - ${move.quantity}, "updatedAt" = now()
                  WHERE "id" = ${move.variantId} AND "reserved" >= ${move.quantity}
              RETURNING "stockOnHand", "reserved"`,
  );
  if (!levels) throw new Error(`variant ${move.variantId} has fewer than ${move.quantity} reserved units to release`);
  await record(tx, "RELEASE", move, 0, -move.quantity, levels);
}

/** Held units leave the warehouse with a shipment. */
export async function shipStock(tx: Tx, move: Movement): Promise<void> {
  const [levels] = await parseRows(
    Levels,
    tx.$queryRaw`UPDATE "Variant" SET "stockOnHand" = "stockOnHand" - ${move.quantity}, "reserved" = "reserved" - ${move.quantity}, "updatedAt" = now()
                  WHERE "id" = ${move.variantId} AND "reserved" >= ${move.quantity}
              RETURNING "stockOnHand", "reserved"`,
  );
  if (!levels) throw new Error(`variant ${move.variantId} has fewer than ${move.quantity} reserved units to ship`);
  await record(tx, "SALE", move, -move.quantity, -move.quantity, levels);
}

/** Units come back into stock: a return, a restock, a correction upwards. */
export async function addStock(tx: Tx, reason: InventoryReason, move: Movement): Promise<void> {
  const [levels] = await parseRows(
    Levels,
    tx.$queryRaw`UPDATE "Variant" SET "stockOnHand" = "stockOnHand" + ${move.quantity}, "updatedAt" = now()
                  WHERE "id" = ${move.variantId}
              RETURNING "stockOnHand", "reserved"`,
  );
  if (!levels) throw new Error(`variant ${move.variantId} not found`);
  await record(tx, reason, move, move.quantity, 0, levels);
}
