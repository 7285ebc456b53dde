import { useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, Skeleton } from "@shop/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { useShopCurrency } from "../../lib/settings.ts";
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
  const customer = useQuery(
    trpc.admin.customers.get.queryOptions({ id: input.customerId ?? 0 }, { enabled: input.customerId !== undefined }),
  );
  const rows = orders.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title" className="mb-4 text-2xl font-bold">
        Orders
      </h1>
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
      <p role="status" className="sr-only">
        {orders.isPending ? "Loading orders" : orders.isSuccess ? `${rows.length} orders shown` : ""}
      </p>
      <div aria-busy={orders.isFetching}>
        {orders.isError ? (
          <ErrorState
            message={`Could not load orders: ${orders.error.message}`}
            onRetry={() => void orders.refetch()}
          />
        ) : orders.isPending ? (
          <TableSkeleton />
        ) : rows.length === 0 ? (
          <EmptyState title="No orders match">Try fewer filters, or another number or email.</EmptyState>
        ) : (
          <OrdersTable rows={rows} />
        )}
      </div>
      {orders.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button variant="secondary" onClick={() => void orders.fetchNextPage()} disabled={orders.isFetchingNextPage}>
            {orders.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </section>
  );
}
