import { z } from "zod";
import { AddressSchema, EmailSchema } from "./account.ts";
import { CountryCodeSchema, IdSchema, MinorUnitsSchema, paginationFields } from "./common.ts";
import { MAX_LINE_QUANTITY } from "./limits.ts";
import {
  ArchivedFilterSchema,
  FulfillmentStatusFilterSchema,
  OrderStateFilterSchema,
  PaymentStatusFilterSchema,
} from "./orders.ts";

const Quantity = z
  .number()
  .int()
  .min(1, "At least 1")
  .max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} of an item`);

export const CartAddSchema = z.object({ variantId: IdSchema, quantity: Quantity.default(1) }).strict();
export const CartSetQuantitySchema = z.object({ itemId: IdSchema, quantity: Quantity }).strict();
export const CartItemSchema = z.object({ itemId: IdSchema }).strict();
export const CouponCodeSchema = z.object({ code: z.string().trim().min(1, "Enter a code").max(40) }).strict();

const SavedAddressSchema = z.object({ addressId: IdSchema }).strict();

/**
 * A saved address of the shopper's, or a new one. When neither fits, `expandUnionIssues`
 * (form-errors.ts) reports the problems of the one the input was meant for, on its fields.
 */
export const AddressChoiceSchema = z.union([SavedAddressSchema, AddressSchema]);

export const AddressFormatSchema = z.object({ country: CountryCodeSchema }).strict();

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

/** An unpaid order's payment, optionally with the way the shopper chose to pay. */
export const OrderPaymentSchema = OrderAccessSchema.extend({ method: z.enum(["card", "paypal"]).optional() }).strict();

export const TestCardPaymentSchema = z
  .object({
    clientSecret: z.string().min(10).max(200),
    number: z.string().trim().min(12, "Enter the card number").max(23, "A card number has at most 19 digits"),
    expMonth: z.number().int().min(1, "Enter a month from 01 to 12").max(12, "Enter a month from 01 to 12"),
    expYear: z.number().int().min(2000, "Enter the expiry year").max(2100, "Enter the expiry year"),
    cvc: z.string().trim().min(3, "Enter the security code").max(4, "The security code has 3 or 4 digits"),
  })
  .strict();

/** Luhn's checksum: catches a mistyped digit before the card goes anywhere. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * The card form as typed (number, "MM/YY", security code), checked in the browser before it is
 * sent, each problem on its field; the output is the API's TestCardPaymentSchema input.
 */
export const CardFormSchema = z
  .object({
    number: z
      .string()
      .transform((value) => value.replace(/[\s-]/g, ""))
      .pipe(
        z
          .string()
          .min(1, "Enter the card number")
          .regex(/^\d+$/, "A card number has only digits")
          .min(12, "This card number is too short")
          .max(19, "This card number is too long")
          .refine(luhnValid, "This card number is not valid: check the digits"),
      ),
    expiry: z
      .string()
      .trim()
      .min(1, "Enter the expiry date")
      .regex(/^(0?[1-9]|1[0-2])\s*\/\s*(\d{2}|\d{4})$/, "Enter the expiry date as MM/YY, e.g. 04/29")
      .transform((value) => {
        const [month = 0, year = 0] = value.split("/").map((part) => Number(part.trim()));
        return { expMonth: month, expYear: year < 100 ? 2000 + year : year };
      })
      .refine(({ expMonth, expYear }) => {
        const now = new Date();
        return expYear > now.getFullYear() || (expYear === now.getFullYear() && expMonth >= now.getMonth() + 1);
      }, "This card has expired"),
    cvc: z
      .string()
      .trim()
      .min(1, "Enter the security code")
      .regex(/^\d{3,4}$/, "The security code is the 3 or 4 digits on the back of the card"),
  })
  .strict()
  .transform(({ number, expiry, cvc }) => ({ number, ...expiry, cvc }));

export const MyOrdersSchema = z.object({ ...paginationFields(20) }).strict();

export const AdminOrderListSchema = z
  .object({
    paymentStatus: PaymentStatusFilterSchema.optional(),
    fulfillmentStatus: FulfillmentStatusFilterSchema.optional(),
    state: OrderStateFilterSchema.optional(),
    archived: ArchivedFilterSchema.optional(),
    attempts: z.boolean().optional(),
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
    carrier: z.string().trim().min(1, "Choose or enter the carrier").max(60),
    trackingNumber: z.string().trim().min(3, "Enter the tracking number").max(80),
    /** The units in this parcel; without, everything still waiting to ship. */
    items: z
      .array(z.object({ orderItemId: IdSchema, quantity: z.number().int().min(1) }).strict())
      .min(1, "Choose what is in the parcel")
      .max(100)
      .optional(),
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
