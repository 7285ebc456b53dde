import type { ActorType, OrderStatus, Prisma } from "@shop/db";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/record.ts";

// The order status machine. Refund states follow fulfilment: a full refund ends any paid
// order; "partially refunded" marks a shipped or delivered order some of which was refunded
// (a partial refund before shipping keeps the order moving and shows in refundedTotal).
const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ["PAID", "CANCELLED"],
  PAID: ["PROCESSING", "SHIPPED", "CANCELLED", "REFUNDED"],
  PROCESSING: ["SHIPPED", "CANCELLED", "REFUNDED"],
  SHIPPED: ["DELIVERED", "PARTIALLY_REFUNDED", "REFUNDED"],
  DELIVERED: ["PARTIALLY_REFUNDED", "REFUNDED"],
  PARTIALLY_REFUNDED: ["REFUNDED"],
  CANCELLED: [],
  REFUNDED: [],
};

const auditAction: Record<OrderStatus, string> = {
  PENDING_PAYMENT: "order.reopen",
  PAID: "order.paid",
  PROCESSING: "order.process",
  SHIPPED: "order.ship",
  DELIVERED: "order.deliver",
  CANCELLED: "order.cancel",
  PARTIALLY_REFUNDED: "order.partially_refunded",
  REFUNDED: "order.refunded",
};

export const canTransition = (from: OrderStatus, to: OrderStatus) => allowed[from].includes(to);

/** Statuses in which nothing has left the warehouse: reserved stock is still held. */
export const beforeShipping: readonly OrderStatus[] = ["PENDING_PAYMENT", "PAID", "PROCESSING"];

/** `email` lets a staff change be written to the audit trail under its author's address. */
export type Actor = { type: ActorType; id: number | null; email?: string | null };
export const SYSTEM: Actor = { type: "SYSTEM", id: null };

/**
 * Moves an order from `from` to `to`, only if it is still in `from` (a concurrent change wins
 * and this one fails), and records the event with its actor.
 */
export async function transition(
  tx: Prisma.TransactionClient,
  order: { id: number; status: OrderStatus },
  to: OrderStatus,
  actor: Actor,
  extra: {
    message?: string;
    carrier?: string;
    trackingNumber?: string;
    data?: Prisma.OrderUpdateManyMutationInput;
  } = {},
): Promise<void> {
  if (!canTransition(order.status, to)) {
    throw new AppError("PRECONDITION_FAILED", `An order that is ${label(order.status)} cannot become ${label(to)}`);
  }
  const { count } = await tx.order.updateMany({
    where: { id: order.id, status: order.status },
    data: { status: to, ...extra.data },
  });
  if (count !== 1) throw new AppError("CONFLICT", "The order changed meanwhile; reload and try again");
  await tx.orderEvent.create({
    data: {
      orderId: order.id,
      fromStatus: order.status,
      toStatus: to,
      actorType: actor.type,
      actorId: actor.id,
      message: extra.message ?? null,
      carrier: extra.carrier ?? null,
      trackingNumber: extra.trackingNumber ?? null,
    },
    select: { id: true },
  });
  // Staff status changes are data changes by staff: the audit trail has them beside the timeline.
  if (actor.type === "STAFF" && actor.id !== null) {
    await recordAudit(tx, {
      actor: { id: actor.id, email: actor.email ?? null },
      action: auditAction[to],
      entityType: "Order",
      entityId: order.id,
      before: { status: order.status },
      after: {
        status: to,
        message: extra.message ?? null,
        carrier: extra.carrier ?? null,
        trackingNumber: extra.trackingNumber ?? null,
      },
    });
  }
}

export const label = (status: OrderStatus) => status.toLowerCase().replaceAll("_", " ");
