import { FulfillmentStatus, OrderPaymentStatus, OrderState, ReviewStatus, Role } from "@shop/db/enums";
import { z } from "zod";
import type { getCustomer, listCustomers } from "../services/admin/customers.ts";
import type { Fits, Out } from "./fits.ts";

// What the staff customer procedures answer (see outputs/catalog.ts for how these stay true).

const id = z.number().int();
const customerFields = {
  id,
  name: z.string(),
  email: z.string(),
  role: z.enum(Role),
  disabledAt: z.date().nullable(),
  createdAt: z.date(),
  lastSignInAt: z.date().nullable(),
  orderCount: z.number().int(),
};

export const CustomerListOutput = z.object({
  items: z.array(z.object(customerFields)),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<Out<typeof listCustomers>>;

export const CustomerOutput = z.object({
  ...customerFields,
  defaultShippingAddressId: id.nullable(),
  defaultBillingAddressId: id.nullable(),
  addresses: z.array(
    z.object({
      id,
      fullName: z.string(),
      company: z.string().nullable(),
      line1: z.string(),
      line2: z.string().nullable(),
      city: z.string(),
      region: z.string().nullable(),
      postalCode: z.string(),
      country: z.string(),
      phone: z.string().nullable(),
    }),
  ),
  /** The 20 latest. */
  orders: z.array(
    z.object({
      id,
      number: z.number().int(),
      paymentStatus: z.enum(OrderPaymentStatus),
      fulfillmentStatus: z.enum(FulfillmentStatus),
      state: z.enum(OrderState),
      total: z.number().int(),
      currency: z.string(),
      placedAt: z.date(),
    }),
  ),
  /** The 20 latest. */
  reviews: z.array(
    z.object({
      id,
      rating: z.number().int(),
      title: z.string(),
      status: z.enum(ReviewStatus),
      createdAt: z.date(),
      product: z.object({ name: z.string(), slug: z.string() }),
    }),
  ),
}) satisfies z.ZodType<Out<typeof getCustomer>>;

// The services' answers fit the documented schemas (see fits.ts).
export type CustomerFits = [
  Fits<Out<typeof listCustomers>, typeof CustomerListOutput>,
  Fits<Out<typeof getCustomer>, typeof CustomerOutput>,
];
