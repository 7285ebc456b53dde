import type { RouterOutputs } from "@shop/api";
import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { ADJUST_REASONS, StockAdjustSchema } from "@shop/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

type Stock = RouterOutputs["admin"]["inventory"]["get"];
type Reason = (typeof ADJUST_REASONS)[number];

const reasons: Record<Reason, { label: string; sign: 1 | -1 | 0 }> = {
  RESTOCK: { label: "Restock (adds units)", sign: 1 },
  RETURN: { label: "Return (adds units)", sign: 1 },
  DAMAGE: { label: "Damage (removes units)", sign: -1 },
  CORRECTION: { label: "Correction (+ or −)", sign: 0 },
};

/**
 * Staff type a count of units; restock and return add it, damage removes it, a correction takes
 * the sign typed. The server applies it relative to the current level, so a sale in between is
 * never overwritten.
 */
export function AdjustForm({ stock }: { stock: Stock }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useFieldErrors();
  const [reason, setReason] = useState<Reason>("RESTOCK");
  const [units, setUnits] = useState("");
  const [note, setNote] = useState("");
  const [done, setDone] = useState("");
  const adjust = useMutation(
    trpc.admin.inventory.adjust.mutationOptions({
      onSuccess: async (next) => {
        queryClient.setQueryData(trpc.admin.inventory.get.queryKey({ variantId: next.id }), next);
        setUnits("");
        setNote("");
        setDone(`Saved. ${next.stockOnHand} on hand, ${next.available} available.`);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.pathKey() });
      },
      onError: (error) => form.fromServer(error),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone("");
    const typed = units.trim() === "" ? Number.NaN : Number(units);
    const sign = reasons[reason].sign;
    const delta = sign === 0 ? typed : sign * Math.abs(typed);
    const input = form.validate(StockAdjustSchema, { variantId: stock.id, reason, delta, note });
    if (input) adjust.mutate(input);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-3 rounded-lg border border-line p-4"
      aria-labelledby="adjust-title"
    >
      <h2 id="adjust-title" className="text-lg font-semibold">
        Adjust stock
      </h2>
      <label className="text-sm">
        <span className="block font-medium">Reason</span>
        <select
          value={reason}
          onChange={(event) => setReason(ADJUST_REASONS.find((r) => r === event.target.value) ?? "RESTOCK")}
          className="mt-1 min-h-10 w-full rounded-md border border-line px-3"
        >
          {ADJUST_REASONS.map((value) => (
            <option key={value} value={value}>
              {reasons[value].label}
            </option>
          ))}
        </select>
      </label>
      <TextField
        label="Units"
        type="number"
        inputMode="numeric"
        value={units}
        onChange={(event) => setUnits(event.target.value)}
        error={form.errors.delta}
        hint={
          reasons[reason].sign === 0
            ? "Negative to remove, positive to add."
            : `Up to ${stock.available} can be removed (the rest is reserved by orders).`
        }
      />
      <TextField
        label="Note (optional)"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        maxLength={500}
        error={form.errors.note}
      />
      <FormMessage error={form.errors.form ?? form.errors.variantId} success={done} />
      <div>
        <Button type="submit" disabled={adjust.isPending}>
          {adjust.isPending ? "Saving…" : "Save adjustment"}
        </Button>
      </div>
    </form>
  );
}
