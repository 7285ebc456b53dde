import { useTRPC } from "@shop/client";
import { Button, FormMessage } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { orderActions, type Order } from "../../lib/orders.ts";
import { CancelDialog } from "./cancel-dialog.tsx";
import { ShipDialog } from "./ship-dialog.tsx";
import { useOrderUpdated } from "./use-order-updated.ts";

/** The next steps the order's status allows; the server still checks each one. */
export function OrderActions({ order, onDone }: { order: Order; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const updated = useOrderUpdated();
  const [dialog, setDialog] = useState<"ship" | "cancel" | null>(null);
  const markDelivered = useMutation(
    trpc.admin.orders.markDelivered.mutationOptions({
      onSuccess: (next) => {
        updated(next);
        onDone(`Every parcel of order #${next.number} marked as delivered.`);
      },
    }),
  );
  const archive = useMutation(
    trpc.admin.orders.archive.mutationOptions({
      onSuccess: (next) => {
        updated(next);
        onDone(`Order #${next.number} archived: it no longer shows in the orders list unless asked for.`);
      },
    }),
  );
  const unarchive = useMutation(
    trpc.admin.orders.unarchive.mutationOptions({
      onSuccess: (next) => {
        updated(next);
        onDone(`Order #${next.number} unarchived.`);
      },
    }),
  );
  const allowed = orderActions(order);
  const busy = markDelivered.isPending || archive.isPending || unarchive.isPending;
  const filing = order.archivedAt ? (
    <Button variant="secondary" disabled={busy} onClick={() => unarchive.mutate({ orderId: order.id })}>
      Unarchive
    </Button>
  ) : (
    order.canArchive && (
      <Button variant="secondary" disabled={busy} onClick={() => archive.mutate({ orderId: order.id })}>
        Archive
      </Button>
    )
  );
  const filingError = <FormMessage error={archive.error?.message ?? unarchive.error?.message} />;
  const finish = (message: string) => {
    setDialog(null);
    onDone(message);
  };

  if (!allowed.ship && !allowed.markDelivered && !allowed.cancel) {
    return (
      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-3" role="group" aria-label="Order actions">
          <p className="text-sm text-muted">Nothing is waiting to ship or on its way.</p>
          {filing}
        </div>
        {filingError}
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Order actions">
        {allowed.ship && <Button onClick={() => setDialog("ship")}>Ship a parcel…</Button>}
        {allowed.markDelivered && (
          <Button variant="secondary" disabled={busy} onClick={() => markDelivered.mutate({ orderId: order.id })}>
            Mark all parcels delivered
          </Button>
        )}
        {allowed.cancel && (
          <Button variant="danger" onClick={() => setDialog("cancel")}>
            Cancel order…
          </Button>
        )}
        {filing}
      </div>
      <FormMessage error={markDelivered.error?.message} />
      {filingError}
      {dialog === "ship" && <ShipDialog order={order} open onClose={() => setDialog(null)} onDone={finish} />}
      {dialog === "cancel" && <CancelDialog order={order} open onClose={() => setDialog(null)} onDone={finish} />}
    </div>
  );
}
