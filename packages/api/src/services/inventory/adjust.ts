import { qb, type PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { prismaQuery } from "../../lib/sql.ts";
import { recordAudit, type AuditInput } from "../audit/record.ts";
import { DEFAULT_THRESHOLD_KEY, getDefaultThreshold } from "./low-stock.ts";
import { getStock } from "./queries.ts";
import { moveStock } from "./stock.ts";

type Actor = AuditInput["actor"];
export type AdjustInput = {
  variantId: number;
  reason: "RESTOCK" | "DAMAGE" | "CORRECTION" | "RETURN";
  delta: number;
  note: string | null;
};

/**
 * A manual stock change by staff: relative, so a restock during checkouts adds exactly its units
 * to whatever the checkouts left (never a read-modify-write of the level). Removing more than is
 * available (on hand minus reserved) is refused.
 */
export async function adjustStock(db: PrismaClient, actor: Actor, input: AdjustInput, ip: string | null = null) {
  await db.$transaction(async (tx) => {
    const levels = await moveStock(
      tx,
      input.reason,
      { variantId: input.variantId, actorId: actor.id, note: input.note },
      { onHand: { add: input.delta } },
    );
    if (!levels) {
      const variant = await tx.variant.findUnique({
        where: { id: input.variantId },
        select: { stockOnHand: true, reserved: true },
      });
      if (!variant) throw new AppError("NOT_FOUND", "No such variant");
      throw new AppError(
        "PRECONDITION_FAILED",
        `Only ${variant.stockOnHand - variant.reserved} units can be removed: ${variant.reserved} of the ${variant.stockOnHand} on hand are reserved by orders`,
        { field: "delta" },
      );
    }
    await recordAudit(tx, {
      actor,
      action: "inventory.adjust",
      entityType: "Variant",
      entityId: input.variantId,
      before: { stockOnHand: levels.stockBefore, reserved: levels.reservedBefore },
      after: {
        stockOnHand: levels.stockOnHand,
        reserved: levels.reserved,
        reason: input.reason,
        delta: input.delta,
        note: input.note,
      },
      ip,
    });
  });
  return getStock(db, input.variantId);
}

/**
 * Sets a variant's own threshold (null: the shop default). A variant now above it is re-armed
 * (its alert flag cleared) so the next crossing alerts; one already at or below it keeps its
 * flag, or alerts with its next stock change if it never had one.
 */
export async function setThreshold(
  db: PrismaClient,
  actor: Actor,
  input: { variantId: number; threshold: number | null },
  ip: string | null = null,
) {
  await db.$transaction(async (tx) => {
    const before = await tx.variant.findUnique({ where: { id: input.variantId }, select: { lowStockThreshold: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such variant");
    await tx.variant.update({
      where: { id: input.variantId },
      data: { lowStockThreshold: input.threshold },
      select: { id: true },
    });
    const threshold = input.threshold ?? (await getDefaultThreshold(tx));
    await prismaQuery(
      tx,
      qb
        .updateTable("Variant")
        .set({ lowStockAlertedAt: null })
        .where("id", "=", input.variantId)
        .where((eb) => eb(eb("stockOnHand", "-", eb.ref("reserved")), ">", threshold))
        .returning("id"),
    );
    await recordAudit(tx, {
      actor,
      action: "inventory.threshold",
      entityType: "Variant",
      entityId: input.variantId,
      before: { lowStockThreshold: before.lowStockThreshold },
      after: { lowStockThreshold: input.threshold },
      ip,
    });
  });
  return getStock(db, input.variantId);
}

export async function setDefaultThreshold(db: PrismaClient, actor: Actor, threshold: number, ip: string | null = null) {
  await db.$transaction(async (tx) => {
    const before = await getDefaultThreshold(tx);
    await tx.setting.upsert({
      where: { key: DEFAULT_THRESHOLD_KEY },
      create: { key: DEFAULT_THRESHOLD_KEY, value: threshold },
      update: { value: threshold },
    });
    await recordAudit(tx, {
      actor,
      action: "settings.lowStockThreshold",
      entityType: "Setting",
      entityId: DEFAULT_THRESHOLD_KEY,
      before: { threshold: before },
      after: { threshold },
      ip,
    });
  });
  return { threshold };
}
