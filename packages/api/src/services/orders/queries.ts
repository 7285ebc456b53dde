import type { FulfillmentStatus, OrderPaymentStatus, OrderState, Prisma, PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { keysetPage } from "../../lib/keyset.ts";
import { mediaUrl } from "../../lib/media.ts";
import { known } from "../../lib/sql.ts";
import { trackingUrl } from "./carriers.ts";
import { openReturnStatuses } from "./auto-archive.ts";
import { archiveRefusal, isCancellable } from "./transitions.ts";

/**
 * What a shopper calls an order: one that was paid (or authorized). An attempt whose payment is
 * still open, was declined or abandoned is not listed; staff see those under "attempts".
 */
export const attemptStatuses: OrderPaymentStatus[] = ["PENDING", "FAILED", "VOIDED"];
export const shopperVisible = { paymentStatus: { notIn: attemptStatuses } } satisfies Prisma.OrderWhereInput;

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
  couponCode: true,
  shippingMethodName: true,
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
      shippedQuantity: true,
      product: { select: { slug: true } },
    },
    orderBy: { id: "asc" },
  },
  addresses: { select: addressFields },
  events: {
    select: {
      id: true,
      kind: true,
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
  shipments: {
    select: {
      id: true,
      carrierName: true,
      trackingNumber: true,
      status: true,
      shippedAt: true,
      deliveredAt: true,
      carrier: { select: { trackingUrl: true } },
      items: { select: { orderItemId: true, quantity: true }, orderBy: { orderItemId: "asc" } },
    },
    orderBy: { id: "asc" },
  },
  returns: {
    select: {
      id: true,
      status: true,
      reason: true,
      staffNote: true,
      requestedAt: true,
      decidedAt: true,
      receivedAt: true,
      refundedAt: true,
      refund: { select: { amount: true, status: true } },
      items: { select: { orderItemId: true, quantity: true, restock: true }, orderBy: { orderItemId: "asc" } },
    },
    orderBy: { id: "asc" },
  },
} satisfies Prisma.OrderSelect;

type Row = Prisma.OrderGetPayload<{ select: typeof orderDetailSelect }>;

/** Archiving is the shop's filing, not news for the shopper: their timeline leaves it out. */
const staffOnlyEvents = new Set(["archive"]);

/** What the shopper sees of an order (`staff`: with the shop's own history entries). */
export function toOrderView(
  config: Pick<ApiConfig, "mediaBaseUrl">,
  row: Row,
  audience: "shopper" | "staff" = "shopper",
) {
  const { items, addresses, payments, shipments, events, ...order } = row;
  return known({
    ...order,
    events: audience === "staff" ? events : events.filter((event) => !staffOnlyEvents.has(event.kind)),
    shipments: shipments.map(({ carrier, ...shipment }) => ({
      ...shipment,
      trackingUrl: trackingUrl(carrier?.trackingUrl, shipment.trackingNumber),
    })),
    items: items.map(({ imagePath, product, ...item }) => ({
      ...item,
      slug: product?.slug ?? null,
      imageUrl: imagePath ? mediaUrl(config, imagePath) : null,
    })),
    shippingAddress: addresses.find((a) => a.kind === "SHIPPING") ?? null,
    billingAddress: addresses.find((a) => a.kind === "BILLING") ?? null,
    payment: payments.at(-1) ?? null,
    canCancel: isCancellable(order),
  });
}

export async function listMyOrders(db: PrismaClient, userId: number, input: { cursor?: string | null; limit: number }) {
  const page = await keysetPage(input, (after, take) =>
    db.order.findMany({
      where: { userId, ...shopperVisible, ...(after && { id: { lt: after[1] } }) },
      select: {
        id: true,
        number: true,
        paymentStatus: true,
        fulfillmentStatus: true,
        state: true,
        total: true,
        currency: true,
        placedAt: true,
        refundedTotal: true,
        _count: { select: { items: true } },
      },
      orderBy: { id: "desc" },
      take,
    }),
  );
  return known({ ...page, items: page.items.map(({ _count, ...row }) => ({ ...row, lineCount: _count.items })) });
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
  paymentStatus?: OrderPaymentStatus;
  fulfillmentStatus?: FulfillmentStatus;
  state?: OrderState;
  /** Archived orders are hidden unless asked for. */
  archived?: "hide" | "only" | "all";
  /** Unpaid, declined and abandoned attempts are left out unless asked for (or filtered on). */
  attempts?: boolean;
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
  const search = input.search?.trim();
  const number = search && /^#?\d+$/.test(search) ? Number(search.replace("#", "")) : null;
  const page = await keysetPage(input, (after, take) =>
    db.order.findMany({
      where: {
        ...(input.paymentStatus
          ? { paymentStatus: input.paymentStatus }
          : !input.attempts && { paymentStatus: { notIn: attemptStatuses } }),
        ...(input.fulfillmentStatus && { fulfillmentStatus: input.fulfillmentStatus }),
        ...(input.state && { state: input.state }),
        ...(input.archived !== "all" && { archivedAt: input.archived === "only" ? { not: null } : null }),
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
        paymentStatus: true,
        fulfillmentStatus: true,
        state: true,
        archivedAt: true,
        total: true,
        currency: true,
        refundedTotal: true,
        placedAt: true,
        user: { select: { id: true, name: true } },
        _count: { select: { items: true } },
      },
      orderBy: { id: "desc" },
      take,
    }),
  );
  return known({ ...page, items: page.items.map(({ _count, ...row }) => ({ ...row, lineCount: _count.items })) });
}

export async function getOrderForStaff(db: PrismaClient, config: Pick<ApiConfig, "mediaBaseUrl">, orderId: number) {
  const row = await db.order.findUnique({
    where: { id: orderId },
    select: {
      ...orderDetailSelect,
      archivedAt: true,
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
  const { user, notes, refunds, archivedAt, ...rest } = row;
  const archive = archiveRefusal(rest, rest.returns.filter((r) => openReturnStatuses.includes(r.status)).length);
  return known({
    ...toOrderView(config, rest, "staff"),
    archivedAt,
    canArchive: archivedAt === null && archive === null,
    user,
    notes,
    refunds,
    payments: rest.payments,
  });
}
