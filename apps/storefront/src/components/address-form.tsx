import type { RouterOutputs } from "@shop/api";
import { useFieldErrors } from "@shop/client";
import { Button, FormMessage } from "@shop/ui";
import { AddressSchema } from "@shop/validators";
import { useEffect, type FormEvent } from "react";
import type { z } from "zod";
import { AddressFields, readAddress } from "./address-fields.tsx";

type Address = RouterOutputs["account"]["addresses"]["list"][number];

/** The address form, validated with the API's own schema. */
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
  onSubmit: (address: z.output<typeof AddressSchema>) => void;
  onCancel?: () => void;
}) {
  const form = useFieldErrors();
  const { fromServer } = form;
  // The API's answer lands on the fields it names, like the browser's own checks.
  useEffect(() => {
    if (serverError) fromServer(serverError);
  }, [serverError]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(AddressSchema, readAddress(new FormData(event.currentTarget)));
    if (input) onSubmit(input);
  }
  return (
    <form onSubmit={submit} onChange={form.onChange} noValidate className="space-y-4">
      <AddressFields initial={initial} errors={form.errors} />
      <FormMessage error={form.errors.form} />
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
