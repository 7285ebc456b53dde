import type { RouterOutputs } from "@shop/api";
import { OrderStatusSchema } from "@shop/validators";

export type Order = RouterOutputs["admin"]["orders"]["get"];
export type OrderStatus = Order["status"];
export type OrderItem = Order["items"][number];

export const orderStatuses = OrderStatusSchema.options;
export const isOrderStatus = (value: string | null): value is OrderStatus =>
  orderStatuses.some((status) => status === value);

export const statusLabels: Record<OrderStatus, string> = {
  PENDING_PAYMENT: "Pending payment",
  PAID: "Paid",
  PROCESSING: "Processing",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
  REFUNDED: "Refunded",
  PARTIALLY_REFUNDED: "Partially refunded",
};

// A mirror of the server's status machine (services/orders/transitions.ts), used only to decide
// which buttons to show; the server decides and says why when it refuses.
const beforeShipping: readonly OrderStatus[] = ["PENDING_PAYMENT", "PAID", "PROCESSING"];
const refundableStatuses: readonly OrderStatus[] = ["PAID", "PROCESSING", "SHIPPED", "DELIVERED", "PARTIALLY_REFUNDED"];
const shippedStatuses: readonly OrderStatus[] = ["SHIPPED", "DELIVERED", "PARTIALLY_REFUNDED"];

type Money = Pick<Order, "status" | "payments" | "refunds">;

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

export function orderActions(order: Money) {
  const { status } = order;
  return {
    markProcessing: status === "PAID",
    ship: status === "PAID" || status === "PROCESSING",
    markDelivered: status === "SHIPPED",
    cancel: beforeShipping.includes(status),
    refund: refundableStatuses.includes(status) && refundableAmount(order) > 0,
    /** Returned units can go back on the shelf only once they have left it. */
    restock: shippedStatuses.includes(status),
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
