import type { Prisma, PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import type { AuditActor } from "../audit/record.ts";
import { addStock } from "../inventory/stock.ts";
import type { PaymentProvider } from "../payments/provider.ts";
import { refundOrder } from "../orders/admin-refund.ts";
import { unarchiveForReturn } from "../orders/auto-archive.ts";
import { lockOrder } from "../orders/fulfil.ts";
import { recordEvent, setFulfillmentStatus, type Actor } from "../orders/transitions.ts";
import { returnableUntil, returnWindowDays } from "./settings.ts";
import { announceReturnStep, moveReturn, returnSelect } from "./transitions.ts";

type Tx = Prisma.TransactionClient;
type Line = { id: number; quantity: number; refundedQuantity: number; shippedQuantity: number };

/** Units of a line the shopper may still send back: shipped, not refunded, not in an open return. */
export const returnableUnits = (line: Line, inOpenReturns: number) =>
  Math.max(0, Math.min(line.shippedQuantity, line.quantity - line.refundedQuantity) - inOpenReturns);

/** Units of each line already in a return that is not rejected or refunded. */
export async function unitsInOpenReturns(tx: Tx | PrismaClient, orderId: number) {
  const rows = await tx.returnItem.findMany({
    where: { return: { orderId, status: { in: ["REQUESTED", "APPROVED", "RECEIVED"] } } },
    select: { orderItemId: true, quantity: true },
  });
  const open = new Map<number, number>();
  for (const row of rows) open.set(row.orderItemId, (open.get(row.orderItemId) ?? 0) + row.quantity);
  return open;
}

/** The shopper asks to return some units of a delivered order, within the shop's return window. */
export async function requestReturn(
  db: PrismaClient,
  input: {
    orderId: number;
    items: Array<{ orderItemId: number; quantity: number }>;
    reason: string;
    actor: Actor;
    publicUrl: string;
    now?: Date;
  },
) {
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    const { deliveredAt } = await tx.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { deliveredAt: true },
    });
    if (order.state !== "OPEN" || order.fulfillmentStatus !== "DELIVERED")
      throw new AppError("PRECONDITION_FAILED", "Only a delivered order can be returned");
    const until = returnableUntil(deliveredAt, await returnWindowDays(tx));
    if (!until || until < (input.now ?? new Date()))
      throw new AppError("PRECONDITION_FAILED", "The time to return this order has passed");
    const open = await unitsInOpenReturns(tx, order.id);
    for (const wanted of input.items) {
      const line = order.items.find((item) => item.id === wanted.orderItemId);
      if (!line) throw new AppError("BAD_INPUT", "That item is not part of this order", { field: "items" });
      if (wanted.quantity > returnableUnits(line, open.get(line.id) ?? 0))
        throw new AppError("BAD_INPUT", "More units than you can return of that item", { field: "items" });
    }
    const created = await tx.return.create({
      data: { orderId: order.id, reason: input.reason, items: { create: input.items } },
      select: { id: true, orderId: true },
    });
    await unarchiveForReturn(tx, order, input.actor);
    await recordEvent(tx, order.id, {
      kind: "return",
      from: null,
      to: "REQUESTED",
      actor: input.actor,
      message: `Return ${created.id} requested: ${input.reason}`,
    });
    await announceReturnStep(tx, created, "REQUESTED", null, input.publicUrl);
    return created.id;
  });
}

async function load(tx: Tx, returnId: number) {
  const ret = await tx.return.findUnique({ where: { id: returnId }, select: returnSelect });
  if (!ret) throw new AppError("NOT_FOUND", "Return not found");
  return ret;
}

const staff = (actor: AuditActor): Actor => ({ type: "STAFF", id: actor.id, email: actor.email });

/** Staff accept a return (the shopper is told to send the items) or refuse it, saying why. */
export async function decideReturn(
  db: PrismaClient,
  input: { returnId: number; approve: boolean; note?: string; actor: AuditActor; publicUrl: string },
) {
  return db.$transaction(async (tx) => {
    const ret = await load(tx, input.returnId);
    await moveReturn(tx, ret, input.approve ? "APPROVED" : "REJECTED", staff(input.actor), {
      note: input.note ?? null,
      publicUrl: input.publicUrl,
    });
    return ret.orderId;
  });
}

/** The parcel came back: each line's units go back on the shelf if staff chose so. */
export async function receiveReturn(
  db: PrismaClient,
  input: {
    returnId: number;
    restock: Array<{ orderItemId: number; restock: boolean }>;
    actor: AuditActor;
    publicUrl: string;
  },
) {
  return db.$transaction(async (tx) => {
    const ret = await load(tx, input.returnId);
    await moveReturn(tx, ret, "RECEIVED", staff(input.actor), { publicUrl: input.publicUrl });
    const items = await tx.returnItem.findMany({
      where: { returnId: ret.id },
      select: { orderItemId: true, quantity: true, orderItem: { select: { variantId: true } } },
      orderBy: { orderItemId: "asc" },
    });
    for (const item of items) {
      const restock = input.restock.find((choice) => choice.orderItemId === item.orderItemId)?.restock ?? false;
      if (!restock) continue;
      await tx.returnItem.update({
        where: { returnId_orderItemId: { returnId: ret.id, orderItemId: item.orderItemId } },
        data: { restock: true },
      });
      if (item.orderItem.variantId !== null)
        await addStock(tx, "RETURN", {
          variantId: item.orderItem.variantId,
          quantity: item.quantity,
          orderId: ret.orderId,
          actorId: input.actor.id,
          note: `Return ${ret.id}`,
        });
    }
    return ret.orderId;
  });
}

/**
 * Refunds a received return: its lines' paid price, or less (a partial refund, e.g. for damage).
 * The return is claimed first (it moves to REFUNDED before the provider is called), so a second
 * click refunds nothing; a refund that cannot be made puts it back to RECEIVED.
 */
export async function refundReturn(
  db: PrismaClient,
  provider: PaymentProvider,
  input: { returnId: number; amount?: number; actor: AuditActor; publicUrl: string; ip: string | null },
) {
  const ret = await db.$transaction(async (tx) => {
    const found = await load(tx, input.returnId);
    if (found.status !== "RECEIVED")
      throw new AppError("PRECONDITION_FAILED", "Only a received return can be refunded");
    const { count } = await tx.return.updateMany({
      where: { id: found.id, status: "RECEIVED" },
      data: { status: "REFUNDED", refundedAt: new Date() },
    });
    if (count !== 1) throw new AppError("CONFLICT", "The return changed meanwhile; reload and try again");
    return found;
  });
  const items = await db.returnItem.findMany({
    where: { returnId: ret.id },
    select: { orderItemId: true, quantity: true },
  });
  const refund = await refundOrder(
    db,
    provider,
    input.actor,
    {
      orderId: ret.orderId,
      items,
      ...(input.amount !== undefined && { amount: input.amount }),
      restock: false,
      reason: `Return ${ret.id}: ${ret.reason}`,
    },
    input.publicUrl,
    input.ip,
  ).catch(async (error: unknown) => {
    await db.return.updateMany({
      where: { id: ret.id, status: "REFUNDED" },
      data: { status: "RECEIVED", refundedAt: null },
    });
    throw error;
  });
  await db.$transaction(async (tx) => {
    await tx.return.update({ where: { id: ret.id }, data: { refundId: refund.id } });
    await recordEvent(tx, ret.orderId, {
      kind: "return",
      from: "RECEIVED",
      to: "REFUNDED",
      actor: staff(input.actor),
      message: `Return ${ret.id} refunded`,
    });
    await announceReturnStep(tx, ret, "REFUNDED", null, input.publicUrl);
    // Everything that was bought came back and was refunded: the order was returned.
    const order = await lockOrder(tx, ret.orderId);
    const allBack = order.items.every((line) => line.refundedQuantity >= line.quantity);
    if (allBack && order.fulfillmentStatus === "DELIVERED")
      await setFulfillmentStatus(tx, order, "RETURNED", staff(input.actor), { message: `Return ${ret.id} refunded` });
  });
  return ret.orderId;
}
