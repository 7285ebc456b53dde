import type { RouterOutputs } from "@shop/api";
import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { GuestOrderSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { AuthCard } from "../../components/auth-card.tsx";
import { OrderStatusLine } from "../../components/order-view.tsx";

type Found = RouterOutputs["orders"]["lookup"];

/** What a lookup shows: status and items, nothing anyone guessing could misuse. */
function OrderStatus({ order }: { order: Found }) {
  return (
    <section aria-labelledby="order-title" className="space-y-6">
      <h1 id="order-title" className="text-2xl font-bold">
        Order #{order.number}
      </h1>
      <p className="flex flex-wrap items-center gap-2 text-lg">
        Status: <OrderStatusLine order={order} />
      </p>
      <ul className="divide-y divide-line rounded-lg border border-line">
        {order.items.map((item, index) => (
          <li key={index} className="flex items-center gap-3 p-3">
            {item.imageUrl && <img src={item.imageUrl} alt="" width={48} height={48} className="rounded" />}
            <span>
              {item.quantity} × {item.productName}
              {item.variantTitle && <span className="text-muted"> ({item.variantTitle})</span>}
            </span>
          </li>
        ))}
      </ul>
      <p className="text-sm text-muted">
        To see the whole order or cancel it, open the link in your order confirmation email.
      </p>
    </section>
  );
}

/** Guests find an order's status by its number and the email it was placed with. */
export function OrderLookupPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const form = useFieldErrors();
  const [order, setOrder] = useState<Found | null>(null);
  const lookup = useMutation(trpc.orders.lookup.mutationOptions({ onError: form.fromServer }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = form.validate(GuestOrderSchema, { number: Number(data.get("number")), email: data.get("email") });
    if (input) {
      lookup.mutate(input, { onSuccess: setOrder });
    }
  }

  if (order) return <OrderStatus order={order} />;
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
