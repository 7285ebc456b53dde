import { FulfillmentStatus, OrderPaymentStatus, OrderState, ReturnStatus } from "@shop/db/enums";
import { z } from "zod";
import { IdSchema, MinorUnitsSchema, paginationFields } from "./common.ts";

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
export const ReturnWindowSchema = z
  .number({ error: "Enter a number of days, 0 to turn returns off" })
  .int("Enter a whole number of days")
  .min(0, "Enter 0 or more days")
  .max(365, "Enter at most 365 days");

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
/** Returns that still need staff: to decide, to receive once the parcel comes, or to refund. */
export const openReturnStatuses = ["REQUESTED", "APPROVED", "RECEIVED"] as const satisfies readonly ReturnStatus[];
/** A return list filter: one status, or "OPEN" for every return still to process (the to-do home's count). */
export const ReturnStatusFilterSchema = z.union([z.enum(ReturnStatus), z.literal("OPEN")]);
export const returnStatusFilters: readonly z.infer<typeof ReturnStatusFilterSchema>[] = [
  "OPEN",
  ...z.enum(ReturnStatus).options,
];
export const AdminReturnListSchema = z
  .object({ status: ReturnStatusFilterSchema.optional(), ...paginationFields(50) })
  .strict();
export const ReturnWindowInputSchema = z.object({ days: ReturnWindowSchema }).strict();

/** A selection of orders for a bulk document (packing slips, CSV): sent a batch at a time. */
export const OrderSelectionSchema = z
  .object({ ids: z.array(IdSchema).min(1, "Select at least one order").max(50) })
  .strict();

/** The columns of an order CSV export, in order. Money in major units with the currency beside it. */
export const ORDER_CSV_COLUMNS = [
  "order_number",
  "placed_at",
  "email",
  "ship_to",
  "country",
  "payment_status",
  "fulfillment_status",
  "state",
  "units",
  "currency",
  "subtotal",
  "discount",
  "shipping",
  "tax",
  "total",
  "refunded",
] as const;
