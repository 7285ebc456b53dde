import type { RouterOutputs } from "@shop/api";
import { AddressLines, errorsUnder, useTRPC, type FieldErrors } from "@shop/client";
import { Button, FormMessage, formatMoney, TextField } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { AddressFields } from "../../components/address-fields.tsx";
import { CheckoutSummary } from "./summary.tsx";
import type { Cart } from "../../lib/cart.ts";

type Saved = RouterOutputs["account"]["addresses"]["list"][number];
export type DetailsChoice = { addressId: number | null; shippingMethod: string | null };

/** Where every new address's inputs are named (`shippingAddress.postalCode`), as the API's paths. */
export const SHIPPING_PREFIX = "shippingAddress.";

/** Contact, shipping address and method; the summary re-prices as the destination changes. */
export function DetailsForm({
  cart,
  signedInEmail,
  saved,
  errors,
  pending,
  onSubmit,
  onFieldChange,
}: {
  cart: Cart;
  signedInEmail: string | null;
  saved: Saved[];
  errors: FieldErrors;
  pending: boolean;
  onSubmit: (data: FormData, choice: DetailsChoice) => void;
  onFieldChange: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const trpc = useTRPC();
  const formId = useId();
  const preferred = saved.find((address) => address.isDefaultShipping) ?? saved[0];
  const [addressId, setAddressId] = useState<number | null>(preferred?.id ?? null);
  const chosen = saved.find((address) => address.id === addressId);
  const [destination, setDestination] = useState({ country: "US", region: "" });
  const [shippingMethod, setShippingMethod] = useState<string | null>(null);
  const where = chosen ? { country: chosen.country, region: chosen.region ?? "" } : destination;
  const quote = useQuery(
    trpc.checkout.quote.queryOptions(
      { country: where.country, region: where.region || null, shippingMethod: shippingMethod ?? undefined },
      { placeholderData: (previous) => previous },
    ),
  );
  const currency = quote.data?.currency ?? cart.currency;
  const form = useRef<HTMLFormElement>(null);
  // Every error shows at once; when a submit brings new ones, focus goes to the first field to
  // fix. Fixing a field removes only its message and leaves focus where the shopper is typing.
  const errorKey = Object.entries(errors)
    .filter(([, message]) => message)
    .map(([name, message]) => `${name}:${message}`)
    .join("|");
  const shownBefore = useRef(new Set<string>());
  useEffect(() => {
    const shown = new Set(errorKey ? errorKey.split("|") : []);
    const added = [...shown].some((entry) => !shownBefore.current.has(entry));
    shownBefore.current = shown;
    if (added) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [errorKey]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget), {
      addressId,
      shippingMethod: shippingMethod ?? quote.data?.shippingMethod ?? null,
    });
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_24rem]">
      <form id={formId} ref={form} onSubmit={submit} onChange={onFieldChange} noValidate className="space-y-8">
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
                  <AddressLines address={address} />
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
                prefix={SHIPPING_PREFIX}
                errors={errorsUnder(errors, "shippingAddress")}
                onChange={(name, value) => {
                  if (name === "country") setDestination({ country: value, region: "" });
                  if (name === "region") setDestination((current) => ({ ...current, region: value.trim() }));
                }}
              />
              {signedInEmail && (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="saveAddress" /> Save this address to my account
                </label>
              )}
            </>
          )}
          {errors.shippingAddress && <FormMessage error={errors.shippingAddress} />}
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
      </form>

      <CheckoutSummary cart={cart} quote={quote.data ?? null} couponError={errors.coupon}>
        <FormMessage error={errors.form} />
        <Button type="submit" form={formId} className="w-full" disabled={pending}>
          {pending ? "Placing order…" : "Continue to payment"}
        </Button>
      </CheckoutSummary>
    </div>
  );
}
