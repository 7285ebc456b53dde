import type { PrismaClient } from "@shop/db";
import { returnableUnits, unitsInOpenReturns } from "./returns.ts";
import { returnableUntil, returnWindowDays } from "./settings.ts";

type Order = {
  id: number;
  state: string;
  fulfillmentStatus: string;
  deliveredAt: Date | null;
  items: Array<{ id: number; quantity: number; refundedQuantity: number; shippedQuantity: number }>;
};

/**
 * What the shopper may still send back: until when, and how many units of each line. Nothing
 * once the window has passed, for an order not delivered, or when returns are turned off.
 */
export async function returnEligibility(db: PrismaClient, order: Order, now = new Date()) {
  const until = returnableUntil(order.deliveredAt, await returnWindowDays(db));
  const open = order.state === "OPEN" && order.fulfillmentStatus === "DELIVERED" && until !== null && until >= now;
  if (!open) return { returnableUntil: null, returnable: [] };
  const pending = await unitsInOpenReturns(db, order.id);
  return {
    returnableUntil: until,
    returnable: order.items
      .map((item) => ({ orderItemId: item.id, quantity: returnableUnits(item, pending.get(item.id) ?? 0) }))
      .filter((item) => item.quantity > 0),
  };
}
