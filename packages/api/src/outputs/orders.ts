import {
  ActorType,
  AddressKind,
  FulfillmentStatus,
  OrderPaymentStatus,
  OrderState,
  PaymentStatus,
  RefundStatus,
  ReturnStatus,
  ShipmentStatus,
} from "@shop/db/enums";
import { z } from "zod";
import type { getOrderForStaff, listOrders } from "../services/orders/queries.ts";
import type { Fits, Out } from "./fits.ts";

// What the staff order procedures answer (see outputs/catalog.ts for how these stay true).

const id = z.number().int();
const money = z.number().int().meta({ description: "Minor units (cents) of the order's currency" });
const statuses = {
  paymentStatus: z.enum(OrderPaymentStatus),
  fulfillmentStatus: z.enum(FulfillmentStatus),
  state: z.enum(OrderState),
};

export const AdminOrderListOutput = z.object({
  items: z.array(
    z.object({
      id,
      number: z.number().int(),
      email: z.string(),
      ...statuses,
      archivedAt: z.date().nullable(),
      total: money,
      currency: z.string(),
      refundedTotal: money,
      placedAt: z.date(),
      lineCount: z.number().int(),
      user: z.object({ id, name: z.string() }).nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<Out<typeof listOrders>>;

const Address = z.object({
  kind: z.enum(AddressKind),
  fullName: z.string(),
  company: z.string().nullable(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().nullable(),
});

const Payment = z.object({
  id,
  provider: z.string(),
  status: z.enum(PaymentStatus),
  amount: money,
  capturedAmount: money,
  refundedAmount: money,
  failureReason: z.string().nullable(),
});

export const AdminOrderOutput = z.object({
  id,
  number: z.number().int(),
  email: z.string(),
  ...statuses,
  archivedAt: z.date().nullable(),
  canArchive: z.boolean(),
  canCancel: z.boolean(),
  currency: z.string(),
  subtotal: money,
  discountTotal: money,
  shippingTotal: money,
  taxTotal: money,
  total: money,
  refundedTotal: money,
  couponCode: z.string().nullable(),
  shippingMethodName: z.string(),
  cancelReason: z.string().nullable(),
  reservationExpiresAt: z.date().nullable(),
  placedAt: z.date(),
  paidAt: z.date().nullable(),
  shippedAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  items: z.array(
    z.object({
      id,
      productName: z.string(),
      variantTitle: z.string(),
      sku: z.string(),
      slug: z.string().nullable(),
      imageUrl: z.string().nullable(),
      unitPrice: money,
      quantity: z.number().int(),
      discountAmount: money,
      taxAmount: money,
      total: money,
      refundedQuantity: z.number().int(),
      shippedQuantity: z.number().int(),
    }),
  ),
  shippingAddress: Address.nullable(),
  billingAddress: Address.nullable(),
  events: z.array(
    z.object({
      id,
      kind: z.string().meta({ description: "payment, fulfillment, state, shipment, return or archive" }),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorType: z.enum(ActorType),
      message: z.string().nullable(),
      carrier: z.string().nullable(),
      trackingNumber: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  payment: Payment.nullable(),
  payments: z.array(Payment),
  shipments: z.array(
    z.object({
      id,
      carrierName: z.string(),
      trackingNumber: z.string().nullable(),
      trackingUrl: z.string().nullable(),
      status: z.enum(ShipmentStatus),
      shippedAt: z.date(),
      deliveredAt: z.date().nullable(),
      items: z.array(z.object({ orderItemId: id, quantity: z.number().int() })),
    }),
  ),
  returns: z.array(
    z.object({
      id,
      status: z.enum(ReturnStatus),
      reason: z.string(),
      staffNote: z.string().nullable(),
      requestedAt: z.date(),
      decidedAt: z.date().nullable(),
      receivedAt: z.date().nullable(),
      refundedAt: z.date().nullable(),
      refund: z.object({ amount: money, status: z.enum(RefundStatus) }).nullable(),
      items: z.array(z.object({ orderItemId: id, quantity: z.number().int(), restock: z.boolean() })),
    }),
  ),
  refunds: z.array(
    z.object({
      id,
      amount: money,
      status: z.enum(RefundStatus),
      reason: z.string().nullable(),
      createdAt: z.date(),
      actor: z.object({ name: z.string() }).nullable(),
    }),
  ),
  notes: z.array(
    z.object({ id, body: z.string(), createdAt: z.date(), author: z.object({ name: z.string() }).nullable() }),
  ),
  user: z.object({ id, name: z.string(), email: z.string() }).nullable(),
}) satisfies z.ZodType<Out<typeof getOrderForStaff>>;

// The services' answers fit the documented schemas (see fits.ts).
export type OrderFits = [
  Fits<Out<typeof listOrders>, typeof AdminOrderListOutput>,
  Fits<Out<typeof getOrderForStaff>, typeof AdminOrderOutput>,
];
