import type { RouterOutputs } from "@shop/api";
import { formatMoney } from "@shop/ui";
import { Link } from "react-router";
import { OrderTotals } from "./order-totals.tsx";

type Order = RouterOutputs["orders"]["get"];

const when = (date: Date) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date);
export const statusLabel = (status: Order["status"]) =>
  ({
    PENDING_PAYMENT: "Awaiting payment",
    PAID: "Paid",
    PROCESSING: "Being prepared",
    SHIPPED: "Shipped",
    DELIVERED: "Delivered",
    CANCELLED: "Cancelled",
    REFUNDED: "Refunded",
    PARTIALLY_REFUNDED: "Partly refunded",
  })[status];

/** An order as the shopper sees it: status timeline, tracking, items, addresses and totals. */
export function OrderView({ order }: { order: Order }) {
  const address = order.shippingAddress;
  return (
    <div className="space-y-8">
      <p className="text-lg">
        Status: <strong data-testid="order-status">{statusLabel(order.status)}</strong>
        {order.cancelReason && <span className="text-muted"> — {order.cancelReason}</span>}
      </p>
      {order.trackingNumber && (
        <p>
          Shipped with {order.carrier}: tracking number <strong>{order.trackingNumber}</strong>
        </p>
      )}
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="mb-2 font-semibold">
          Timeline
        </h2>
        <ol className="space-y-2 border-l-2 border-line pl-4">
          {order.events.map((event) => (
            <li key={event.id} className="text-sm">
              <strong>{statusLabel(event.toStatus)}</strong> ·{" "}
              <time dateTime={event.createdAt.toISOString()}>{when(event.createdAt)}</time>
              {event.message && <span className="text-muted"> — {event.message}</span>}
              {event.trackingNumber && (
                <span>
                  {" "}
                  ({event.carrier} {event.trackingNumber})
                </span>
              )}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="items-title">
        <h2 id="items-title" className="mb-2 font-semibold">
          Items
        </h2>
        <ul className="divide-y divide-line">
          {order.items.map((item) => (
            <li key={item.id} className="flex items-center gap-4 py-3">
              {item.imageUrl && (
                <img
                  src={item.imageUrl}
                  alt=""
                  width={64}
                  height={64}
                  loading="lazy"
                  className="size-16 rounded bg-subtle"
                />
              )}
              <div className="flex-1 text-sm">
                {item.slug ? (
                  <Link to={`/p/${item.slug}`} className="font-medium hover:underline">
                    {item.productName}
                  </Link>
                ) : (
                  <span className="font-medium">{item.productName}</span>
                )}
                {item.variantTitle && <p className="text-muted">{item.variantTitle}</p>}
                <p>
                  {item.quantity} × {formatMoney(item.unitPrice, order.currency)}
                  {item.refundedQuantity > 0 && ` · ${item.refundedQuantity} refunded`}
                </p>
              </div>
              <p className="tabular-nums">{formatMoney(item.total, order.currency)}</p>
            </li>
          ))}
        </ul>
      </section>
      <div className="grid gap-6 sm:grid-cols-2">
        {address && (
          <section aria-labelledby="ship-to-title">
            <h2 id="ship-to-title" className="mb-2 font-semibold">
              Shipping to
            </h2>
            <address className="text-sm not-italic">
              {address.fullName}
              <br />
              {address.line1}
              {address.line2 && (
                <>
                  <br />
                  {address.line2}
                </>
              )}
              <br />
              {address.postalCode} {address.city}
              {address.region ? `, ${address.region}` : ""}
              <br />
              {address.country}
            </address>
            <p className="mt-2 text-sm text-muted">{order.shippingMethodName}</p>
          </section>
        )}
        <section aria-label="Totals">
          <OrderTotals
            totals={{
              subtotal: order.subtotal,
              discount: order.discountTotal,
              shipping: order.shippingTotal,
              tax: order.taxTotal,
              total: order.total,
              refunded: order.refundedTotal,
            }}
            currency={order.currency}
            couponCode={order.couponCode}
          />
        </section>
      </div>
    </div>
  );
}
