import { formatMoney, TableScroll } from "@shop/ui";
import type { Order } from "../../lib/orders.ts";

export function OrderItems({ order }: { order: Order }) {
  const money = (minor: number) => formatMoney(minor, order.currency);
  return (
    <section aria-labelledby="items-title">
      <h2 id="items-title" className="mb-2 text-lg font-semibold">
        Items
      </h2>
      <TableScroll label="Items" className="rounded-lg border border-line">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="bg-subtle text-xs uppercase text-muted">
            <tr>
              <th scope="col" className="p-3">
                Product
              </th>
              <th scope="col" className="p-3">
                SKU
              </th>
              <th scope="col" className="p-3 text-right">
                Unit price
              </th>
              <th scope="col" className="p-3 text-right">
                Qty
              </th>
              <th scope="col" className="p-3 text-right">
                Refunded
              </th>
              <th scope="col" className="p-3 text-right">
                Line total
              </th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => (
              <tr key={item.id} className="border-t border-line" data-testid="order-item">
                <th scope="row" className="p-3 font-normal">
                  <div className="flex items-center gap-3">
                    {item.imageUrl ? (
                      <img
                        src={item.imageUrl}
                        alt=""
                        width={40}
                        height={40}
                        loading="lazy"
                        className="size-10 shrink-0 rounded bg-subtle object-cover"
                      />
                    ) : (
                      <span aria-hidden="true" className="size-10 shrink-0 rounded bg-subtle" />
                    )}
                    <span>
                      <span className="block font-medium">{item.productName}</span>
                      {item.variantTitle && <span className="block text-muted">{item.variantTitle}</span>}
                    </span>
                  </div>
                </th>
                <td className="p-3 font-mono text-xs">{item.sku}</td>
                <td className="p-3 text-right tabular-nums">{money(item.unitPrice)}</td>
                <td className="p-3 text-right tabular-nums">{item.quantity}</td>
                <td className="p-3 text-right tabular-nums">{item.refundedQuantity || "—"}</td>
                <td className="p-3 text-right tabular-nums">
                  {money(item.total)}
                  {item.discountAmount > 0 && (
                    <span className="block text-xs text-muted">after {money(item.discountAmount)} off</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <OrderTotals order={order} />
    </section>
  );
}

function Line({
  label,
  value,
  strong = false,
  testId,
}: {
  label: string;
  value: string;
  strong?: boolean;
  testId?: string;
}) {
  const border = strong ? "border-t border-line pt-1 font-semibold" : "";
  return (
    <>
      <dt className={strong ? border : "text-muted"}>{label}</dt>
      <dd className={`text-right tabular-nums ${border}`} data-testid={testId}>
        {value}
      </dd>
    </>
  );
}

function OrderTotals({ order }: { order: Order }) {
  const money = (minor: number) => formatMoney(minor, order.currency);
  return (
    <dl className="ml-auto mt-3 grid max-w-sm grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" aria-label="Totals">
      <Line label="Subtotal" value={money(order.subtotal)} />
      {order.discountTotal > 0 && (
        <Line
          label={`Discount${order.couponCode ? ` (code ${order.couponCode})` : ""}`}
          value={`−${money(order.discountTotal)}`}
        />
      )}
      <Line
        label={`Shipping${order.shippingMethodName ? ` (${order.shippingMethodName})` : ""}`}
        value={money(order.shippingTotal)}
      />
      <Line label="Tax" value={money(order.taxTotal)} />
      <Line label="Total" value={money(order.total)} strong />
      <Line label="Refunded" value={money(order.refundedTotal)} testId="refunded-total" />
    </dl>
  );
}
