import { formatMoney } from "@shop/ui";
import { lineRefundAmount, type Order } from "../../lib/orders.ts";

export type Quantities = Record<number, string>;

/** Units of each line chosen for a refund, as the API wants them. */
export function chosenLines(order: Order, quantities: Quantities) {
  return order.items.flatMap((item) => {
    const quantity = Number(quantities[item.id] || 0);
    return quantity > 0 ? [{ orderItemId: item.id, quantity }] : [];
  });
}

export function linesAmount(order: Order, quantities: Quantities): number {
  return chosenLines(order, quantities).reduce((sum, line) => {
    const item = order.items.find((candidate) => candidate.id === line.orderItemId);
    return sum + (item ? lineRefundAmount(item, Math.min(line.quantity, item.quantity - item.refundedQuantity)) : 0);
  }, 0);
}

export function RefundLines({
  order,
  quantities,
  onChange,
  error,
}: {
  order: Order;
  quantities: Quantities;
  onChange: (next: Quantities) => void;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={error ? "refund-lines-error" : undefined}>
      <legend className="mb-2 text-sm font-medium">Units to refund per line</legend>
      <ul className="divide-y divide-line rounded-md border border-line text-sm">
        {order.items.map((item) => {
          const remaining = item.quantity - item.refundedQuantity;
          const id = `refund-qty-${item.id}`;
          return (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <label htmlFor={id} className="min-w-0 flex-1">
                <span className="block font-medium">
                  {item.productName}
                  {item.variantTitle ? ` (${item.variantTitle})` : ""}
                </span>
                <span className="block text-muted">
                  {remaining > 0
                    ? `${remaining} of ${item.quantity} refundable · ${formatMoney(lineRefundAmount(item, remaining), order.currency)}`
                    : "Fully refunded"}
                </span>
              </label>
              <input
                id={id}
                type="number"
                inputMode="numeric"
                min={0}
                max={remaining}
                step={1}
                disabled={remaining === 0}
                value={quantities[item.id] ?? "0"}
                onChange={(event) => onChange({ ...quantities, [item.id]: event.target.value })}
                aria-invalid={error ? true : undefined}
                className="min-h-10 w-20 rounded-md border border-line bg-surface px-2 text-right tabular-nums"
              />
            </li>
          );
        })}
      </ul>
      {error && (
        <p id="refund-lines-error" role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
