import type { RouterOutputs } from "@shop/api";
import { useFieldErrors } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { AddressSchema } from "@shop/validators";
import type { FormEvent } from "react";
import type { z } from "zod";

type Address = RouterOutputs["account"]["addresses"]["list"][number];
type AddressInput = z.output<typeof AddressSchema>;

const fields = [
  { name: "fullName", label: "Full name", autoComplete: "name" },
  { name: "company", label: "Company (optional)", autoComplete: "organization" },
  { name: "line1", label: "Street address", autoComplete: "address-line1" },
  { name: "line2", label: "Apartment, suite (optional)", autoComplete: "address-line2" },
  { name: "city", label: "City", autoComplete: "address-level2" },
  { name: "region", label: "State or region (optional)", autoComplete: "address-level1" },
  { name: "postalCode", label: "Postal code", autoComplete: "postal-code" },
  { name: "country", label: "Country code (e.g. US)", autoComplete: "country" },
  { name: "phone", label: "Phone (optional)", autoComplete: "tel" },
] as const;

/** The address form, validated with the API's own schema; used by the account and checkout. */
export function AddressForm({
  initial,
  submitLabel,
  pending,
  serverError,
  onSubmit,
  onCancel,
}: {
  initial?: Address;
  submitLabel: string;
  pending: boolean;
  serverError?: unknown;
  onSubmit: (address: AddressInput) => void;
  onCancel?: () => void;
}) {
  const form = useFieldErrors();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = form.validate(AddressSchema, Object.fromEntries(fields.map((field) => [field.name, data.get(field.name) ?? ""])));
    if (input) onSubmit(input);
  }
  const serverMessage = serverError instanceof Error ? serverError.message : undefined;
  return (
    <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2">
      {fields.map((field) => (
        <TextField
          key={field.name}
          label={field.label}
          name={field.name}
          autoComplete={field.autoComplete}
          defaultValue={initial?.[field.name] ?? ""}
          error={form.errors[field.name]}
          className={field.name === "line1" || field.name === "fullName" ? "sm:col-span-2" : ""}
        />
      ))}
      <div className="sm:col-span-2">
        <FormMessage error={form.errors.form ?? serverMessage} />
      </div>
      <div className="flex gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>{submitLabel}</Button>
        {onCancel && <Button variant="secondary" onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
