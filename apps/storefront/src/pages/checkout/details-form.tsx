import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { Button, FormMessage, formatMoney, TextField } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { AddressFields } from "../../components/address-fields.tsx";
import { OrderTotals } from "../../components/order-totals.tsx";

type Saved = RouterOutputs["account"]["addresses"]["list"][number];
export type DetailsChoice = { addressId: number | null; shippingMethod: string | null };

/** Contact, shipping address and method; the totals re-price as the destination changes. */
export function DetailsForm({
  signedInEmail,
  saved,
  errors,
  pending,
  onSubmit,
}: {
  signedInEmail: string | null;
  saved: Saved[];
  errors: Record<string, string | undefined>;
  pending: boolean;
  onSubmit: (data: FormData, choice: DetailsChoice) => void;
}) {
  const trpc = useTRPC();
  const preferred = saved.find((address) => address.isDefaultShipping) ?? saved[0];
  const [addressId, setAddressId] = useState<number | null>(preferred?.id ?? null);
  const chosen = saved.find((address) => address.id === addressId);
  const [destination, setDestination] = useState({ country: chosen?.country ?? "US", region: chosen?.region ?? "" });
  const [shippingMethod, setShippingMethod] = useState<string | null>(null);
  const where = chosen ? { country: chosen.country, region: chosen.region ?? "" } : destination;
  const quote = useQuery(
    trpc.checkout.quote.queryOptions(
      {
        country: /^[A-Za-z]{2}$/.test(where.country) ? where.country : "US",
        region: where.region || null,
        shippingMethod: shippingMethod ?? undefined,
      },
      { placeholderData: (previous) => previous },
    ),
  );
  const currency = quote.data?.currency ?? "USD";
  const form = useRef<HTMLFormElement>(null);
  // Each error is announced with its field; when a new set of errors appears, focus goes to the
  // first field to fix (keyed by content: the parent rebuilds the object on every render).
  const errorKey = Object.entries(errors)
    .filter(([, message]) => message)
    .map(([name, message]) => `${name}:${message}`)
    .join("|");
  useEffect(() => {
    if (errorKey) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [errorKey]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget), {
      addressId,
      shippingMethod: shippingMethod ?? quote.data?.shippingMethod ?? null,
    });
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-8">
        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">Contact</legend>
          {signedInEmail ? (
            <p className="text-sm">
              Order updates go to <strong>{signedInEmail}</strong>.
            </p>
          ) : (
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="email"
              hint="For your receipt and delivery updates."
              error={errors.email}
            />
          )}
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">Shipping address</legend>
          {saved.length > 0 && (
            <div className="space-y-2">
              {saved.map((address) => (
                <label key={address.id} className="flex gap-2 rounded-md border border-line p-3 text-sm">
                  <input
                    type="radio"
                    name="savedAddress"
                    checked={addressId === address.id}
                    onChange={() => setAddressId(address.id)}
                  />
                  <span>
                    {address.fullName}, {address.line1}, {address.postalCode} {address.city}, {address.country}
                  </span>
                </label>
              ))}
              <label className="flex gap-2 rounded-md border border-line p-3 text-sm">
                <input
                  type="radio"
                  name="savedAddress"
                  checked={addressId === null}
                  onChange={() => setAddressId(null)}
                />
                <span>A new address</span>
              </label>
            </div>
          )}
          {addressId === null && (
            <>
              <AddressFields
                errors={errors}
                onChange={(name, value) => {
                  if (name === "country" || name === "region")
                    setDestination((current) => ({ ...current, [name]: value.trim() }));
                }}
              />
              {signedInEmail && (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="saveAddress" /> Save this address to my account
                </label>
              )}
            </>
          )}
        </fieldset>

        <fieldset className="space-y-2">
          <legend className="text-lg font-semibold">Shipping method</legend>
          {quote.data?.shippingMethods.map((method) => (
            <label
              key={method.code}
              className="flex items-center justify-between gap-3 rounded-md border border-line p-3 text-sm"
            >
              <span className="flex items-center gap-2">
                <input
                  type="radio"
                  name="shippingMethod"
                  value={method.code}
                  checked={(shippingMethod ?? quote.data?.shippingMethod) === method.code}
                  onChange={() => setShippingMethod(method.code)}
                />
                <span>
                  <strong>{method.name}</strong> · {method.minDays}–{method.maxDays} business days
                </span>
              </span>
              <span className="tabular-nums">{method.cost === 0 ? "Free" : formatMoney(method.cost, currency)}</span>
            </label>
          ))}
          {errors.shippingMethod && (
            <p role="alert" className="text-sm text-red-700">
              {errors.shippingMethod}
            </p>
          )}
        </fieldset>
      </div>

      <aside className="space-y-4 rounded-lg border border-line p-4 lg:self-start" aria-label="Order summary">
        <h2 className="font-semibold">Summary</h2>
        {quote.data && <OrderTotals totals={quote.data} currency={currency} />}
        {quote.data?.taxName && <p className="text-xs text-muted">Tax: {quote.data.taxName}</p>}
        <FormMessage error={errors.form} />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Placing order…" : "Continue to payment"}
        </Button>
      </aside>
    </form>
  );
}
