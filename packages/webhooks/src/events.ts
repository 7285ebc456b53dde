import { z } from "zod";

// The public contract of the shop's webhooks: what a receiver gets in the body of each request.
// It is written here, not derived from the database schema, on purpose: integrators depend on it,
// so it changes only by decision. The database builds the payloads (see the webhooks migration)
// and the shop's tests parse every event they cause with these schemas, so the two cannot drift.

const iso = z.string().datetime();

export const OrderPayloadSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  paymentStatus: z.enum(["PENDING", "AUTHORIZED", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED", "FAILED"]),
  fulfillmentStatus: z.enum(["UNFULFILLED", "PARTIALLY_FULFILLED", "FULFILLED", "DELIVERED", "RETURNED"]),
  state: z.enum(["OPEN", "CANCELLED", "ARCHIVED"]),
  email: z.string(),
  customerId: z.number().int().nullable(),
  /** ISO 4217; every amount is in its minor units (cents). */
  currency: z.string().length(3),
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  shippingTotal: z.number().int(),
  taxTotal: z.number().int(),
  total: z.number().int(),
  refundedTotal: z.number().int(),
  couponCode: z.string().nullable(),
  shippingMethod: z.string(),
  cancelReason: z.string().nullable(),
  placedAt: iso,
  paidAt: iso.nullable(),
  shippedAt: iso.nullable(),
  deliveredAt: iso.nullable(),
  /** Parcels, oldest first; `carrier` is the carrier's name, `trackingNumber` may be unknown. */
  shipments: z.array(
    z.object({
      id: z.number().int(),
      carrier: z.string(),
      trackingNumber: z.string().nullable(),
      status: z.string(),
      shippedAt: iso,
      deliveredAt: iso.nullable(),
    }),
  ),
  cancelledAt: iso.nullable(),
  items: z.array(
    z.object({
      id: z.number().int(),
      productId: z.number().int().nullable(),
      variantId: z.number().int().nullable(),
      sku: z.string(),
      name: z.string(),
      variantTitle: z.string(),
      quantity: z.number().int(),
      unitPrice: z.number().int(),
      total: z.number().int(),
    }),
  ),
  shippingAddress: z
    .object({
      fullName: z.string(),
      company: z.string().nullable(),
      line1: z.string(),
      line2: z.string().nullable(),
      city: z.string(),
      region: z.string().nullable(),
      postalCode: z.string(),
      country: z.string(),
      phone: z.string().nullable(),
    })
    .nullable(),
});

export const ProductPayloadSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]),
  featured: z.boolean(),
  brand: z.string().nullable(),
  categoryId: z.number().int().nullable(),
  imagePath: z.string().nullable(),
  publishedAt: iso.nullable(),
  updatedAt: iso,
  variants: z.array(
    z.object({
      id: z.number().int(),
      sku: z.string(),
      title: z.string(),
      price: z.number().int(),
      compareAtPrice: z.number().int().nullable(),
      currency: z.string().length(3),
      available: z.number().int(),
    }),
  ),
});

/** A return (RMA) as its events carry it. */
export const ReturnPayloadSchema = z.object({
  id: z.number().int(),
  orderId: z.number().int(),
  orderNumber: z.number().int(),
  /** The status the event moved it to (`return.approved` carries APPROVED). */
  status: z.enum(["REQUESTED", "APPROVED", "REJECTED", "RECEIVED", "REFUNDED"]),
  reason: z.string().nullable(),
  items: z.array(z.object({ orderItemId: z.number().int(), sku: z.string(), quantity: z.number().int() })),
  /** Minor units of the order's currency; null until the return is refunded. */
  refundAmount: z.number().int().nullable(),
  currency: z.string().length(3),
});

export const WEBHOOK_EVENT_TYPES = [
  "order.created",
  "order.paid",
  "order.fulfilled",
  "order.cancelled",
  "order.refunded",
  "return.requested",
  "return.approved",
  "return.rejected",
  "return.received",
  "return.refunded",
  "product.created",
  "product.updated",
  "product.deleted",
  "inventory.low_stock",
  "customer.created",
] as const;
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;
export const isWebhookEventType = (value: string): value is WebhookEventType =>
  WebhookEventTypeSchema.safeParse(value).success;

const order = z.object({ order: OrderPayloadSchema });
const returnData = z.object({ return: ReturnPayloadSchema });
const product = z.object({ product: ProductPayloadSchema });

const event = <T extends WebhookEventType, D extends z.ZodType>(type: T, data: D) =>
  z.object({
    /** evt_…: the same on every retry and redelivery; deduplicate on it. */
    id: z.string(),
    type: z.literal(type),
    /** When the change happened (ISO 8601, UTC). */
    createdAt: iso,
    data,
  });

/** The body of a webhook request, one member per event type. */
export const WebhookEventSchema = z.discriminatedUnion("type", [
  event("order.created", order),
  event("order.paid", order),
  event("order.fulfilled", order),
  event("order.cancelled", order),
  event(
    "order.refunded",
    z.object({
      order: OrderPayloadSchema,
      refund: z.object({
        id: z.number().int(),
        amount: z.number().int(),
        currency: z.string().length(3),
        reason: z.string().nullable(),
      }),
    }),
  ),
  event("return.requested", returnData),
  event("return.approved", returnData),
  event("return.rejected", returnData),
  event("return.received", returnData),
  event("return.refunded", returnData),
  event("product.created", product),
  event("product.updated", product),
  event(
    "product.deleted",
    z.object({ product: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }) }),
  ),
  event(
    "inventory.low_stock",
    z.object({
      variant: z.object({
        id: z.number().int(),
        productId: z.number().int(),
        productName: z.string(),
        sku: z.string(),
        title: z.string(),
        stockOnHand: z.number().int(),
        reserved: z.number().int(),
        available: z.number().int(),
        threshold: z.number().int(),
      }),
    }),
  ),
  event(
    "customer.created",
    z.object({ customer: z.object({ id: z.number().int(), email: z.string(), name: z.string(), createdAt: iso }) }),
  ),
]);

/** A webhook request's body: `switch (event.type)` narrows `event.data`. */
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;
export type WebhookData<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>["data"];
export type OrderPayload = z.infer<typeof OrderPayloadSchema>;
export type ProductPayload = z.infer<typeof ProductPayloadSchema>;
export type ReturnPayload = z.infer<typeof ReturnPayloadSchema>;

/** Parses a verified body into a typed event; throws on an unknown type or a payload of another shape. */
export function parseWebhookEvent(body: string): WebhookEvent {
  return WebhookEventSchema.parse(JSON.parse(body));
}
