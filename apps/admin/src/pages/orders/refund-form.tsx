import type { RouterInputs } from "@shop/api";
import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, Dialog, FormMessage, formatMoney, TextAreaField, TextField } from "@shop/ui";
import { RefundOrderSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { parseMoney } from "../../lib/money.ts";
import { orderActions, refundableAmount, type Order } from "../../lib/orders.ts";
import { chosenLines, linesAmount, RefundLines, type Quantities } from "./refund-lines.tsx";
import { useOrderUpdated } from "./use-order-updated.ts";

type Mode = "full" | "lines" | "amount";
type RefundInput = RouterInputs["admin"]["orders"]["refund"];
const modes: Array<[Mode, string]> = [
  ["full", "Everything still refundable"],
  ["lines", "Chosen lines and quantities"],
  ["amount", "A custom amount"],
];

export function RefundForm({ order, onDone }: { order: Order; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const form = useFieldErrors();
  const updated = useOrderUpdated();
  const [mode, setMode] = useState<Mode>("full");
  const [quantities, setQuantities] = useState<Quantities>({});
  const [amountText, setAmountText] = useState("");
  const [reason, setReason] = useState("");
  const [restock, setRestock] = useState(false);
  const [confirm, setConfirm] = useState<{ input: RefundInput; amount: number } | null>(null);
  const refundable = refundableAmount(order);
  const money = (minor: number) => formatMoney(minor, order.currency);
  const canRestock = orderActions(order).restock && mode === "lines";
  const refund = useMutation(
    trpc.admin.orders.refund.mutationOptions({
      onSuccess: (next) => {
        updated(next);
        setConfirm(null);
        setQuantities({});
        setAmountText("");
        setReason("");
        const last = next.refunds.at(-1);
        const what = last ? money(last.amount) : "the amount";
        if (last?.status === "FAILED")
          form.set("form", `The payment provider refused to refund ${what}. Nothing was refunded.`);
        else
          onDone(
            last?.status === "PENDING"
              ? `The refund of ${what} is on its way.`
              : `Refunded ${what} on order #${next.number}.`,
          );
      },
      onError: (error) => {
        setConfirm(null);
        form.fromServer(error);
      },
    }),
  );

  const amount =
    mode === "full"
      ? refundable
      : mode === "lines"
        ? linesAmount(order, quantities)
        : parseMoney(amountText, order.currency);

  function review(event: FormEvent) {
    event.preventDefault();
    const items = mode === "lines" ? chosenLines(order, quantities) : undefined;
    const input = form.validate(RefundOrderSchema, {
      orderId: order.id,
      reason,
      restock: canRestock && restock,
      ...(mode === "lines" && { items }),
      ...(mode === "amount" && { amount: amount ?? Number.NaN }),
    });
    if (!input) return;
    if (mode === "lines" && !items?.length) return form.set("items", "Choose at least one unit to refund");
    const over = order.items.find((item) =>
      (items ?? []).some(
        (line) => line.orderItemId === item.id && line.quantity > item.quantity - item.refundedQuantity,
      ),
    );
    if (over)
      return form.set(
        "items",
        `At most ${over.quantity - over.refundedQuantity} of ${over.productName} can be refunded`,
      );
    if (amount === null || Number.isNaN(amount) || amount <= 0)
      return form.set("amount", "Enter the amount to refund, e.g. 12.50");
    if (amount > refundable)
      return form.set(mode === "amount" ? "amount" : "items", `At most ${money(refundable)} can be refunded`);
    setConfirm({ input, amount });
  }

  return (
    <section aria-labelledby="refund-title" className="rounded-lg border border-line p-4">
      <h2 id="refund-title" className="text-lg font-semibold">
        Refund
      </h2>
      <p className="mb-3 text-sm text-muted" data-testid="refundable">
        Up to {money(refundable)} can still be refunded.
      </p>
      <form onSubmit={review} noValidate className="space-y-4">
        <fieldset>
          <legend className="mb-1 text-sm font-medium">What to refund</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {modes.map(([value, label]) => (
              <label key={value} className="flex min-h-10 items-center gap-2">
                <input
                  type="radio"
                  name="refund-mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => {
                    form.clear();
                    setMode(value);
                  }}
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        {mode === "lines" && (
          <RefundLines order={order} quantities={quantities} onChange={setQuantities} error={form.errors.items} />
        )}
        {mode === "amount" && (
          <TextField
            label={`Amount (${order.currency})`}
            inputMode="decimal"
            value={amountText}
            onChange={(event) => setAmountText(event.target.value)}
            error={form.errors.amount}
            hint={`At most ${money(refundable)}`}
            className="max-w-xs"
          />
        )}
        {canRestock && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={restock} onChange={(event) => setRestock(event.target.checked)} />
            Restock returned items
          </label>
        )}
        <TextAreaField
          label="Reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={300}
          error={form.errors.reason}
        />
        <FormMessage error={form.errors.form ?? (mode === "amount" ? undefined : form.errors.amount)} />
        <Button type="submit" variant="secondary">
          Review refund{amount && amount > 0 ? ` of ${money(amount)}` : ""}
        </Button>
      </form>
      {confirm && (
        <Dialog open onClose={() => setConfirm(null)} title={`Refund ${money(confirm.amount)}?`}>
          <p className="mb-4 text-sm">
            The money goes back to the customer's card through the payment provider, and they are emailed. This cannot
            be undone.
          </p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirm(null)}>
              Back
            </Button>
            <Button variant="danger" disabled={refund.isPending} onClick={() => refund.mutate(confirm.input)}>
              {refund.isPending ? "Refunding…" : `Refund ${money(confirm.amount)}`}
            </Button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
