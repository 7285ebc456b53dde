import { useTRPC } from "@shop/client";
import { EmptyState, InfiniteList, Skeleton, ListPage } from "@shop/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useShopCurrency } from "../../lib/settings.ts";
import { AutoArchiveSetting } from "./auto-archive.tsx";
import { OrderBulkBar } from "./bulk-bar.tsx";
import { OrderFilters } from "./filters.tsx";
import { orderListInput } from "./list-input.ts";
import { OrdersTable } from "./table.tsx";

function TableSkeleton() {
  return (
    <div className="space-y-2" aria-hidden="true">
      {Array.from({ length: 8 }, (_, index) => (
        <Skeleton key={index} className="h-12 w-full" />
      ))}
    </div>
  );
}

export function OrdersPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const currency = useShopCurrency();
  const input = orderListInput(params, currency);
  // Totals typed in major units need the currency to convert; wait for it only then.
  const ready = currency !== undefined || (!params.get("min") && !params.get("max"));
  const orders = useInfiniteQuery(
    trpc.admin.orders.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor, enabled: ready }),
  );
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const numbers = new Map(orders.data?.pages.flatMap((page) => page.items.map((row) => [row.id, row.number])));
  const customer = useQuery(
    trpc.admin.customers.get.queryOptions({ id: input.customerId ?? 0 }, { enabled: input.customerId !== undefined }),
  );

  return (
    <ListPage title="Orders">
      {input.customerId !== undefined && (
        <p className="mb-3 text-sm">
          Orders of{" "}
          <Link to={`/customers/${input.customerId}`} className="font-medium text-brand-700 underline">
            {customer.data ? `${customer.data.name} (${customer.data.email})` : `customer #${input.customerId}`}
          </Link>{" "}
          ·{" "}
          <button
            type="button"
            className="text-brand-700 underline"
            onClick={() => {
              const next = new URLSearchParams(params);
              next.delete("customerId");
              setParams(next);
            }}
          >
            All customers
          </button>
        </p>
      )}
      <OrderFilters key={params.toString()} params={params} currency={currency} onApply={setParams} />
      <OrderBulkBar selected={selected} numbers={numbers} onDone={(left) => setSelected(new Set(left))} />
      <InfiniteList
        query={orders}
        noun="orders"
        loading={<TableSkeleton />}
        empty={<EmptyState title="No orders match">Try fewer filters, or another number or email.</EmptyState>}
      >
        {(rows) => (
          <OrdersTable
            rows={rows}
            selection={{
              selected,
              onChange: setSelected,
              label: (id) => `Select order #${numbers.get(id) ?? id}`,
            }}
          />
        )}
      </InfiniteList>
      <AutoArchiveSetting />
    </ListPage>
  );
}
