import { isClientError, useTRPC } from "@shop/client";
import { Button } from "@shop/ui";
import { ORDER_CSV_COLUMNS } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { runInBatches } from "../../lib/batches.ts";
import { useBulkArchive } from "./bulk-archive.tsx";

const BATCH = 25;
type Run = { done: number; total: number; error?: string };

/** Saves `text` as a file the browser downloads. */
function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // Revoked once the browser has taken the file, not before.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * What staff do with many orders at once: print their packing slips (a page of its own, one slip
 * an order), export them as CSV, fetched 25 at a time so a long run shows its progress, or archive
 * them. Each order's audit trail records that it was printed or exported.
 */
export function OrderBulkBar({
  selected,
  numbers,
  onDone,
}: {
  selected: ReadonlySet<number>;
  /** Order numbers by id, for messages about one order. */
  numbers: ReadonlyMap<number, number>;
  onDone: (left: number[]) => void;
}) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const exportCsv = useMutation(trpc.admin.orders.exportCsv.mutationOptions());
  const [run, setRun] = useState<Run | null>(null);
  const archive = useBulkArchive({ selected, numbers, onDone });

  async function exportSelection() {
    const ids = [...selected];
    const lines: string[] = [];
    setRun({ done: 0, total: ids.length });
    const result = await runInBatches(
      ids,
      BATCH,
      async (batch) => lines.push(...(await exportCsv.mutateAsync({ ids: batch })).lines),
      (done) => setRun({ done, total: ids.length }),
    );
    if (result.failed) {
      const reason = isClientError(result.failed.error) ? result.failed.error.message : "The shop could not be reached";
      setRun({ done: result.done, total: ids.length, error: reason });
      onDone(result.failed.remaining);
      return;
    }
    download(
      `${[ORDER_CSV_COLUMNS.join(","), ...lines].join("\r\n")}\r\n`,
      `orders-${new Date().toISOString().slice(0, 10)}.csv`,
    );
    setRun({ done: ids.length, total: ids.length });
    onDone([]);
  }

  if (selected.size === 0 && !run && !archive.active) return null;
  return (
    <div className="mb-3 space-y-2 rounded-md bg-subtle p-2 text-sm">
      {selected.size > 0 && (
        <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2">
          <span className="px-2 font-medium">{selected.size} selected</span>
          <Button
            variant="secondary"
            disabled={exportCsv.isPending}
            onClick={() => void navigate(`/orders/slips?ids=${[...selected].join(",")}`)}
          >
            Print packing slips
          </Button>
          <Button variant="secondary" disabled={exportCsv.isPending} onClick={() => void exportSelection()}>
            Export CSV
          </Button>
          {archive.button}
        </div>
      )}
      {archive.status}
      {run && (
        <div className="flex flex-wrap items-center gap-3">
          <progress max={run.total} value={run.done} aria-label="Export progress" className="w-48" />
          <p role="status" data-testid="export-status">
            Exported {run.done} of {run.total} orders
            {run.done === run.total && !run.error && " — done"}
          </p>
          {run.error && (
            <p role="alert" className="text-red-700">
              Stopped: {run.error} The {run.total - run.done} orders not exported are still selected.
            </p>
          )}
          {!exportCsv.isPending && (
            <Button variant="ghost" onClick={() => setRun(null)}>
              Dismiss
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
