import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage } from "@shop/ui";
import { DefaultThresholdSchema } from "@shop/validators";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

/** The shop-wide low-stock threshold, used by every variant without its own. */
export function DefaultThreshold() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.admin.inventory.defaultThreshold.queryOptions());
  const [draft, setDraft] = useState<string | null>(null);
  const form = useFieldErrors();
  const save = useMutation(
    trpc.admin.inventory.setDefaultThreshold.mutationOptions({
      onSuccess: async () => {
        setDraft(null);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.pathKey() });
      },
      onError: (error) => form.fromServer(error),
    }),
  );
  if (!current.data) return null;
  const value = draft ?? String(current.data.threshold);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(DefaultThresholdSchema, {
      threshold: value.trim() === "" ? Number.NaN : Number(value),
    });
    if (input) save.mutate(input);
  }

  return (
    <form onSubmit={submit} noValidate className="mb-4 flex flex-wrap items-end gap-3 text-sm">
      <label>
        <span className="block font-medium">Default low-stock threshold</span>
        <input
          type="number"
          inputMode="numeric"
          min={0}
          value={value}
          onChange={(event) => setDraft(event.target.value)}
          aria-invalid={form.errors.threshold ? true : undefined}
          className="mt-1 min-h-10 w-28 rounded-md border border-line px-3"
        />
      </label>
      <Button type="submit" variant="secondary" disabled={draft === null || save.isPending}>
        Save default
      </Button>
      <FormMessage error={form.errors.threshold ?? form.errors.form} />
    </form>
  );
}
