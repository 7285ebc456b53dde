import type { RouterOutputs } from "@shop/api";
import { AddressLines, isClientError, useTRPC } from "@shop/client";
import { Button, FormMessage } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { runInBatches } from "../../lib/batches.ts";
import { formatDateTime } from "../../lib/format.ts";

type Slip = RouterOutputs["admin"]["orders"]["packingSlips"][number];
const BATCH = 25;

/** The ids in `?ids=1,2,3`: positive whole numbers, each once, at most 500. */
const slipIds = (raw: string | null) =>
  [...new Set((raw ?? "").split(",").map(Number))].filter((id) => Number.isInteger(id) && id > 0).slice(0, 500);

function PackingSlip({ slip }: { slip: Slip }) {
  const units = slip.items.reduce((sum, item) => sum + item.quantity, 0);
  return (
    <article
      aria-labelledby={`slip-${slip.id}`}
      data-testid="packing-slip"
      className="break-inside-avoid break-after-page rounded-lg border border-line p-4 print:rounded-none print:border-0"
    >
      <h2 id={`slip-${slip.id}`} className="text-xl font-bold">
        Packing slip · Order #{slip.number}
      </h2>
      <p className="text-sm text-muted">
        Placed {formatDateTime(slip.placedAt)} · {slip.shippingMethodName}
      </p>
      <div className="my-3 text-sm">
        <p className="font-semibold">Ship to</p>
        {slip.shipTo ? <AddressLines address={slip.shipTo} /> : <p>No shipping address</p>}
        <p className="break-all text-muted">{slip.email}</p>
      </div>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Items of order #{slip.number}</caption>
        <thead className="border-b border-line text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="py-1 pr-2">
              Item
            </th>
            <th scope="col" className="py-1 pr-2">
              SKU
            </th>
            <th scope="col" className="py-1 text-right">
              Qty
            </th>
          </tr>
        </thead>
        <tbody>
          {slip.items.map((item) => (
            <tr key={item.id} className="border-b border-line">
              <td className="py-1 pr-2">
                {item.productName}
                {item.variantTitle && <span className="block text-muted">{item.variantTitle}</span>}
              </td>
              <td className="break-all py-1 pr-2">{item.sku}</td>
              <td className="py-1 text-right tabular-nums">{item.quantity}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2} className="py-1 pr-2 text-right font-medium">
              Units
            </th>
            <td className="py-1 text-right tabular-nums">{units}</td>
          </tr>
        </tfoot>
      </table>
    </article>
  );
}

/**
 * Packing slips of the orders in `?ids=`, one a page when printed. They are fetched 25 at a time
 * with the progress shown; fetching them records, an order, that its slip was printed.
 */
export function PackingSlipsPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const [ids] = useState(() => slipIds(params.get("ids")));
  const fetchSlips = useMutation(trpc.admin.orders.packingSlips.mutationOptions());
  const [slips, setSlips] = useState<Slip[]>([]);
  const [done, setDone] = useState(0);
  const [error, setError] = useState<string>();
  // The audit trail records each fetch: strict mode's second mount must not fetch again.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || ids.length === 0) return;
    started.current = true;
    const fetched: Slip[] = [];
    void runInBatches(
      ids,
      BATCH,
      async (batch) => fetched.push(...(await fetchSlips.mutateAsync({ ids: batch }))),
      (count) => {
        setDone(count);
        setSlips([...fetched]);
      },
    ).then((result) => {
      if (result.failed)
        setError(isClientError(result.failed.error) ? result.failed.error.message : "The shop could not be reached");
    });
  }, [ids, fetchSlips]);

  const ready = done === ids.length && ids.length > 0;
  return (
    <section aria-labelledby="slips-title" aria-busy={ids.length > 0 && !ready && !error} className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <h1 id="slips-title" className="text-2xl font-bold">
          Packing slips
        </h1>
        <div className="flex flex-wrap items-center gap-3">
          <Link to="/orders" className="text-sm underline">
            Back to orders
          </Link>
          {ready && <Button onClick={() => window.print()}>Print</Button>}
        </div>
      </div>
      {ids.length === 0 ? (
        <p>No orders were chosen: select orders in the list, then “Print packing slips”.</p>
      ) : (
        <div className="flex flex-wrap items-center gap-3 print:hidden">
          <progress max={ids.length} value={done} aria-label="Packing slips progress" className="w-48" />
          <p role="status" data-testid="slips-status">
            {ready ? `${ids.length} packing slips ready to print` : `Preparing ${done} of ${ids.length} packing slips…`}
          </p>
        </div>
      )}
      <FormMessage error={error} />
      <div className="space-y-4 print:space-y-0">
        {slips.map((slip) => (
          <PackingSlip key={slip.id} slip={slip} />
        ))}
      </div>
    </section>
  );
}
