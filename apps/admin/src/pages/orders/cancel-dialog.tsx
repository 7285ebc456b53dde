import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, Dialog, FormMessage, formatMoney, TextAreaField } from "@shop/ui";
import { CancelOrderSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { refundableAmount, type Order } from "../../lib/orders.ts";
import { useOrderUpdated } from "./use-order-updated.ts";

/** Cancelling cannot be undone, so it asks for a reason and a second, explicit click. */
export function CancelDialog({
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
  const cancel = useMutation(
    trpc.admin.orders.cancel.mutationOptions({
      onSuccess: (next) => {
        updated(next);
        onDone(`Order #${next.number} cancelled.`);
      },
      onError: (error) => form.fromServer(error),
    }),
  );
  const refund = refundableAmount(order);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(CancelOrderSchema, {
      orderId: order.id,
      reason: new FormData(event.currentTarget).get("reason"),
    });
    if (input) cancel.mutate(input);
  }

  return (
    <Dialog open={open} onClose={onClose} title={`Cancel order #${order.number}?`}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <p className="text-sm">
          The items go back in stock and a coupon use is given back.{" "}
          {refund > 0 ? (
            <strong>{formatMoney(refund, order.currency)} will be refunded to the customer.</strong>
          ) : (
            "No payment was captured."
          )}{" "}
          The customer is emailed. This cannot be undone.
        </p>
        <TextAreaField
          label="Reason (sent to the customer)"
          name="reason"
          required
          maxLength={300}
          error={form.errors.reason}
        />
        <FormMessage error={form.errors.form ?? form.errors.orderId} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Keep order
          </Button>
          <Button type="submit" variant="danger" disabled={cancel.isPending}>
            {cancel.isPending ? "Cancelling…" : "Cancel order"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
