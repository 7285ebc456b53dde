import type { RouterInputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, Skeleton } from "@shop/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { DefaultThreshold } from "./default-threshold.tsx";
import { StockBadge } from "./stock-badge.tsx";

type Input = RouterInputs["admin"]["inventory"]["list"];

/** Stock per variant; `?low=1` is the low-stock list (emptiest first), `?q=` searches SKU or name. */
export function InventoryPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const input: Input = {
    search: params.get("q") || undefined,
    lowStock: params.get("low") === "1" || undefined,
    limit: 50,
  };
  const [draft, setDraft] = useState(input.search ?? "");
  const stock = useInfiniteQuery(
    trpc.admin.inventory.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );
  const rows = stock.data?.pages.flatMap((page) => page.items) ?? [];
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  return (
    <section aria-labelledby="inventory-title">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 id="inventory-title" className="text-2xl font-bold">
          {input.lowStock ? "Low stock" : "Inventory"}
        </h1>
        <Link to="/inventory/import" className="text-sm font-medium text-brand-700 underline">
          Bulk update by CSV
        </Link>
      </div>
      <form
        role="search"
        className="mb-4 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          update("q", draft.trim());
        }}
      >
        <label className="text-sm">
          <span className="block font-medium">SKU or product name</span>
          <input
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            className="mt-1 min-h-10 rounded-md border border-line px-3"
          />
        </label>
        <Button type="submit" variant="secondary">
          Search
        </Button>
        <label className="flex min-h-10 items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={input.lowStock === true}
            onChange={(event) => update("low", event.target.checked ? "1" : "")}
            className="size-4"
          />
          Only low stock
        </label>
      </form>
      <DefaultThreshold />
      {stock.isError ? (
        <ErrorState message="Could not load stock levels." onRetry={() => void stock.refetch()} />
      ) : stock.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : rows.length === 0 ? (
        <EmptyState title={input.lowStock ? "Nothing is low on stock" : "No variants match"} />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-line">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">Stock per variant</caption>
            <thead className="bg-subtle text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="p-3">
                  SKU
                </th>
                <th scope="col" className="p-3">
                  Product
                </th>
                <th scope="col" className="p-3 text-right">
                  On hand
                </th>
                <th scope="col" className="p-3 text-right">
                  Reserved
                </th>
                <th scope="col" className="p-3 text-right">
                  Available
                </th>
                <th scope="col" className="p-3 text-right">
                  Threshold
                </th>
                <th scope="col" className="p-3">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-line" data-testid="stock-row">
                  <td className="p-3">
                    <Link to={`/inventory/${row.id}`} className="font-mono font-medium text-brand-700 underline">
                      {row.sku}
                    </Link>
                  </td>
                  <td className="p-3">
                    {row.productName}
                    {row.title && <span className="text-muted"> · {row.title}</span>}
                  </td>
                  <td className="p-3 text-right tabular-nums">{row.stockOnHand}</td>
                  <td className="p-3 text-right tabular-nums">{row.reserved}</td>
                  <td className="p-3 text-right font-semibold tabular-nums">{row.available}</td>
                  <td className="p-3 text-right tabular-nums">
                    {row.threshold}
                    {row.lowStockThreshold === null && <span className="sr-only"> (shop default)</span>}
                  </td>
                  <td className="p-3">
                    <StockBadge available={row.available} threshold={row.threshold} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {stock.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button variant="secondary" onClick={() => void stock.fetchNextPage()} disabled={stock.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
    </section>
  );
}
