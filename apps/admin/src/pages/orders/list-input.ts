import type { RouterInputs } from "@shop/api";
import {
  ArchivedFilterSchema,
  FulfillmentStatusFilterSchema,
  OrderStateFilterSchema,
  PaymentStatusFilterSchema,
} from "@shop/validators";
import { localDay } from "../../lib/dates.ts";
import { parseMoney } from "../../lib/money.ts";

export type OrderListInput = RouterInputs["admin"]["orders"]["list"];

/** The filters' names in the URL, so a filtered list can be shared and the back button works. */
export const filterParams = [
  "q",
  "payment",
  "fulfillment",
  "state",
  "archived",
  "attempts",
  "from",
  "to",
  "customerId",
  "min",
  "max",
] as const;

const amount = (text: string | null, currency: string | undefined) => {
  const minor = text && currency ? parseMoney(text, currency) : null;
  return minor === null || Number.isNaN(minor) ? undefined : minor;
};

/** Reads the list's API input from the URL. Totals are typed in major units, sent in minor ones. */
export function orderListInput(params: URLSearchParams, currency: string | undefined): OrderListInput {
  const customerId = Number(params.get("customerId"));
  return {
    search: params.get("q")?.trim() || undefined,
    paymentStatus: PaymentStatusFilterSchema.safeParse(params.get("payment")).data,
    fulfillmentStatus: FulfillmentStatusFilterSchema.safeParse(params.get("fulfillment")).data,
    state: OrderStateFilterSchema.safeParse(params.get("state")).data,
    // Archived orders are hidden unless asked for, as in Shopify.
    archived: ArchivedFilterSchema.safeParse(params.get("archived")).data,
    // Declined and abandoned payment attempts are left out unless asked for.
    attempts: params.get("attempts") === "1" || undefined,
    from: localDay(params.get("from")),
    // The "to" day is included: the API's bound is exclusive, so send the next midnight.
    to: localDay(params.get("to"), 1),
    customerId: Number.isInteger(customerId) && customerId > 0 ? customerId : undefined,
    minTotal: amount(params.get("min"), currency),
    maxTotal: amount(params.get("max"), currency),
    limit: 50,
  };
}
