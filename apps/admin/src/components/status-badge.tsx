import { statusLabels, type OrderStatus } from "../lib/orders.ts";

const tones: Record<OrderStatus, string> = {
  PENDING_PAYMENT: "border-amber-300 bg-amber-50 text-amber-900",
  PAID: "border-blue-300 bg-blue-50 text-blue-900",
  PROCESSING: "border-indigo-300 bg-indigo-50 text-indigo-900",
  SHIPPED: "border-violet-300 bg-violet-50 text-violet-900",
  DELIVERED: "border-green-300 bg-green-50 text-green-900",
  CANCELLED: "border-line bg-subtle text-ink",
  REFUNDED: "border-red-300 bg-red-50 text-red-900",
  PARTIALLY_REFUNDED: "border-orange-300 bg-orange-50 text-orange-900",
};

/** The status in words; the colour only helps scanning a long table. */
export function StatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${tones[status]}`}
      data-status={status}
    >
      {statusLabels[status]}
    </span>
  );
}
