import type { RouterOutputs } from "@shop/api";

export type Order = RouterOutputs["admin"]["orders"]["get"];
export type OrderItem = Order["items"][number];

type Money = Pick<
  Order,
  "paymentStatus" | "fulfillmentStatus" | "state" | "payments" | "refunds" | "items" | "shipments"
>;

/** What can still be refunded: captured, minus refunded, minus refunds on their way. */
export function refundableAmount(order: Pick<Order, "payments" | "refunds">): number {
  const captured = order.payments
    .filter((payment) => payment.status === "SUCCEEDED")
    .reduce((sum, payment) => sum + payment.capturedAmount - payment.refundedAmount, 0);
  const pending = order.refunds
    .filter((refund) => refund.status === "PENDING")
    .reduce((sum, refund) => sum + refund.amount, 0);
  return Math.max(0, captured - pending);
}

/** Units of a line still waiting to ship (refunds take unshipped units first), as the server counts. */
export const unitsToShip = (item: Pick<OrderItem, "quantity" | "shippedQuantity" | "refundedQuantity">) =>
  Math.max(0, item.quantity - item.shippedQuantity - item.refundedQuantity);

// A mirror of the server's rules (services/orders/transitions.ts, fulfil.ts), used only to decide
// which buttons to show; the server decides and says why when it refuses.
export function orderActions(order: Money) {
  const open = order.state === "OPEN";
  const paid = order.paymentStatus === "PAID" || order.paymentStatus === "PARTIALLY_REFUNDED";
  return {
    ship: open && paid && order.items.some((item) => unitsToShip(item) > 0),
    markDelivered: order.shipments.some((shipment) => shipment.status === "SHIPPED"),
    cancel: open && order.fulfillmentStatus === "UNFULFILLED",
    refund: paid && refundableAmount(order) > 0,
    /** Returned units can go back on the shelf only once they have left it. */
    restock: order.items.some((item) => item.shippedQuantity > 0),
  };
}

/**
 * The paid price of `quantity` more units of a line, as the server computes it: a share of the
 * line total, the last unit taking the rounding.
 */
export function lineRefundAmount(
  item: Pick<OrderItem, "total" | "quantity" | "refundedQuantity">,
  quantity: number,
): number {
  if (quantity <= 0) return 0;
  const remainingAfter = item.quantity - item.refundedQuantity - quantity;
  if (remainingAfter === 0) return item.total - Math.round((item.total * item.refundedQuantity) / item.quantity);
  return Math.round((item.total * quantity) / item.quantity);
}
