import { returnLabels, useTRPC } from "@shop/client";
import { Badge, Button, FormMessage, TextField, formatMoney } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatDateTime } from "../../lib/format.ts";
import { parseMoney } from "../../lib/money.ts";
import type { Order } from "../../lib/orders.ts";
import { useOrderUpdated } from "./use-order-updated.ts";

type Return = Order["returns"][number];

/** The order's returns, each with the one next step its status allows. */
export function Returns({ order, onDone }: { order: Order; onDone: (message: string) => void }) {
  if (order.returns.length === 0) return null;
  return (
    <section aria-labelledby="returns-title">
      <h2 id="returns-title" className="mb-2 text-lg font-semibold">
        Returns
      </h2>
      <ol className="space-y-3">
        {order.returns.map((ret) => (
          <ReturnCard key={ret.id} order={order} ret={ret} onDone={onDone} />
        ))}
      </ol>
    </section>
  );
}

function ReturnCard({ order, ret, onDone }: { order: Order; ret: Return; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const updated = useOrderUpdated();
  const [error, setError] = useState<string>();
  const options = (message: string) => ({
    onSuccess: (next: Order) => {
      setError(undefined);
      updated(next);
      onDone(message);
    },
    onError: (failure: { message: string }) => setError(failure.message),
  });
  const approve = useMutation(trpc.admin.returns.approve.mutationOptions(options(`Return ${ret.id} approved.`)));
  const reject = useMutation(trpc.admin.returns.reject.mutationOptions(options(`Return ${ret.id} rejected.`)));
  const receive = useMutation(trpc.admin.returns.receive.mutationOptions(options(`Return ${ret.id} received.`)));
  const refund = useMutation(trpc.admin.returns.refund.mutationOptions(options(`Return ${ret.id} refunded.`)));
  const busy = approve.isPending || reject.isPending || receive.isPending || refund.isPending;
  const lines = new Map(order.items.map((item) => [item.id, item]));
  const worth = ret.items.reduce((sum, item) => {
    const line = lines.get(item.orderItemId);
    return sum + (line ? Math.round((line.total * item.quantity) / line.quantity) : 0);
  }, 0);

  const [note, setNote] = useState("");
  function decide(approved: boolean) {
    const input = { returnId: ret.id, ...(note.trim() && { note: note.trim() }) };
    if (approved) approve.mutate(input);
    else reject.mutate(input);
  }

  function received(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    receive.mutate({
      returnId: ret.id,
      restock: ret.items.map((item) => ({
        orderItemId: item.orderItemId,
        restock: data.get(`restock-${item.orderItemId}`) === "on",
      })),
    });
  }

  function refunded(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("amount") ?? "").trim();
    const amount = text ? (parseMoney(text, order.currency) ?? Number.NaN) : undefined;
    if (amount !== undefined && (Number.isNaN(amount) || amount <= 0)) {
      setError("Enter an amount, e.g. 25 or 19.99, or leave it empty to refund the items in full");
      return;
    }
    refund.mutate({ returnId: ret.id, ...(amount !== undefined && { amount }) });
  }

  return (
    <li className="space-y-2 rounded-lg border border-line p-3 text-sm" data-testid="return">
      <p className="flex flex-wrap items-center gap-2 font-medium">
        Return {ret.id} · requested {formatDateTime(ret.requestedAt)}
        <Badge tone={ret.status === "REJECTED" ? "danger" : ret.status === "REFUNDED" ? "success" : "warning"}>
          {returnLabels[ret.status]}
        </Badge>
      </p>
      <p>Reason: {ret.reason}</p>
      {ret.staffNote && <p className="text-muted">Note to the customer: {ret.staffNote}</p>}
      <ul className="list-inside list-disc">
        {ret.items.map((item) => (
          <li key={item.orderItemId}>
            {item.quantity} × {lines.get(item.orderItemId)?.productName ?? "item"}
            {ret.status === "REFUNDED" || ret.status === "RECEIVED"
              ? item.restock
                ? " · restocked"
                : " · not restocked"
              : ""}
          </li>
        ))}
      </ul>
      {ret.refund && <p>Refund: {formatMoney(ret.refund.amount, order.currency)}</p>}
      {ret.status === "REQUESTED" && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            decide(true);
          }}
          className="flex flex-wrap items-end gap-2"
        >
          <TextField
            label="Note to the customer (optional)"
            name="note"
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            className="w-full sm:w-72"
          />
          <Button type="submit" disabled={busy}>
            Approve return {ret.id}
          </Button>
          <Button variant="danger" disabled={busy} onClick={() => decide(false)}>
            Reject return {ret.id}
          </Button>
        </form>
      )}
      {ret.status === "APPROVED" && (
        <form onSubmit={received} className="space-y-2">
          <fieldset className="space-y-1">
            <legend className="font-medium">Put back in stock</legend>
            {ret.items.map((item) => (
              <label key={item.orderItemId} className="flex min-h-10 items-center gap-2">
                <input type="checkbox" name={`restock-${item.orderItemId}`} defaultChecked className="size-4" />
                Restock {item.quantity} × {lines.get(item.orderItemId)?.productName ?? "item"}
              </label>
            ))}
          </fieldset>
          <Button type="submit" disabled={busy}>
            Mark return {ret.id} received
          </Button>
        </form>
      )}
      {ret.status === "RECEIVED" && (
        <form onSubmit={refunded} className="flex flex-wrap items-end gap-2">
          <TextField
            label={`Amount (${order.currency}), empty for ${formatMoney(worth, order.currency)}`}
            name="amount"
            inputMode="decimal"
            className="w-full sm:w-72"
          />
          <Button type="submit" disabled={busy}>
            Refund return {ret.id}
          </Button>
        </form>
      )}
      <FormMessage error={error} />
    </li>
  );
}
