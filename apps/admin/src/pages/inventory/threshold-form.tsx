import type { RouterOutputs } from "@shop/api";
import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { ThresholdSchema } from "@shop/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

type Stock = RouterOutputs["admin"]["inventory"]["get"];

/** The variant's own low-stock threshold; left empty, the shop default applies. */
export function ThresholdForm({ stock }: { stock: Stock }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useFieldErrors();
  const [value, setValue] = useState(stock.lowStockThreshold === null ? "" : String(stock.lowStockThreshold));
  const [done, setDone] = useState("");
  const save = useMutation(
    trpc.admin.inventory.setThreshold.mutationOptions({
      onSuccess: async (next) => {
        queryClient.setQueryData(trpc.admin.inventory.get.queryKey({ variantId: next.id }), next);
        setDone(next.lowStockThreshold === null ? `Using the shop default (${next.threshold}).` : "Saved.");
        await queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.list.pathKey() });
      },
      onError: (error) => form.fromServer(error),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone("");
    const input = form.validate(ThresholdSchema, {
      variantId: stock.id,
      threshold: value.trim() === "" ? null : Number(value),
    });
    if (input) save.mutate(input);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-3 rounded-lg border border-line p-4"
      aria-labelledby="threshold-title"
    >
      <h2 id="threshold-title" className="text-lg font-semibold">
        Low-stock alert
      </h2>
      <p className="text-sm text-muted">
        Staff get one email when available units fall to the threshold or below, and another only after stock has risen
        above it again.
      </p>
      <TextField
        label="Threshold"
        type="number"
        inputMode="numeric"
        min={0}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={form.errors.threshold}
        hint={`Leave empty for the shop default${stock.lowStockThreshold === null ? ` (now ${stock.threshold})` : ""}.`}
      />
      <FormMessage error={form.errors.form} success={done} />
      <div>
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          Save threshold
        </Button>
      </div>
    </form>
  );
}
