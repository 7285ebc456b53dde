import type { RouterOutputs } from "@shop/api";

type Order = RouterOutputs["orders"]["get"];
export type PaymentStatus = Order["paymentStatus"];
export type FulfillmentStatus = Order["fulfillmentStatus"];
export type OrderState = Order["state"];
export type ShipmentStatus = Order["shipments"][number]["status"];

// An order's three statuses in plain words, the same in the storefront and the admin.
export const paymentLabels: Record<PaymentStatus, string> = {
  PENDING: "Awaiting payment",
  AUTHORIZED: "Authorized",
  PAID: "Paid",
  PARTIALLY_REFUNDED: "Partly refunded",
  REFUNDED: "Refunded",
  VOIDED: "Payment abandoned",
  FAILED: "Payment declined",
};

export const fulfillmentLabels: Record<FulfillmentStatus, string> = {
  UNFULFILLED: "Not shipped yet",
  PARTIALLY_FULFILLED: "Partly shipped",
  FULFILLED: "Shipped",
  DELIVERED: "Delivered",
  RETURNED: "Returned",
};

export const stateLabels: Record<OrderState, string> = { OPEN: "Open", CANCELLED: "Cancelled", ARCHIVED: "Archived" };

export const shipmentLabels: Record<ShipmentStatus, string> = { SHIPPED: "On its way", DELIVERED: "Delivered" };

export type Tone = "neutral" | "info" | "progress" | "success" | "warning" | "danger";

export const paymentTones: Record<PaymentStatus, Tone> = {
  PENDING: "warning",
  AUTHORIZED: "info",
  PAID: "success",
  PARTIALLY_REFUNDED: "warning",
  REFUNDED: "danger",
  VOIDED: "neutral",
  FAILED: "danger",
};

export const fulfillmentTones: Record<FulfillmentStatus, Tone> = {
  UNFULFILLED: "neutral",
  PARTIALLY_FULFILLED: "progress",
  FULFILLED: "progress",
  DELIVERED: "success",
  RETURNED: "warning",
};

/**
 * Where the order stands, in the words a shopper would use: cancelled, or what happened to the
 * parcel once something shipped, or else where the payment is ("Paid", "Awaiting payment").
 */
export function orderHeadline(order: Pick<Order, "paymentStatus" | "fulfillmentStatus" | "state">): string {
  if (order.state === "CANCELLED") return "Cancelled";
  if (order.fulfillmentStatus === "UNFULFILLED") return paymentLabels[order.paymentStatus];
  return fulfillmentLabels[order.fulfillmentStatus];
}

// History entries from before the statuses were split keep their old names (kind "status").
const legacyWords: Record<string, string> = {
  PENDING_PAYMENT: "Awaiting payment",
  PAID: "Paid",
  PROCESSING: "Being prepared",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
  REFUNDED: "Refunded",
  PARTIALLY_REFUNDED: "Partly refunded",
};

const lookup = (labels: Record<string, string>, value: string) =>
  labels[value] ?? value.toLowerCase().replaceAll("_", " ");

/** One history entry in plain words, whichever status it moved. */
export function eventWords(event: { kind: string; fromStatus: string | null; toStatus: string }): string {
  switch (event.kind) {
    case "payment":
      return event.fromStatus === null
        ? "Order placed"
        : `Payment: ${lookup(paymentLabels, event.toStatus).toLowerCase()}`;
    case "fulfillment":
      return `Fulfilment: ${lookup(fulfillmentLabels, event.toStatus).toLowerCase()}`;
    case "state":
      return `Order ${lookup(stateLabels, event.toStatus).toLowerCase()}`;
    case "archive":
      return event.toStatus === "ARCHIVED" ? "Order archived" : "Order unarchived";
    case "shipment":
      return event.toStatus === "DELIVERED" ? "Parcel delivered" : "Parcel shipped";
    case "return":
      return `Return ${lookup(returnLabels, event.toStatus).toLowerCase()}`;
    default:
      return lookup(legacyWords, event.toStatus);
  }
}

export type ReturnStatus = Order["returns"][number]["status"];

export const returnLabels: Record<ReturnStatus, string> = {
  REQUESTED: "Requested",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  RECEIVED: "Received",
  REFUNDED: "Refunded",
};
