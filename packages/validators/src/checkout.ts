import { z } from "zod";
import { AddressSchema, EmailSchema } from "./account.ts";
import { CountryCodeSchema, IdSchema, MinorUnitsSchema, paginationFields } from "./common.ts";

const Quantity = z.number().int().min(1, "At least 1").max(10, "At most 10 of an item");

export const CartAddSchema = z.object({ variantId: IdSchema, quantity: Quantity.default(1) }).strict();
export const CartSetQuantitySchema = z.object({ itemId: IdSchema, quantity: Quantity }).strict();
export const CartItemSchema = z.object({ itemId: IdSchema }).strict();
export const CouponCodeSchema = z.object({ code: z.string().trim().min(1, "Enter a code").max(40) }).strict();

/** A saved address of the shopper's, or a new one. */
export const AddressChoiceSchema = z.union([z.object({ addressId: IdSchema }).strict(), AddressSchema]);

export const CheckoutQuoteSchema = z
  .object({
    country: CountryCodeSchema,
    region: z.string().trim().max(100).nullish(),
    shippingMethod: z.string().max(40).optional(),
  })
  .strict();

export const PlaceOrderSchema = z
  .object({
    /** A fresh UUID per checkout attempt: a double click, retry or replay creates one order. */
    idempotencyKey: z.uuid(),
    /** Required for guests; signed-in shoppers default to their account's email. */
    email: EmailSchema.optional(),
    shippingAddress: AddressChoiceSchema,
    billingAddress: AddressSchema.nullish(),
    shippingMethod: z.string().min(1, "Choose a shipping method").max(40),
    saveAddress: z.boolean().default(false),
  })
  .strict();
export type PlaceOrderInput = z.input<typeof PlaceOrderSchema>;

export const OrderNumberSchema = z.object({ number: z.number().int().positive() }).strict();
export const GuestOrderSchema = z.object({ number: z.number().int().positive(), email: EmailSchema }).strict();
/** The secret key of an order's link (`/orders/<number>#key=…`), as the checkout returned it. */
export const OrderKeySchema = z.string().min(1, "This link is incomplete").max(200);
/** The signed-in shopper's order by number, or anyone's by number and its secret link's key. */
export const OrderAccessSchema = z
  .object({ number: z.number().int().positive(), key: OrderKeySchema.optional() })
  .strict();

export const TestCardPaymentSchema = z
  .object({
    clientSecret: z.string().min(10).max(200),
    number: z.string().trim().min(12, "Enter the card number").max(23),
    expMonth: z.number().int().min(1).max(12),
    expYear: z.number().int().min(2000).max(2100),
    cvc: z.string().trim().min(3, "Enter the security code").max(4),
  })
  .strict();

export const MyOrdersSchema = z.object({ ...paginationFields(20) }).strict();

export const OrderStatusSchema = z.enum([
  "PENDING_PAYMENT",
  "PAID",
  "PROCESSING",
  "SHIPPED",
  "DELIVERED",
  "CANCELLED",
  "REFUNDED",
  "PARTIALLY_REFUNDED",
]);

export const AdminOrderListSchema = z
  .object({
    status: OrderStatusSchema.optional(),
    search: z.string().trim().max(254).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    customerId: IdSchema.optional(),
    minTotal: MinorUnitsSchema.optional(),
    maxTotal: MinorUnitsSchema.optional(),
    ...paginationFields(50),
  })
  .strict();

export const OrderIdSchema = z.object({ orderId: IdSchema }).strict();
export const ShipOrderSchema = z
  .object({
    orderId: IdSchema,
    carrier: z.string().trim().min(1, "Enter the carrier").max(60),
    trackingNumber: z.string().trim().min(3, "Enter the tracking number").max(80),
  })
  .strict();
export const CancelOrderSchema = z
  .object({ orderId: IdSchema, reason: z.string().trim().min(1, "Give a reason").max(300) })
  .strict();
export const OrderNoteSchema = z
  .object({ orderId: IdSchema, body: z.string().trim().min(1, "Write a note").max(2000) })
  .strict();
export const RefundOrderSchema = z
  .object({
    orderId: IdSchema,
    items: z
      .array(z.object({ orderItemId: IdSchema, quantity: z.number().int().min(1) }).strict())
      .max(100)
      .optional(),
    amount: z.number().int().min(1).max(100_000_000).optional(),
    restock: z.boolean().default(false),
    reason: z.string().trim().min(1, "Give a reason").max(300),
  })
  .strict()
  .refine((input) => !(input.items?.length && input.amount !== undefined), {
    message: "Refund either lines or an amount",
    path: ["amount"],
  });
