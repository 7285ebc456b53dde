import { useTRPC } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { ReturnWindowSchema } from "@shop/validators";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useStaff } from "../../lib/me.ts";

/** The return window: admins set it, other staff read it. */
export function ReturnWindow() {
  const trpc = useTRPC();
  const staff = useStaff();
  const queryClient = useQueryClient();
  const returnWindow = useQuery(trpc.admin.returns.window.queryOptions());
  const [error, setError] = useState<string>();
  const setWindow = useMutation(
    trpc.admin.returns.setWindow.mutationOptions({
      onSuccess: () => {
        setError(undefined);
        void queryClient.invalidateQueries({ queryKey: trpc.admin.returns.window.queryKey() });
      },
      onError: (failure) => setError(failure.message),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ReturnWindowSchema.safeParse(Number(new FormData(event.currentTarget).get("days")));
    if (!parsed.success) setError(parsed.error.issues[0]?.message ?? "Enter a number of days");
    else setWindow.mutate({ days: parsed.data });
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
        error={error}
        className="w-full sm:w-96"
      />
      <Button type="submit" variant="secondary" disabled={setWindow.isPending}>
        Save
      </Button>
      <FormMessage success={setWindow.isSuccess ? "Return window saved." : undefined} />
    </form>
  );
}
