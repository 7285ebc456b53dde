import type { RouterOutputs } from "@shop/api";
import {
  AddressLines,
  eventWords,
  fulfillmentTones,
  orderHeadline,
  paymentLabels,
  paymentTones,
  shipmentLabels,
} from "@shop/client";
import { Badge, formatMoney } from "@shop/ui";
import { OrderTotals } from "./order-totals.tsx";
import { Link } from "./link.tsx";

// The base view of an order (the confirmation page has it); the order page adds what may be returned.
type Order = RouterOutputs["checkout"]["confirm"];

const when = (date: Date) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date);
/** The order's standing and, when it says something more, its payment, as badges in words. */
export function OrderStatusLine({ order }: { order: Pick<Order, "paymentStatus" | "fulfillmentStatus" | "state"> }) {
  const headline = orderHeadline(order);
  const payment = paymentLabels[order.paymentStatus];
  const tone =
    order.state === "CANCELLED"
      ? "danger"
      : order.fulfillmentStatus === "UNFULFILLED"
        ? paymentTones[order.paymentStatus]
        : fulfillmentTones[order.fulfillmentStatus];
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Badge tone={tone} data-testid="order-status">
        {headline}
      </Badge>
      {order.state !== "CANCELLED" && payment !== headline && (
        <Badge tone={paymentTones[order.paymentStatus]} data-testid="payment-status">
          {payment}
        </Badge>
      )}
    </span>
  );
}

function Parcels({ order }: { order: Order }) {
  if (order.shipments.length === 0) return null;
  const names = new Map(order.items.map((item) => [item.id, item.productName]));
  const count = order.shipments.length;
  return (
    <section aria-labelledby="parcels-title">
      <h2 id="parcels-title" className="mb-2 font-semibold">
        {count === 1 ? "Your parcel" : `Your ${count} parcels`}
      </h2>
      <ol className="space-y-3">
        {order.shipments.map((parcel, index) => (
          <li key={parcel.id} className="rounded-lg border border-line p-3 text-sm" data-testid="parcel">
            <p className="font-medium">
              {count > 1 && `Parcel ${index + 1} of ${count} · `}
              {parcel.carrierName} · {shipmentLabels[parcel.status]}
              {parcel.deliveredAt ? ` ${when(parcel.deliveredAt)}` : ` since ${when(parcel.shippedAt)}`}
            </p>
            {parcel.trackingNumber &&
              (parcel.trackingUrl ? (
                <p>
                  <a href={parcel.trackingUrl} className="font-medium text-brand-700 underline" rel="noreferrer">
                    Track parcel {parcel.trackingNumber} with {parcel.carrierName}
                  </a>
                </p>
              ) : (
                <p>
                  Tracking number <strong className="font-mono">{parcel.trackingNumber}</strong>
                </p>
              ))}
            <ul className="text-muted">
              {parcel.items.map((item) => (
                <li key={item.orderItemId}>
                  {item.quantity} × {names.get(item.orderItemId) ?? "item"}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** An order as the shopper sees it: status, parcels, timeline, items, addresses and totals. */
export function OrderView({ order }: { order: Order }) {
  const address = order.shippingAddress;
  return (
    <div className="space-y-8">
      <p className="flex flex-wrap items-center gap-2 text-lg">
        Status: <OrderStatusLine order={order} />
        {order.cancelReason && <span className="text-muted"> — {order.cancelReason}</span>}
      </p>
      <Parcels order={order} />
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="mb-2 font-semibold">
          Timeline
        </h2>
        <ol className="space-y-2 border-l-2 border-line pl-4">
          {order.events.map((event) => (
            <li key={event.id} className="text-sm">
              <strong>{eventWords(event)}</strong> ·{" "}
              <time dateTime={event.createdAt.toISOString()}>{when(event.createdAt)}</time>
              {event.message && <span className="text-muted"> — {event.message}</span>}
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
                {item.discountAmount > 0 && (
                  <p className="text-green-800" data-testid="line-discount">
                    {formatMoney(item.unitPrice * item.quantity, order.currency)} less{" "}
                    {formatMoney(item.discountAmount, order.currency)}
                    {order.couponCode ? ` from code ${order.couponCode}` : " discount"}
                  </p>
                )}
              </div>
              <p className="text-right tabular-nums">
                {item.discountAmount > 0 && (
                  <s className="block text-xs text-muted">
                    <span className="sr-only">Before the discount: </span>
                    {formatMoney(item.unitPrice * item.quantity, order.currency)}
                  </s>
                )}
                {formatMoney(item.total, order.currency)}
              </p>
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
              <AddressLines address={address} />
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
