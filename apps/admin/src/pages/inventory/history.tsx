import { useTRPC } from "@shop/client";
import { Button, ErrorState, Skeleton } from "@shop/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { formatDateTime } from "../../lib/format.ts";

const signed = (value: number) => (value > 0 ? `+${value}` : value === 0 ? "0" : `−${-value}`);

/** Every movement of the variant, newest first, with who or which order caused it. */
export function History({ variantId }: { variantId: number }) {
  const trpc = useTRPC();
  const history = useInfiniteQuery(
    trpc.admin.inventory.history.infiniteQueryOptions(
      { variantId, limit: 25 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const rows = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title" className="mb-2 text-lg font-semibold">
        History
      </h2>
      {history.isError ? (
        <ErrorState message="Could not load the history." onRetry={() => void history.refetch()} />
      ) : history.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : rows.length === 0 ? (
        <p className="text-sm text-muted">No movements yet.</p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-line">
          <table className="w-full min-w-[44rem] text-left text-sm" data-testid="stock-history">
            <thead className="bg-subtle text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="p-3">
                  When
                </th>
                <th scope="col" className="p-3">
                  Reason
                </th>
                <th scope="col" className="p-3 text-right">
                  On hand
                </th>
                <th scope="col" className="p-3 text-right">
                  Reserved
                </th>
                <th scope="col" className="p-3">
                  By
                </th>
                <th scope="col" className="p-3">
                  Note
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((move) => (
                <tr key={move.id} className="border-t border-line" data-testid="movement-row">
                  <td className="p-3 whitespace-nowrap">{formatDateTime(move.createdAt)}</td>
                  <td className="p-3">{move.reason.toLowerCase()}</td>
                  <td className="p-3 text-right tabular-nums">
                    {signed(move.delta)} → {move.stockAfter}
                  </td>
                  <td className="p-3 text-right tabular-nums">
                    {signed(move.reservedDelta)} → {move.reservedAfter}
                  </td>
                  <td className="p-3">
                    {move.order ? (
                      <Link to={`/orders/${move.order.id}`} className="text-brand-700 underline">
                        Order #{move.order.number}
                      </Link>
                    ) : (
                      (move.actor?.name ?? "System")
                    )}
                  </td>
                  <td className="p-3 break-words">{move.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history.hasNextPage && (
        <div className="mt-3 flex justify-center">
          <Button
            variant="secondary"
            onClick={() => void history.fetchNextPage()}
            disabled={history.isFetchingNextPage}
          >
            Older movements
          </Button>
        </div>
      )}
    </section>
  );
}
