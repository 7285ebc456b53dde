import { isClientError, useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { CardFormSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import type { PaymentResult } from "./result.ts";

/** Where the API's own field names land on this form (it takes the expiry as month and year). */
const apiFields: Record<string, string> = { expMonth: "expiry", expYear: "expiry" };

/**
 * The built-in test provider's card form (used when the shop has no Stripe keys). It behaves
 * like Stripe in test mode: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined.
 * The number, expiry and security code are checked here first, each on its field.
 */
export function TestCardForm({
  clientSecret,
  onDone,
}: {
  clientSecret: string;
  onDone: (result: PaymentResult) => void;
}) {
  const trpc = useTRPC();
  const form = useFieldErrors();
  const confirm = useMutation(
    trpc.payments.testConfirm.mutationOptions({
      onSuccess: (result) =>
        onDone({ outcome: result.status === "succeeded" ? "succeeded" : "declined", error: result.error }),
      onError: (e) => {
        const status = isClientError(e) ? e.data?.httpStatus : undefined;
        // Already paid (an earlier attempt went through but its answer was lost).
        if (isClientError(e) && e.data?.code === "CONFLICT") return onDone({ outcome: "succeeded", error: null });
        // A refusal that charged nothing (bad card details, too many attempts): say so here.
        if (status !== undefined && status < 500) {
          form.fromServer(e);
          for (const [from, to] of Object.entries(apiFields))
            if (isClientError(e) && e.data?.zodError?.fieldErrors[from]?.[0])
              form.set(to, e.data.zodError.fieldErrors[from][0]);
          return;
        }
        // A server error or a lost connection: the card may have been charged. The order's page
        // asks the provider and tells the shopper, rather than inviting a second payment.
        onDone({ outcome: "unknown", error: null });
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const card = form.validate(CardFormSchema, {
      number: String(data.get("number") ?? ""),
      expiry: String(data.get("expiry") ?? ""),
      cvc: String(data.get("cvc") ?? ""),
    });
    if (card) confirm.mutate({ clientSecret, ...card });
  }

  return (
    <form onSubmit={submit} onChange={form.onChange} noValidate className="space-y-4" aria-label="Card payment">
      <p className="rounded-md bg-brand-50 p-3 text-sm text-brand-700">
        Test mode: pay with 4242 4242 4242 4242, any future date and any 3 digits. 4000 0000 0000 0002 is declined.
      </p>
      <TextField
        label="Card number"
        name="number"
        inputMode="numeric"
        autoComplete="cc-number"
        error={form.errors.number}
      />
      <div className="grid grid-cols-2 gap-4">
        <TextField
          label="Expiry (MM/YY)"
          name="expiry"
          autoComplete="cc-exp"
          placeholder="12/30"
          error={form.errors.expiry}
        />
        <TextField label="Security code" name="cvc" inputMode="numeric" autoComplete="cc-csc" error={form.errors.cvc} />
      </div>
      <FormMessage error={form.errors.form} />
      <Button type="submit" className="w-full" disabled={confirm.isPending}>
        {confirm.isPending ? "Paying…" : "Pay now"}
      </Button>
    </form>
  );
}
