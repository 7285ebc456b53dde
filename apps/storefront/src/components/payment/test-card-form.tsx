import { isClientError, useTRPC } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { PaymentResult } from "./result.ts";

/**
 * The built-in test provider's card form (used when the shop has no Stripe keys). It behaves
 * like Stripe in test mode: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined.
 */
export function TestCardForm({
  clientSecret,
  onDone,
}: {
  clientSecret: string;
  onDone: (result: PaymentResult) => void;
}) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | undefined>();
  const confirm = useMutation(
    trpc.payments.testConfirm.mutationOptions({
      onSuccess: (result) =>
        onDone({ outcome: result.status === "succeeded" ? "succeeded" : "declined", error: result.error }),
      onError: (e) => {
        const status = isClientError(e) ? e.data?.httpStatus : undefined;
        // Already paid (an earlier attempt went through but its answer was lost).
        if (isClientError(e) && e.data?.code === "CONFLICT") return onDone({ outcome: "succeeded", error: null });
        // A refusal that charged nothing (bad card details, too many attempts): say so here.
        if (status !== undefined && status < 500) return setError(e.message);
        // A server error or a lost connection: the card may have been charged. The order's page
        // asks the provider and tells the shopper, rather than inviting a second payment.
        onDone({ outcome: "unknown", error: null });
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const [month, year] = String(data.get("expiry") ?? "")
      .split("/")
      .map((part) => Number(part.trim()));
    if (!month || !year) return setError("Enter the expiry date as MM/YY.");
    setError(undefined);
    confirm.mutate({
      clientSecret,
      number: String(data.get("number") ?? ""),
      expMonth: month,
      expYear: year < 100 ? 2000 + year : year,
      cvc: String(data.get("cvc") ?? ""),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Card payment">
      <p className="rounded-md bg-brand-50 p-3 text-sm text-brand-700">
        Test mode: pay with 4242 4242 4242 4242, any future date and any 3 digits. 4000 0000 0000 0002 is declined.
      </p>
      <TextField label="Card number" name="number" inputMode="numeric" autoComplete="cc-number" />
      <div className="grid grid-cols-2 gap-4">
        <TextField label="Expiry (MM/YY)" name="expiry" autoComplete="cc-exp" placeholder="12/30" />
        <TextField label="Security code" name="cvc" inputMode="numeric" autoComplete="cc-csc" />
      </div>
      <FormMessage error={error} />
      <Button type="submit" className="w-full" disabled={confirm.isPending}>
        {confirm.isPending ? "Paying…" : "Pay now"}
      </Button>
    </form>
  );
}
