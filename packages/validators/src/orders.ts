import { FulfillmentStatus, OrderPaymentStatus, OrderState, ReturnStatus } from "@shop/db/enums";
import { z } from "zod";
import { IdSchema, MinorUnitsSchema } from "./common.ts";

// The three statuses of an order, from the schema's enums (prisma/schema.prisma).
export const PaymentStatusFilterSchema = z.enum(OrderPaymentStatus);
export const FulfillmentStatusFilterSchema = z.enum(FulfillmentStatus);
/** ARCHIVED is never an order's state (archiving is a flag apart, `ArchivedFilterSchema`). */
export const OrderStateFilterSchema = z.enum(OrderState).exclude(["ARCHIVED"]);
/** The admin order list: archived orders hidden (default), only archived ones, or all. */
export const ArchivedFilterSchema = z.enum(["hide", "only", "all"]);
export const ArchiveOrdersSchema = z.object({ orderIds: z.array(IdSchema).min(1).max(100) }).strict();
export const AutoArchiveSchema = z.object({ autoArchive: z.boolean() }).strict();

export const ShipmentIdSchema = z.object({ orderId: IdSchema, shipmentId: IdSchema }).strict();

/** Days after delivery in which a shopper may ask to return items; 0 turns returns off. */
export const ReturnWindowSchema = z.number().int().min(0, "Enter 0 or more days").max(365, "At most 365 days");

export const ReturnLinesSchema = z
  .array(z.object({ orderItemId: IdSchema, quantity: z.number().int().min(1) }).strict())
  .min(1, "Choose at least one item to return")
  .max(100);

export const RequestReturnSchema = z
  .object({
    number: z.number().int().positive(),
    key: z.string().min(1, "This link is incomplete").max(200).optional(),
    items: ReturnLinesSchema,
    reason: z.string().trim().min(3, "Tell us why you are returning these items").max(500),
  })
  .strict();

export const ReturnIdSchema = z.object({ returnId: IdSchema }).strict();
export const DecideReturnSchema = z
  .object({ returnId: IdSchema, note: z.string().trim().max(500).optional() })
  .strict();
export const ReceiveReturnSchema = z
  .object({
    returnId: IdSchema,
    /** Per returned line: put its units back on the shelf. */
    restock: z.array(z.object({ orderItemId: IdSchema, restock: z.boolean() }).strict()).max(100),
  })
  .strict();
export const RefundReturnSchema = z
  .object({
    returnId: IdSchema,
    /** Less than the returned items' paid price for a partial refund; without, all of it. */
    amount: MinorUnitsSchema.optional(),
  })
  .strict();
export const AdminReturnListSchema = z.object({ status: z.enum(ReturnStatus).optional() }).strict();
export const ReturnWindowInputSchema = z.object({ days: ReturnWindowSchema }).strict();
