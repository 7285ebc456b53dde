import { useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, formatCountOf, formatMoney, Skeleton } from "@shop/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { OrderStatusLine } from "../../components/order-view.tsx";
import { Link } from "../../components/link.tsx";

const date = (value: Date) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(value);

export function MyOrdersPage() {
  const trpc = useTRPC();
  const orders = useInfiniteQuery(
    trpc.orders.list.infiniteQueryOptions({ limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  if (orders.isPending) return <Skeleton className="h-48 w-full" />;
  if (orders.isError) return <ErrorState message="Could not load your orders." onRetry={() => void orders.refetch()} />;
  const rows = orders.data.pages.flatMap((page) => page.items);
  if (rows.length === 0)
    return (
      <EmptyState title="No orders yet">
        <Link to="/" className="underline">
          Start shopping
        </Link>
      </EmptyState>
    );
  return (
    <div>
      <ul className="divide-y divide-line rounded-lg border border-line">
        {rows.map((order) => (
          <li key={order.id} className="flex flex-wrap items-center justify-between gap-2 p-4" data-testid="my-order">
            <Link to={`/orders/${order.number}`} className="font-medium text-brand-700 underline">
              Order #{order.number}
            </Link>
            <span className="text-sm text-muted">
              {date(order.placedAt)} · {formatCountOf(order.lineCount, "item")}
            </span>
            <OrderStatusLine order={order} />
            <span className="tabular-nums">{formatMoney(order.total, order.currency)}</span>
          </li>
        ))}
      </ul>
      {orders.hasNextPage && (
        <Button variant="secondary" className="mt-4" onClick={() => void orders.fetchNextPage()}>
          Show more
        </Button>
      )}
    </div>
  );
}
