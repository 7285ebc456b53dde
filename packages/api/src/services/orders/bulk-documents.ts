import type { Prisma, PrismaClient } from "@shop/db";
import { csvCell, ORDER_CSV_COLUMNS } from "@shop/validators";
import { AppError } from "../../errors.ts";
import { minorToDecimal } from "../../lib/money.ts";
import { recordAudits, type AuditActor } from "../audit/record.ts";

const shipTo = {
  where: { kind: "SHIPPING" },
  select: {
    fullName: true,
    company: true,
    line1: true,
    line2: true,
    city: true,
    region: true,
    postalCode: true,
    country: true,
    phone: true,
  },
} satisfies Prisma.Order$addressesArgs;

const slipSelect = {
  id: true,
  number: true,
  placedAt: true,
  email: true,
  shippingMethodName: true,
  addresses: shipTo,
  items: {
    select: { id: true, productName: true, variantTitle: true, sku: true, quantity: true, refundedQuantity: true },
    orderBy: { id: "asc" },
  },
} satisfies Prisma.OrderSelect;

const csvSelect = {
  id: true,
  number: true,
  placedAt: true,
  email: true,
  paymentStatus: true,
  fulfillmentStatus: true,
  state: true,
  currency: true,
  subtotal: true,
  discountTotal: true,
  shippingTotal: true,
  taxTotal: true,
  total: true,
  refundedTotal: true,
  addresses: { where: { kind: "SHIPPING" }, select: { fullName: true, country: true } },
  items: { select: { quantity: true } },
} satisfies Prisma.OrderSelect;

/**
 * Reads the selected orders and records, a record an order, that staff took them out of the shop
 * (printed or exported: personal data leaving). All or nothing; the rows come back in the
 * selection's order.
 */
async function takeOrders<Row extends { id: number }>(
  db: PrismaClient,
  actor: AuditActor,
  ids: readonly number[],
  action: string,
  read: (tx: Prisma.TransactionClient, ids: number[]) => Promise<Row[]>,
) {
  const wanted = [...new Set(ids)];
  return db.$transaction(async (tx) => {
    const byId = new Map((await read(tx, wanted)).map((row) => [row.id, row]));
    const ordered = wanted.flatMap((id) => {
      const row = byId.get(id);
      return row ? [row] : [];
    });
    if (ordered.length !== wanted.length)
      throw new AppError("NOT_FOUND", "Some of the selected orders no longer exist");
    await recordAudits(
      tx,
      ordered.map((row) => ({ actor, action, entityType: "Order", entityId: row.id })),
    );
    return ordered;
  });
}

/** One packing slip an order: where it goes and what goes in the parcel (refunded units left out). */
export async function packingSlips(db: PrismaClient, actor: AuditActor, ids: readonly number[]) {
  const orders = await takeOrders(db, actor, ids, "order.packingSlip", (tx, wanted) =>
    tx.order.findMany({ where: { id: { in: wanted } }, select: slipSelect }),
  );
  return orders.map(({ addresses, items, ...order }) => ({
    ...order,
    shipTo: addresses[0] ?? null,
    items: items
      .map(({ refundedQuantity, ...item }) => ({ ...item, quantity: item.quantity - refundedQuantity }))
      .filter((item) => item.quantity > 0),
  }));
}

/** The selected orders as CSV lines (no header: a client joins batches under `ORDER_CSV_COLUMNS`). */
export async function exportOrdersCsv(db: PrismaClient, actor: AuditActor, ids: readonly number[]) {
  const orders = await takeOrders(db, actor, ids, "order.export", (tx, wanted) =>
    tx.order.findMany({ where: { id: { in: wanted } }, select: csvSelect }),
  );
  const lines = orders.map((order) => {
    const cells: Record<(typeof ORDER_CSV_COLUMNS)[number], string | number> = {
      order_number: order.number,
      placed_at: order.placedAt.toISOString(),
      email: order.email,
      ship_to: order.addresses[0]?.fullName ?? "",
      country: order.addresses[0]?.country ?? "",
      payment_status: order.paymentStatus,
      fulfillment_status: order.fulfillmentStatus,
      state: order.state,
      units: order.items.reduce((sum, item) => sum + item.quantity, 0),
      currency: order.currency,
      subtotal: minorToDecimal(order.subtotal),
      discount: minorToDecimal(order.discountTotal),
      shipping: minorToDecimal(order.shippingTotal),
      tax: minorToDecimal(order.taxTotal),
      total: minorToDecimal(order.total),
      refunded: minorToDecimal(order.refundedTotal),
    };
    return ORDER_CSV_COLUMNS.map((column) => csvCell(cells[column])).join(",");
  });
  return { lines };
}
