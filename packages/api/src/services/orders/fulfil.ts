import type { Prisma, PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { orderShippedEmail } from "../email/order-templates.ts";
import { shipStock } from "../inventory/stock.ts";
import { notifyOrder } from "./notify.ts";
import { transition, type Actor } from "./transitions.ts";

async function load(db: Prisma.TransactionClient, orderId: number) {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { id: true, status: true } });
  if (!order) throw new AppError("NOT_FOUND", "Order not found");
  return order;
}

export async function markProcessing(db: PrismaClient, orderId: number, actor: Actor) {
  await db.$transaction(async (tx) =>
    transition(tx, await load(tx, orderId), "PROCESSING", actor, { message: "Being prepared" }),
  );
}

/** Ships the order: held stock leaves the warehouse, the shopper gets the tracking number by email. */
export async function shipOrder(
  db: PrismaClient,
  input: { orderId: number; carrier: string; trackingNumber: string; actor: Actor; publicUrl: string },
) {
  await db.$transaction(async (tx) => {
    const order = await load(tx, input.orderId);
    await transition(tx, order, "SHIPPED", input.actor, {
      carrier: input.carrier,
      trackingNumber: input.trackingNumber,
      data: { shippedAt: new Date(), carrier: input.carrier, trackingNumber: input.trackingNumber },
    });
    const items = await tx.orderItem.findMany({
      where: { orderId: order.id, variantId: { not: null } },
      select: { variantId: true, quantity: true, refundedQuantity: true },
      orderBy: { variantId: "asc" },
    });
    for (const item of items) {
      const quantity = item.quantity - item.refundedQuantity;
      if (item.variantId !== null && quantity > 0)
        await shipStock(tx, { variantId: item.variantId, quantity, orderId: order.id, actorId: input.actor.id });
    }
    await notifyOrder(
      tx,
      order.id,
      "order-shipped",
      (o, url) => orderShippedEmail({ ...o, carrier: input.carrier, trackingNumber: input.trackingNumber }, url),
      {
        publicUrl: input.publicUrl,
        dedupeKey: `order-shipped:${order.id}`,
      },
    );
  });
}

export async function markDelivered(db: PrismaClient, orderId: number, actor: Actor) {
  await db.$transaction(async (tx) =>
    transition(tx, await load(tx, orderId), "DELIVERED", actor, {
      message: "Delivered",
      data: { deliveredAt: new Date() },
    }),
  );
}
