import type { RouterOutputs } from "@shop/api";
import { returnLabels, useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, TextAreaField, TextField, formatMoney } from "@shop/ui";
import { RequestReturnSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

type Order = RouterOutputs["orders"]["get"];

const day = (date: Date) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(date);

/** The order's returns, each with its status in words and what staff said. */
export function ReturnsList({ order }: { order: Order }) {
  if (order.returns.length === 0) return null;
  const names = new Map(order.items.map((item) => [item.id, item.productName]));
  return (
    <section aria-labelledby="returns-title">
      <h2 id="returns-title" className="mb-2 font-semibold">
        Returns
      </h2>
      <ul className="space-y-3">
        {order.returns.map((ret) => (
          <li key={ret.id} className="rounded-lg border border-line p-3 text-sm" data-testid="return">
            <p className="font-medium">
              Return requested {day(ret.requestedAt)}:{" "}
              <span data-testid="return-status">{returnLabels[ret.status]}</span>
            </p>
            <p className="text-muted">Reason: {ret.reason}</p>
            {ret.staffNote && <p>From the shop: {ret.staffNote}</p>}
            {ret.refund && ret.refund.status === "SUCCEEDED" && (
              <p>Refunded {formatMoney(ret.refund.amount, order.currency)}</p>
            )}
            <ul className="text-muted">
              {ret.items.map((item) => (
                <li key={item.orderItemId}>
                  {item.quantity} × {names.get(item.orderItemId) ?? "item"}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Asks to return some delivered items, with a reason, while the return window is open. */
export function ReturnRequest({
  order,
  orderKey,
  onRequested,
}: {
  order: Order;
  orderKey?: string;
  onRequested: (order: Order) => void;
}) {
  const trpc = useTRPC();
  const form = useFieldErrors();
  const [open, setOpen] = useState(false);
  const request = useMutation(
    trpc.orders.requestReturn.mutationOptions({
      onSuccess: (next) => {
        setOpen(false);
        onRequested(next);
      },
      onError: (error) => form.fromServer(error),
    }),
  );
  if (!order.returnableUntil || order.returnable.length === 0) return null;
  const names = new Map(order.items.map((item) => [item.id, item]));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const items = order.returnable
      .map((line) => ({ orderItemId: line.orderItemId, quantity: Number(data.get(`return-${line.orderItemId}`)) }))
      .filter((line) => Number.isInteger(line.quantity) && line.quantity > 0);
    const input = form.validate(RequestReturnSchema, {
      number: order.number,
      ...(orderKey && { key: orderKey }),
      items,
      reason: data.get("reason"),
    });
    if (input) request.mutate(input);
  }

  if (!open)
    return (
      <div className="space-y-1">
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Return items
        </Button>
        <p className="text-sm text-muted">You can ask for a return until {day(order.returnableUntil)}.</p>
      </div>
    );
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4 rounded-lg border border-line p-4"
      aria-labelledby="return-form-title"
    >
      <h2 id="return-form-title" className="font-semibold">
        Return items
      </h2>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">How many of each to send back</legend>
        {order.returnable.map((line) => {
          const item = names.get(line.orderItemId);
          return (
            <TextField
              key={line.orderItemId}
              label={`${item?.productName ?? "Item"}${item?.variantTitle ? ` (${item.variantTitle})` : ""}, up to ${line.quantity}`}
              name={`return-${line.orderItemId}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={line.quantity}
              defaultValue="0"
            />
          );
        })}
        <FormMessage error={form.errors.items} />
      </fieldset>
      <TextAreaField label="Why are you returning them?" name="reason" required error={form.errors.reason} />
      <FormMessage error={form.errors.form ?? form.errors.number} />
      <div className="flex gap-2">
        <Button type="submit" disabled={request.isPending}>
          {request.isPending ? "Sending…" : "Ask for a return"}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Not now
        </Button>
      </div>
    </form>
  );
}
