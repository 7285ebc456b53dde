import { shipmentLabels, useTRPC } from "@shop/client";
import { Badge, Button, FormMessage } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { formatDateTime } from "../../lib/format.ts";
import type { Order } from "../../lib/orders.ts";
import { useOrderUpdated } from "./use-order-updated.ts";

/** The order's parcels: what is in each, the carrier's tracking link, and "delivered" per parcel. */
export function Shipments({ order, onDone }: { order: Order; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const updated = useOrderUpdated();
  const deliver = useMutation(
    trpc.admin.orders.markShipmentDelivered.mutationOptions({
      onSuccess: (next) => {
        updated(next);
        onDone(`Parcel marked as delivered.`);
      },
    }),
  );
  if (order.shipments.length === 0) return null;
  const lines = new Map(order.items.map((item) => [item.id, item]));
  return (
    <section aria-labelledby="shipments-title">
      <h2 id="shipments-title" className="mb-2 text-lg font-semibold">
        Parcels
      </h2>
      <ol className="space-y-3">
        {order.shipments.map((shipment, index) => (
          <li key={shipment.id} className="rounded-lg border border-line p-3 text-sm" data-testid="shipment">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium">
                Parcel {index + 1} · {shipment.carrierName}{" "}
                <Badge tone={shipment.status === "DELIVERED" ? "success" : "progress"}>
                  {shipmentLabels[shipment.status]}
                </Badge>
              </p>
              {shipment.status === "SHIPPED" && (
                <Button
                  variant="secondary"
                  disabled={deliver.isPending}
                  onClick={() => deliver.mutate({ orderId: order.id, shipmentId: shipment.id })}
                >
                  Mark parcel {index + 1} delivered
                </Button>
              )}
            </div>
            <p className="text-muted">
              Shipped {formatDateTime(shipment.shippedAt)}
              {shipment.deliveredAt && ` · delivered ${formatDateTime(shipment.deliveredAt)}`}
            </p>
            {shipment.trackingNumber && (
              <p>
                Tracking{" "}
                {shipment.trackingUrl ? (
                  <a
                    href={shipment.trackingUrl}
                    className="font-mono text-brand-700 underline"
                    rel="noreferrer"
                    target="_blank"
                  >
                    {shipment.trackingNumber}
                  </a>
                ) : (
                  <span className="font-mono">{shipment.trackingNumber}</span>
                )}
              </p>
            )}
            <ul className="mt-1 list-inside list-disc">
              {shipment.items.map((item) => (
                <li key={item.orderItemId}>
                  {item.quantity} × {lines.get(item.orderItemId)?.productName ?? "item"}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <FormMessage error={deliver.error?.message} />
    </section>
  );
}
