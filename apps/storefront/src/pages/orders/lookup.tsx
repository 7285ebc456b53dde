import type { RouterOutputs } from "@shop/api";
import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { GuestOrderSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { AuthCard } from "../../components/auth-card.tsx";
import { OrderView } from "../../components/order-view.tsx";
import { rememberGuestOrder } from "../../lib/guest-orders.ts";

/** Guests find an order by its number and the email it was placed with. */
export function OrderLookupPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const form = useFieldErrors();
  const [order, setOrder] = useState<RouterOutputs["orders"]["lookup"] | null>(null);
  const lookup = useMutation(trpc.orders.lookup.mutationOptions({ onError: form.fromServer }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = form.validate(GuestOrderSchema, { number: Number(data.get("number")), email: data.get("email") });
    if (input) {
      lookup.mutate(input, {
        onSuccess: (found) => {
          rememberGuestOrder(found.number, input.email);
          setOrder(found);
        },
      });
    }
  }

  if (order) {
    return (
      <section aria-labelledby="order-title" className="space-y-6">
        <h1 id="order-title" className="text-2xl font-bold">
          Order #{order.number}
        </h1>
        <OrderView order={order} />
      </section>
    );
  }
  return (
    <AuthCard title="Find your order">
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label="Order number"
          name="number"
          inputMode="numeric"
          defaultValue={params.get("number") ?? ""}
          error={form.errors.number}
        />
        <TextField
          label="Email used for the order"
          name="email"
          type="email"
          autoComplete="email"
          error={form.errors.email}
        />
        <FormMessage error={form.errors.form} />
        <Button type="submit" className="w-full" disabled={lookup.isPending}>
          Find order
        </Button>
      </form>
    </AuthCard>
  );
}
