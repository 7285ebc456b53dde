import type { PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { openReturns } from "./auto-archive.ts";
import { lockOrder } from "./fulfil.ts";
import { archiveRefusal, setArchived, type Actor } from "./transitions.ts";

/** Staff archive a finished order: it leaves the default admin list and stays in the shopper's history. */
export async function archiveOrder(db: PrismaClient, input: { orderId: number; actor: Actor }) {
  await db.$transaction(async (tx) => {
    // The row lock makes a concurrent return request or refund wait, so the rule is judged on
    // what the order is when it is archived, not on what it was a moment before.
    const order = await lockOrder(tx, input.orderId);
    if (order.archivedAt) throw new AppError("PRECONDITION_FAILED", "The order is already archived");
    const refusal = archiveRefusal(order, await openReturns(tx, order.id));
    if (refusal) throw new AppError("PRECONDITION_FAILED", refusal);
    await setArchived(tx, order, true, input.actor);
  });
}

export async function unarchiveOrder(db: PrismaClient, input: { orderId: number; actor: Actor }) {
  await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    await setArchived(tx, order, false, input.actor);
  });
}

/**
 * Archives each order that may be, each in its own transaction; the others are reported with the
 * reason (an order already archived is not an error), as Shopify's bulk action does.
 */
export async function archiveOrders(db: PrismaClient, input: { orderIds: number[]; actor: Actor }) {
  const archived: number[] = [];
  const skipped: Array<{ orderId: number; reason: string }> = [];
  for (const orderId of input.orderIds) {
    try {
      await archiveOrder(db, { orderId, actor: input.actor });
      archived.push(orderId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      skipped.push({ orderId, reason: error.message });
    }
  }
  return { archived, skipped };
}
