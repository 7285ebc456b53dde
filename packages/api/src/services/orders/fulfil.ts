import type { FulfillmentStatus, Prisma, PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { orderShippedEmail } from "../email/order-templates.ts";
import { shipStock } from "../inventory/stock.ts";
import { autoArchive } from "./auto-archive.ts";
import { resolveCarrier, trackingUrl } from "./carriers.ts";
import { notifyOrder } from "./notify.ts";
import { recordEvent, setFulfillmentStatus, statusSelect, type Actor } from "./transitions.ts";

type Tx = Prisma.TransactionClient;
type Line = { id: number; quantity: number; refundedQuantity: number; shippedQuantity: number };

/**
 * Units of a line still waiting in the warehouse. Refunds take unshipped units first, so what is
 * neither shipped nor refunded is still held for the order.
 */
export const unitsToShip = (line: Line) => Math.max(0, line.quantity - line.shippedQuantity - line.refundedQuantity);

/** Where an order's fulfilment stands, from its lines. */
export function fulfilmentOf(
  lines: Line[],
): Extract<FulfillmentStatus, "UNFULFILLED" | "PARTIALLY_FULFILLED" | "FULFILLED"> {
  if (!lines.some((line) => line.shippedQuantity > 0)) return "UNFULFILLED";
  return lines.some((line) => unitsToShip(line) > 0) ? "PARTIALLY_FULFILLED" : "FULFILLED";
}

/** Takes the order's row lock (concurrent shipments and refunds of one order queue), then reads it. */
export async function lockOrder(tx: Tx, orderId: number) {
  const order = await tx.order
    .update({
      where: { id: orderId },
      data: { updatedAt: new Date() },
      select: {
        ...statusSelect,
        shippedAt: true,
        items: {
          select: { id: true, variantId: true, quantity: true, refundedQuantity: true, shippedQuantity: true },
          orderBy: { id: "asc" },
        },
      },
    })
    .catch((error: unknown) => {
      if (error instanceof Error && "code" in error && error.code === "P2025")
        throw new AppError("NOT_FOUND", "Order not found");
      throw error;
    });
  return order;
}

export type ShipRequest = {
  orderId: number;
  /** A carrier's code or name; one we do not know is kept as typed, without a tracking link. */
  carrier: string;
  trackingNumber?: string | null;
  /** The units in this parcel; without, everything still waiting to ship. */
  items?: Array<{ orderItemId: number; quantity: number }>;
  actor: Actor;
  publicUrl: string;
};

/**
 * Ships one parcel: its units leave the warehouse (held stock becomes shipped stock), the order is
 * partly or wholly fulfilled, and the shopper gets the parcel's tracking by email.
 */
export async function shipOrder(db: PrismaClient, input: ShipRequest) {
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (order.state !== "OPEN") throw new AppError("PRECONDITION_FAILED", "A cancelled or archived order cannot ship");
    if (!["PAID", "PARTIALLY_REFUNDED", "AUTHORIZED"].includes(order.paymentStatus))
      throw new AppError("PRECONDITION_FAILED", "Only a paid order can ship");
    const wanted = input.items ?? order.items.map((line) => ({ orderItemId: line.id, quantity: unitsToShip(line) }));
    const parcel = wanted
      .filter((want) => want.quantity > 0)
      .map((want) => {
        const line = order.items.find((item) => item.id === want.orderItemId);
        if (!line) throw new AppError("BAD_INPUT", "That line is not part of this order", { field: "items" });
        if (want.quantity > unitsToShip(line))
          throw new AppError("BAD_INPUT", "More units than remain to ship on that line", { field: "items" });
        return { line, quantity: want.quantity };
      });
    if (!parcel.length) throw new AppError("PRECONDITION_FAILED", "Nothing is left to ship on this order");
    const carrier = await resolveCarrier(tx, input.carrier);
    const trackingNumber = input.trackingNumber?.trim() || null;
    const shipment = await tx.shipment.create({
      data: {
        orderId: order.id,
        carrierCode: carrier.code,
        carrierName: carrier.name,
        trackingNumber,
        items: { create: parcel.map(({ line, quantity }) => ({ orderItemId: line.id, quantity })) },
      },
      select: { id: true },
    });
    for (const { line, quantity } of parcel.sort((a, b) => (a.line.variantId ?? 0) - (b.line.variantId ?? 0))) {
      line.shippedQuantity += quantity;
      await tx.orderItem.update({ where: { id: line.id }, data: { shippedQuantity: { increment: quantity } } });
      if (line.variantId !== null)
        await shipStock(tx, { variantId: line.variantId, quantity, orderId: order.id, actorId: input.actor.id });
    }
    const extra = {
      message: `Parcel ${shipment.id} shipped`,
      carrier: carrier.name,
      ...(trackingNumber && { trackingNumber }),
    };
    const next = fulfilmentOf(order.items);
    if (next !== order.fulfillmentStatus) {
      await setFulfillmentStatus(tx, order, next, input.actor, {
        ...extra,
        data: order.shippedAt ? {} : { shippedAt: new Date() },
      });
      if (next === "FULFILLED") await autoArchive(tx, order.id);
    } else {
      await recordEvent(tx, order.id, { kind: "shipment", from: null, to: "SHIPPED", actor: input.actor, ...extra });
    }
    const link = trackingUrl(carrier.trackingUrl, trackingNumber);
    await notifyOrder(
      tx,
      order.id,
      "order-shipped",
      (o, url) => orderShippedEmail({ ...o, carrier: carrier.name, trackingNumber, trackingUrl: link }, url),
      { publicUrl: input.publicUrl, dedupeKey: `order-shipped:${shipment.id}` },
    );
    return shipment.id;
  });
}

/**
 * A parcel arrived. When the last parcel of a wholly shipped order arrives, the order is delivered.
 */
export async function markShipmentDelivered(
  db: PrismaClient,
  input: { orderId: number; shipmentId: number; actor: Actor },
) {
  await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    await deliverShipment(tx, order, input.shipmentId, input.actor);
  });
}

async function deliverShipment(tx: Tx, order: Awaited<ReturnType<typeof lockOrder>>, shipmentId: number, actor: Actor) {
  const now = new Date();
  const { count } = await tx.shipment.updateMany({
    where: { id: shipmentId, orderId: order.id, status: "SHIPPED" },
    data: { status: "DELIVERED", deliveredAt: now },
  });
  if (count !== 1) throw new AppError("PRECONDITION_FAILED", "That parcel is not on its way (already delivered?)");
  const onTheWay = await tx.shipment.count({ where: { orderId: order.id, status: "SHIPPED" } });
  if (order.fulfillmentStatus === "FULFILLED" && onTheWay === 0) {
    await setFulfillmentStatus(tx, order, "DELIVERED", actor, {
      message: `Parcel ${shipmentId} delivered`,
      data: { deliveredAt: now },
    });
  } else {
    await recordEvent(tx, order.id, {
      kind: "shipment",
      from: "SHIPPED",
      to: "DELIVERED",
      actor,
      message: `Parcel ${shipmentId} delivered`,
    });
  }
}

/** Every parcel of the order still on its way arrived. */
export async function markDelivered(db: PrismaClient, orderId: number, actor: Actor) {
  await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    const parcels = await tx.shipment.findMany({
      where: { orderId, status: "SHIPPED" },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    if (!parcels.length) throw new AppError("PRECONDITION_FAILED", "No parcel of this order is on its way");
    for (const parcel of parcels) await deliverShipment(tx, order, parcel.id, actor);
  });
}

/**
 * After a refund took units that were waiting to ship: a partly shipped order whose rest was
 * refunded is now wholly shipped.
 */
export async function settleFulfilment(tx: Tx, orderId: number, actor: Actor) {
  const order = await lockOrder(tx, orderId);
  const next = fulfilmentOf(order.items);
  if (order.fulfillmentStatus === "PARTIALLY_FULFILLED" && next === "FULFILLED") {
    await setFulfillmentStatus(tx, order, next, actor, { message: "The rest of the order was refunded" });
    await autoArchive(tx, orderId);
  }
}
