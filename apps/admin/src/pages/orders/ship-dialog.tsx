import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, Dialog, FormMessage, TextField } from "@shop/ui";
import { ShipOrderSchema } from "@shop/validators";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, type FormEvent } from "react";
import { unitsToShip, type Order } from "../../lib/orders.ts";
import { useOrderUpdated } from "./use-order-updated.ts";

/** One parcel: its carrier, tracking number and the units in it (everything waiting, by default). */
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
  const carriersId = useId();
  const carriers = useQuery(trpc.admin.orders.carriers.queryOptions());
  const waiting = order.items.filter((item) => unitsToShip(item) > 0);
  const ship = useMutation(
    trpc.admin.orders.ship.mutationOptions({
      onSuccess: (next) => {
        updated(next);
        const parcel = next.shipments.at(-1);
        onDone(`A parcel of order #${next.number} shipped with ${parcel?.carrierName ?? "the carrier"}.`);
      },
      onError: (error) => form.fromServer(error),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const items = waiting
      .map((item) => ({ orderItemId: item.id, quantity: Number(data.get(`qty-${item.id}`)) }))
      .filter((item) => Number.isInteger(item.quantity) && item.quantity > 0);
    const input = form.validate(ShipOrderSchema, {
      orderId: order.id,
      carrier: data.get("carrier"),
      trackingNumber: data.get("trackingNumber"),
      items,
    });
    if (input) ship.mutate(input);
  }

  return (
    <Dialog open={open} onClose={onClose} title={`Ship a parcel of order #${order.number}`}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <p className="text-sm text-muted">
          The customer gets an email with the carrier and a tracking link. Ship the rest later in another parcel.
        </p>
        <TextField
          label="Carrier"
          name="carrier"
          autoComplete="off"
          list={carriersId}
          required
          error={form.errors.carrier}
        />
        <datalist id={carriersId}>
          {carriers.data?.map((carrier) => (
            <option key={carrier.code} value={carrier.name} />
          ))}
        </datalist>
        <TextField
          label="Tracking number"
          name="trackingNumber"
          autoComplete="off"
          required
          error={form.errors.trackingNumber}
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">In this parcel</legend>
          {waiting.map((item) => (
            <TextField
              key={item.id}
              label={`${item.productName}${item.variantTitle ? ` (${item.variantTitle})` : ""}, ${unitsToShip(item)} waiting`}
              name={`qty-${item.id}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={unitsToShip(item)}
              defaultValue={String(unitsToShip(item))}
            />
          ))}
          <FormMessage error={form.errors.items} />
        </fieldset>
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
