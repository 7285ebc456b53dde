import { useTRPC } from "@shop/client";
import { Button, FormMessage } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { orderActions, statusLabels, type Order } from "../../lib/orders.ts";
import { CancelDialog } from "./cancel-dialog.tsx";
import { ShipDialog } from "./ship-dialog.tsx";
import { useOrderUpdated } from "./use-order-updated.ts";

/** The next steps the order's status allows; the server still checks each one. */
export function OrderActions({ order, onDone }: { order: Order; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const updated = useOrderUpdated();
  const [dialog, setDialog] = useState<"ship" | "cancel" | null>(null);
  const markProcessing = useMutation(
    trpc.admin.orders.markProcessing.mutationOptions({
      onSuccess: (next) => {
        updated(next);
        onDone(`Order #${next.number} is being processed.`);
      },
    }),
  );
  const markDelivered = useMutation(
    trpc.admin.orders.markDelivered.mutationOptions({
      onSuccess: (next) => {
        updated(next);
        onDone(`Order #${next.number} marked as delivered.`);
      },
    }),
  );
  const allowed = orderActions(order);
  const busy = markProcessing.isPending || markDelivered.isPending;
  const finish = (message: string) => {
    setDialog(null);
    onDone(message);
  };

  if (!allowed.markProcessing && !allowed.ship && !allowed.markDelivered && !allowed.cancel) {
    return (
      <p className="text-sm text-muted">
        A {statusLabels[order.status].toLowerCase()} order has no further fulfilment steps.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Order actions">
        {allowed.markProcessing && (
          <Button
            disabled={busy}
            onClick={() => {
              markDelivered.reset();
              markProcessing.mutate({ orderId: order.id });
            }}
          >
            Mark as processing
          </Button>
        )}
        {allowed.ship && (
          <Button variant={allowed.markProcessing ? "secondary" : "primary"} onClick={() => setDialog("ship")}>
            Ship…
          </Button>
        )}
        {allowed.markDelivered && (
          <Button
            disabled={busy}
            onClick={() => {
              markProcessing.reset();
              markDelivered.mutate({ orderId: order.id });
            }}
          >
            Mark as delivered
          </Button>
        )}
        {allowed.cancel && (
          <Button variant="danger" onClick={() => setDialog("cancel")}>
            Cancel order…
          </Button>
        )}
      </div>
      <FormMessage error={markProcessing.error?.message ?? markDelivered.error?.message} />
      {dialog === "ship" && <ShipDialog order={order} open onClose={() => setDialog(null)} onDone={finish} />}
      {dialog === "cancel" && <CancelDialog order={order} open onClose={() => setDialog(null)} onDone={finish} />}
    </div>
  );
}
