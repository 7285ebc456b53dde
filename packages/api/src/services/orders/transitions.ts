import type { ActorType, FulfillmentStatus, OrderPaymentStatus, OrderState, Prisma } from "@shop/db";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/record.ts";

// An order has three statuses, each with its own machine, as Shopify and Saleor model them: what
// has been paid, what has left the warehouse, and whether the order is still open. A refund
// never blocks a delivery, and a delivery never hides a refund.
type Machines = { payment: OrderPaymentStatus; fulfillment: FulfillmentStatus; state: OrderState };
export type StatusKind = keyof Machines;

const allowed: { [K in StatusKind]: Record<Machines[K], readonly Machines[K][]> } = {
  payment: {
    PENDING: ["AUTHORIZED", "PAID", "FAILED", "VOIDED"],
    AUTHORIZED: ["PAID", "FAILED", "VOIDED"],
    PAID: ["PARTIALLY_REFUNDED", "REFUNDED"],
    PARTIALLY_REFUNDED: ["REFUNDED"],
    REFUNDED: [],
    VOIDED: [],
    FAILED: [],
  },
  fulfillment: {
    UNFULFILLED: ["PARTIALLY_FULFILLED", "FULFILLED"],
    PARTIALLY_FULFILLED: ["FULFILLED"],
    FULFILLED: ["DELIVERED", "RETURNED"],
    DELIVERED: ["RETURNED"],
    RETURNED: [],
  },
  // Archiving is not a state (see `setArchived`): a cancelled order can be archived too.
  state: { OPEN: ["CANCELLED"], ARCHIVED: [], CANCELLED: [] },
};

const auditActions: Record<string, string> = {
  "payment:PAID": "order.paid",
  "payment:AUTHORIZED": "order.authorized",
  "payment:PARTIALLY_REFUNDED": "order.partially_refunded",
  "payment:REFUNDED": "order.refunded",
  "payment:VOIDED": "order.voided",
  "payment:FAILED": "order.payment_failed",
  "fulfillment:PARTIALLY_FULFILLED": "order.ship",
  "fulfillment:FULFILLED": "order.ship",
  "fulfillment:DELIVERED": "order.deliver",
  "fulfillment:RETURNED": "order.returned",
  "state:CANCELLED": "order.cancel",
  "archive:ARCHIVED": "order.archive",
  "archive:UNARCHIVED": "order.unarchive",
};

export function canTransition<K extends StatusKind>(kind: K, from: Machines[K], to: Machines[K]): boolean {
  const next: readonly Machines[K][] = allowed[kind][from];
  return next.includes(to);
}

/** `email` lets a staff change be written to the audit trail under its author's address. */
export type Actor = { type: ActorType; id: number | null; email?: string | null };
export const SYSTEM: Actor = { type: "SYSTEM", id: null };

export type StatusSnapshot = {
  id: number;
  paymentStatus: OrderPaymentStatus;
  fulfillmentStatus: FulfillmentStatus;
  state: OrderState;
};
export const statusSelect = {
  id: true,
  paymentStatus: true,
  fulfillmentStatus: true,
  state: true,
  archivedAt: true,
} as const;

type Extra = {
  message?: string;
  carrier?: string;
  trackingNumber?: string;
  data?: Prisma.OrderUpdateManyMutationInput;
};

async function move(
  tx: Prisma.TransactionClient,
  orderId: number,
  change: { kind: StatusKind; from: string; to: string; ok: boolean },
  where: Prisma.OrderWhereInput,
  data: Prisma.OrderUpdateManyMutationInput,
  actor: Actor,
  extra: Extra,
) {
  if (!change.ok) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `An order that is ${describe(change.from)} cannot become ${describe(change.to)}`,
    );
  }
  const { count } = await tx.order.updateMany({ where: { id: orderId, ...where }, data: { ...extra.data, ...data } });
  if (count !== 1) throw new AppError("CONFLICT", "The order changed meanwhile; reload and try again");
  await recordEvent(tx, orderId, { kind: change.kind, from: change.from, to: change.to, actor, ...extra });
}

// Every status change of an order goes through one of these three, each only if the status is
// still what the caller read (a concurrent change wins and this one fails), each recording the
// event with its actor: the one place to hang a side effect of a transition on.

export async function setPaymentStatus(
  tx: Prisma.TransactionClient,
  order: Pick<StatusSnapshot, "id" | "paymentStatus">,
  to: OrderPaymentStatus,
  actor: Actor,
  extra: Extra = {},
) {
  const from = order.paymentStatus;
  const ok = canTransition("payment", from, to);
  await move(
    tx,
    order.id,
    { kind: "payment", from, to, ok },
    { paymentStatus: from },
    { paymentStatus: to },
    actor,
    extra,
  );
}

export async function setFulfillmentStatus(
  tx: Prisma.TransactionClient,
  order: Pick<StatusSnapshot, "id" | "fulfillmentStatus">,
  to: FulfillmentStatus,
  actor: Actor,
  extra: Extra = {},
) {
  const from = order.fulfillmentStatus;
  const ok = canTransition("fulfillment", from, to);
  await move(
    tx,
    order.id,
    { kind: "fulfillment", from, to, ok },
    { fulfillmentStatus: from },
    { fulfillmentStatus: to },
    actor,
    extra,
  );
}

export async function setState(
  tx: Prisma.TransactionClient,
  order: Pick<StatusSnapshot, "id" | "state">,
  to: OrderState,
  actor: Actor,
  extra: Extra = {},
) {
  const from = order.state;
  const ok = canTransition("state", from, to);
  await move(tx, order.id, { kind: "state", from, to, ok }, { state: from }, { state: to }, actor, extra);
}

/**
 * Archives a finished order or brings it back to the default list, only if it is still as the
 * caller read it; in the history as kind "archive" (the shopper's view leaves those out).
 * Whether an order may be archived is the caller's rule (`services/orders/archive.ts`).
 */
export async function setArchived(
  tx: Prisma.TransactionClient,
  order: { id: number; archivedAt: Date | null },
  archive: boolean,
  actor: Actor,
  extra: Pick<Extra, "message"> = {},
) {
  if ((order.archivedAt !== null) === archive)
    throw new AppError("PRECONDITION_FAILED", archive ? "The order is already archived" : "The order is not archived");
  const { count } = await tx.order.updateMany({
    where: { id: order.id, archivedAt: archive ? null : { not: null } },
    data: { archivedAt: archive ? new Date() : null },
  });
  if (count !== 1) throw new AppError("CONFLICT", "The order changed meanwhile; reload and try again");
  const [from, to] = archive ? ["UNARCHIVED", "ARCHIVED"] : ["ARCHIVED", "UNARCHIVED"];
  await recordEvent(tx, order.id, { kind: "archive", from, to, actor, ...extra });
}

/** A history entry (and, for staff, an audit entry) without a status change of the order itself. */
export async function recordEvent(
  tx: Prisma.TransactionClient,
  orderId: number,
  event: { kind: string; from: string | null; to: string; actor: Actor } & Omit<Extra, "data">,
) {
  const { actor } = event;
  await tx.orderEvent.create({
    data: {
      orderId,
      kind: event.kind,
      fromStatus: event.from,
      toStatus: event.to,
      actorType: actor.type,
      actorId: actor.id,
      message: event.message ?? null,
      carrier: event.carrier ?? null,
      trackingNumber: event.trackingNumber ?? null,
    },
    select: { id: true },
  });
  // Staff changes are data changes by staff: the audit trail has them beside the timeline.
  if (actor.type === "STAFF" && actor.id !== null) {
    await recordAudit(tx, {
      actor: { id: actor.id, email: actor.email ?? null },
      action: auditActions[`${event.kind}:${event.to}`] ?? `order.${event.kind}.${event.to.toLowerCase()}`,
      entityType: "Order",
      entityId: orderId,
      before: { [event.kind]: event.from },
      after: {
        [event.kind]: event.to,
        message: event.message ?? null,
        carrier: event.carrier ?? null,
        trackingNumber: event.trackingNumber ?? null,
      },
    });
  }
}

/** Loads an order's statuses, or NOT_FOUND. */
export async function loadStatuses(tx: Prisma.TransactionClient, orderId: number): Promise<StatusSnapshot> {
  const order = await tx.order.findUnique({ where: { id: orderId }, select: statusSelect });
  if (!order) throw new AppError("NOT_FOUND", "Order not found");
  return order;
}

/** Nothing has left the warehouse and the order is open: it may still be cancelled. */
export const isCancellable = (order: Pick<StatusSnapshot, "state" | "fulfillmentStatus">) =>
  order.state === "OPEN" && order.fulfillmentStatus === "UNFULFILLED";

const settled: readonly OrderPaymentStatus[] = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"];
const shipped: readonly FulfillmentStatus[] = ["FULFILLED", "DELIVERED", "RETURNED"];

/**
 * Why a not-yet-archived order cannot be archived, or null when it is finished: cancelled, or
 * everything shipped and nothing owed (Shopify's rule), and no return still open.
 */
export function archiveRefusal(
  order: Pick<StatusSnapshot, "state" | "paymentStatus" | "fulfillmentStatus">,
  openReturns: number,
): string | null {
  if (order.state === "CANCELLED") return null;
  if (!shipped.includes(order.fulfillmentStatus)) return "Only a shipped or cancelled order can be archived";
  if (!settled.includes(order.paymentStatus)) return "An order still awaiting payment cannot be archived";
  if (openReturns > 0) return "An order with a return in progress cannot be archived";
  return null;
}

/** Paid (in part at least) and not refunded in full. */
export const hasPaidBalance = (order: Pick<StatusSnapshot, "paymentStatus">) =>
  order.paymentStatus === "PAID" || order.paymentStatus === "PARTIALLY_REFUNDED";

const words: Record<string, string> = {
  PARTIALLY_FULFILLED: "partly shipped",
  FULFILLED: "shipped",
  UNFULFILLED: "not shipped",
  PARTIALLY_REFUNDED: "partly refunded",
  PENDING: "awaiting payment",
};
export const describe = (status: string) => words[status] ?? status.toLowerCase().replaceAll("_", " ");
