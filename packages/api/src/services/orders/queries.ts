import type { OrderStatus, Prisma, PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { decodeCursor, encodeCursor } from "../../lib/cursor.ts";
import { mediaUrl } from "../../lib/media.ts";
import { beforeShipping } from "./transitions.ts";

const addressFields = {
  kind: true,
  fullName: true,
  company: true,
  line1: true,
  line2: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  phone: true,
} as const;

export const orderDetailSelect = {
  id: true,
  number: true,
  email: true,
  status: true,
  currency: true,
  subtotal: true,
  discountTotal: true,
  shippingTotal: true,
  taxTotal: true,
  total: true,
  refundedTotal: true,
  couponCode: true,
  shippingMethodName: true,
  carrier: true,
  trackingNumber: true,
  cancelReason: true,
  reservationExpiresAt: true,
  placedAt: true,
  paidAt: true,
  shippedAt: true,
  deliveredAt: true,
  cancelledAt: true,
  items: {
    select: {
      id: true,
      productName: true,
      variantTitle: true,
      sku: true,
      imagePath: true,
      unitPrice: true,
      quantity: true,
      discountAmount: true,
      taxAmount: true,
      total: true,
      refundedQuantity: true,
      product: { select: { slug: true } },
    },
    orderBy: { id: "asc" },
  },
  addresses: { select: addressFields },
  events: {
    select: {
      id: true,
      fromStatus: true,
      toStatus: true,
      actorType: true,
      message: true,
      carrier: true,
      trackingNumber: true,
      createdAt: true,
    },
    orderBy: { id: "asc" },
  },
  payments: {
    select: {
      id: true,
      provider: true,
      status: true,
      amount: true,
      capturedAmount: true,
      refundedAmount: true,
      failureReason: true,
    },
    orderBy: { id: "asc" },
  },
} satisfies Prisma.OrderSelect;

type Row = Prisma.OrderGetPayload<{ select: typeof orderDetailSelect }>;

/** What the shopper sees of an order. */
export function toOrderView(config: Pick<ApiConfig, "mediaBaseUrl">, row: Row) {
  const { items, addresses, payments, ...order } = row;
  return {
    ...order,
    items: items.map(({ imagePath, product, ...item }) => ({
      ...item,
      slug: product?.slug ?? null,
      imageUrl: imagePath ? mediaUrl(config, imagePath) : null,
    })),
    shippingAddress: addresses.find((a) => a.kind === "SHIPPING") ?? null,
    billingAddress: addresses.find((a) => a.kind === "BILLING") ?? null,
    payment: payments.at(-1) ?? null,
    canCancel: beforeShipping.includes(order.status),
  };
}

export async function listMyOrders(db: PrismaClient, userId: number, input: { cursor?: string | null; limit: number }) {
  const after = decodeCursor(input.cursor);
  const rows = await db.order.findMany({
    where: { userId, ...(after && { id: { lt: after[1] } }) },
    select: {
      id: true,
      number: true,
      status: true,
      total: true,
      currency: true,
      placedAt: true,
      refundedTotal: true,
      _count: { select: { items: true } },
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ _count, ...row }) => ({ ...row, lineCount: _count.items })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([null, last.id]) : null,
  };
}

/** An order the caller may see: their own by number, or the one a secret link opened (its id). */
export async function findOrderFor(
  db: PrismaClient,
  where: { number: number } & ({ userId: number } | { orderId: number }),
) {
  const row = await db.order.findFirst({
    where: { number: where.number, ...("userId" in where ? { userId: where.userId } : { id: where.orderId }) },
    select: orderDetailSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "We could not find that order");
  return row;
}

export type AdminOrderFilter = {
  status?: OrderStatus;
  search?: string;
  from?: Date;
  to?: Date;
  customerId?: number;
  minTotal?: number;
  maxTotal?: number;
  cursor?: string | null;
  limit: number;
};

export async function listOrders(db: PrismaClient, input: AdminOrderFilter) {
  const after = decodeCursor(input.cursor);
  const search = input.search?.trim();
  const number = search && /^#?\d+$/.test(search) ? Number(search.replace("#", "")) : null;
  const rows = await db.order.findMany({
    where: {
      ...(input.status && { status: input.status }),
      ...(input.customerId && { userId: input.customerId }),
      ...((input.from || input.to) && {
        placedAt: { ...(input.from && { gte: input.from }), ...(input.to && { lt: input.to }) },
      }),
      ...((input.minTotal !== undefined || input.maxTotal !== undefined) && {
        total: {
          ...(input.minTotal !== undefined && { gte: input.minTotal }),
          ...(input.maxTotal !== undefined && { lte: input.maxTotal }),
        },
      }),
      ...(search && (number !== null ? { number } : { email: { contains: search.toLowerCase() } })),
      ...(after && { id: { lt: after[1] } }),
    },
    select: {
      id: true,
      number: true,
      email: true,
      status: true,
      total: true,
      currency: true,
      refundedTotal: true,
      placedAt: true,
      user: { select: { id: true, name: true } },
      _count: { select: { items: true } },
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ _count, ...row }) => ({ ...row, lineCount: _count.items })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([null, last.id]) : null,
  };
}

export async function getOrderForStaff(db: PrismaClient, config: Pick<ApiConfig, "mediaBaseUrl">, orderId: number) {
  const row = await db.order.findUnique({
    where: { id: orderId },
    select: {
      ...orderDetailSelect,
      user: { select: { id: true, name: true, email: true } },
      notes: {
        select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
        orderBy: { id: "asc" },
      },
      refunds: {
        select: {
          id: true,
          amount: true,
          status: true,
          reason: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
        orderBy: { id: "asc" },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "Order not found");
  const { user, notes, refunds, ...rest } = row;
  return { ...toOrderView(config, rest), user, notes, refunds, payments: rest.payments };
}
