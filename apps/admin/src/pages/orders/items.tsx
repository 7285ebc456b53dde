import { DataTable, formatMoney, type Column } from "@shop/ui";
import type { Order } from "../../lib/orders.ts";

type Item = Order["items"][number];

const itemColumns = (currency: string): Column<Item>[] => {
  const money = (minor: number) => formatMoney(minor, currency);
  return [
    {
      key: "product",
      header: "Product",
      rowHeader: true,
      className: "font-normal",
      cell: (item) => (
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
            <span className="block font-mono text-xs text-muted">SKU {item.sku}</span>
          </span>
        </div>
      ),
    },
    { key: "unit", header: "Unit price", align: "right", cell: (item) => money(item.unitPrice) },
    { key: "qty", header: "Qty", align: "right", cell: (item) => item.quantity },
    { key: "refunded", header: "Refunded", align: "right", cell: (item) => item.refundedQuantity || "—" },
    {
      key: "total",
      header: "Line total",
      align: "right",
      cell: (item) => (
        <>
          {money(item.total)}
          {item.discountAmount > 0 && (
            <span className="block text-xs text-muted">after {money(item.discountAmount)} off</span>
          )}
        </>
      ),
    },
  ];
};

export function OrderItems({ order }: { order: Order }) {
  return (
    <section aria-labelledby="items-title">
      <h2 id="items-title" className="mb-2 text-lg font-semibold">
        Items
      </h2>
      <DataTable label="Items" rows={order.items} columns={itemColumns(order.currency)} rowTestId="order-item" />
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
