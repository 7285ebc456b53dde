import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { ReturnWindowInputSchema } from "@shop/validators";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useStaff } from "../../lib/me.ts";

/** The return window: admins set it, other staff read it. */
export function ReturnWindow() {
  const trpc = useTRPC();
  const staff = useStaff();
  const queryClient = useQueryClient();
  const returnWindow = useQuery(trpc.admin.returns.window.queryOptions());
  const fields = useFieldErrors();
  const setWindow = useMutation(
    trpc.admin.returns.setWindow.mutationOptions({
      onSuccess: () => {
        fields.clear();
        void queryClient.invalidateQueries({ queryKey: trpc.admin.returns.window.queryKey() });
      },
      onError: fields.fromServer,
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get("days") ?? "").trim();
    // An empty box is not 0 days (returns off): it is a number still to enter.
    const input = fields.validate(ReturnWindowInputSchema, { days: typed ? Number(typed) : Number.NaN });
    if (input) setWindow.mutate(input);
  }

  if (!returnWindow.data) return null;
  if (staff.role !== "ADMIN")
    return (
      <p className="text-sm">
        Shoppers may ask for a return up to <strong>{returnWindow.data.days} days</strong> after delivery.
      </p>
    );
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2 rounded-lg border border-line p-3">
      <TextField
        label="Days after delivery to ask for a return (0 turns returns off)"
        name="days"
        type="number"
        inputMode="numeric"
        min={0}
        max={365}
        defaultValue={String(returnWindow.data.days)}
        key={returnWindow.data.days}
        error={fields.errors.days}
        className="w-full sm:w-96"
      />
      <Button type="submit" variant="secondary" disabled={setWindow.isPending}>
        Save
      </Button>
      <FormMessage
        error={fields.errors.form}
        success={setWindow.isSuccess && !fields.errors.days ? "Return window saved." : undefined}
      />
    </form>
  );
}
