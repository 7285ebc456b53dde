import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, Dialog, FormMessage, TextField } from "@shop/ui";
import { ShipOrderSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import type { Order } from "../../lib/orders.ts";
import { useOrderUpdated } from "./use-order-updated.ts";

export function ShipDialog({
  order,
  open,
  onClose,
  onDone,
}: {
  order: Order;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const form = useFieldErrors();
  const updated = useOrderUpdated();
  const ship = useMutation(
    trpc.admin.orders.ship.mutationOptions({
      onSuccess: (next) => {
        updated(next);
        onDone(`Order #${next.number} shipped with ${next.carrier ?? "the carrier"}.`);
      },
      onError: (error) => form.fromServer(error),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = form.validate(ShipOrderSchema, {
      orderId: order.id,
      carrier: data.get("carrier"),
      trackingNumber: data.get("trackingNumber"),
    });
    if (input) ship.mutate(input);
  }

  return (
    <Dialog open={open} onClose={onClose} title={`Ship order #${order.number}`}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <p className="text-sm text-muted">The customer gets an email with the carrier and tracking number.</p>
        <TextField label="Carrier" name="carrier" autoComplete="off" required error={form.errors.carrier} />
        <TextField
          label="Tracking number"
          name="trackingNumber"
          autoComplete="off"
          required
          error={form.errors.trackingNumber}
        />
        <FormMessage error={form.errors.form ?? form.errors.orderId} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Back
          </Button>
          <Button type="submit" disabled={ship.isPending}>
            {ship.isPending ? "Shipping…" : "Mark as shipped"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
