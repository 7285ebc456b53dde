import { formatMoney } from "@shop/ui";
import { eventWords } from "@shop/client";
import { formatDateTime } from "../../lib/format.ts";
import type { Order } from "../../lib/orders.ts";

const actors: Record<Order["events"][number]["actorType"], string> = {
  STAFF: "Staff",
  SYSTEM: "System",
  CUSTOMER: "Customer",
};
const refundStates: Record<Order["refunds"][number]["status"], string> = {
  PENDING: "Pending",
  SUCCEEDED: "Refunded",
  FAILED: "Failed",
};

export function Timeline({ order }: { order: Order }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="mb-2 text-lg font-semibold">
        Timeline
      </h2>
      {order.events.length === 0 ? (
        <p className="text-sm text-muted">No events yet.</p>
      ) : (
        <ol className="space-y-3 border-l-2 border-line pl-4 text-sm" data-testid="timeline">
          {order.events.map((event) => (
            <li key={event.id}>
              <p className="font-medium">{eventWords(event)}</p>
              <p className="text-muted">
                {actors[event.actorType]} ·{" "}
                <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time>
              </p>
              {event.message && <p>{event.message}</p>}
              {event.carrier && (
                <p>
                  Shipped with {event.carrier}
                  {event.trackingNumber && (
                    <>
                      , tracking <span className="font-mono">{event.trackingNumber}</span>
                    </>
                  )}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function Refunds({ order }: { order: Order }) {
  if (order.refunds.length === 0) return null;
  return (
    <section aria-labelledby="refunds-title">
      <h2 id="refunds-title" className="mb-2 text-lg font-semibold">
        Refunds
      </h2>
      <ul className="divide-y divide-line rounded-lg border border-line text-sm">
        {order.refunds.map((refund) => (
          <li key={refund.id} className="flex flex-wrap justify-between gap-2 p-3">
            <span>
              <span className="font-medium">{refundStates[refund.status]}</span> · {formatDateTime(refund.createdAt)}
              {refund.actor && ` · by ${refund.actor.name}`}
              {refund.reason && <span className="block text-muted">{refund.reason}</span>}
            </span>
            <span className="tabular-nums">{formatMoney(refund.amount, order.currency)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
