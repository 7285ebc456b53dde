import type { RouterInputs, RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { DataTable, EmptyState, InfiniteList, listParams, SearchFilters, type Column, ListPage } from "@shop/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { DefaultThreshold } from "./default-threshold.tsx";
import { StockBadge } from "./stock-badge.tsx";

type Input = RouterInputs["admin"]["inventory"]["list"];
type Row = RouterOutputs["admin"]["inventory"]["list"]["items"][number];

const columns: Column<Row>[] = [
  {
    key: "sku",
    header: "SKU",
    cell: (row) => (
      <Link to={`/inventory/${row.id}`} className="font-mono font-medium text-brand-700 underline">
        {row.sku}
      </Link>
    ),
  },
  {
    key: "product",
    header: "Product",
    cell: (row) => (
      <>
        {row.productName}
        {row.title && <span className="text-muted"> · {row.title}</span>}
      </>
    ),
  },
  { key: "onHand", header: "On hand", align: "right", cell: (row) => row.stockOnHand },
  { key: "reserved", header: "Reserved", align: "right", cell: (row) => row.reserved },
  { key: "available", header: "Available", align: "right", className: "font-semibold", cell: (row) => row.available },
  {
    key: "threshold",
    header: "Threshold",
    align: "right",
    cell: (row) => (
      <>
        {row.threshold}
        {row.lowStockThreshold === null && <span className="sr-only"> (shop default)</span>}
      </>
    ),
  },
  {
    key: "status",
    header: "Status",
    cell: (row) => <StockBadge available={row.available} threshold={row.threshold} />,
  },
];

/** Stock per variant; `?low=1` is the low-stock list (emptiest first), `?q=` searches SKU or name. */
export function InventoryPage() {
  const trpc = useTRPC();
  const list = listParams(useSearchParams());
  const input: Input = { search: list.text("q") || undefined, lowStock: list.flag("low"), limit: 50 };
  const stock = useInfiniteQuery(
    trpc.admin.inventory.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );

  return (
    <ListPage
      title={input.lowStock ? "Low stock" : "Inventory"}
      actions={
        <>
          <Link to="/inventory/import" className="text-sm font-medium text-brand-700 underline">
            Bulk update by CSV
          </Link>
        </>
      }
    >
      <SearchFilters label="SKU or product name" value={input.search ?? ""} onSearch={(q) => list.set({ q })}>
        <label className="flex min-h-10 items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={input.lowStock === true}
            onChange={(event) => list.set({ low: event.target.checked })}
            className="size-4"
          />
          Only low stock
        </label>
      </SearchFilters>
      <DefaultThreshold />
      <InfiniteList
        query={stock}
        noun="stock levels"
        empty={<EmptyState title={input.lowStock ? "Nothing is low on stock" : "No variants match"} />}
      >
        {(rows) => <DataTable label="Stock per variant" rows={rows} columns={columns} rowTestId="stock-row" />}
      </InfiniteList>
    </ListPage>
  );
}
