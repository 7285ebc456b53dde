import { useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, Skeleton, TableScroll } from "@shop/ui";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";

const when = (value: Date | null) =>
  value ? new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" }).format(value) : "—";

/** An endpoint's deliveries, newest first: what was sent, what the receiver answered, and Redeliver. */
export function Deliveries({ endpointId }: { endpointId: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deliveries = useInfiniteQuery(
    trpc.admin.webhooks.deliveries.infiniteQueryOptions(
      { endpointId, limit: 25 },
      { getNextPageParam: (page) => page.nextCursor, refetchInterval: 5_000 },
    ),
  );
  const redeliver = useMutation(
    trpc.admin.webhooks.redeliver.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.webhooks.pathKey() }),
    }),
  );
  if (deliveries.isPending) return <Skeleton className="h-48 w-full" />;
  if (deliveries.isError)
    return <ErrorState message="Could not load the deliveries." onRetry={() => void deliveries.refetch()} />;
  const rows = deliveries.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return <EmptyState title="Nothing sent yet">Events appear here as they happen.</EmptyState>;
  return (
    <>
      <TableScroll label="Deliveries">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-line">
              <th className="p-2">Event</th>
              <th className="p-2">Status</th>
              <th className="p-2">Attempts</th>
              <th className="p-2">Response</th>
              <th className="p-2">Last attempt</th>
              <th className="p-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-line align-top">
                <td className="p-2">
                  <span className="block font-mono">{row.type}</span>
                  <span className="block font-mono text-xs text-muted">{row.eventId}</span>
                  <span className="block text-xs text-muted">{row.resource}</span>
                </td>
                <td className="p-2" data-status={row.status}>
                  {row.status === "SUCCEEDED" ? "Delivered" : row.status === "FAILED" ? "Gave up" : "Pending"}
                  {row.status === "PENDING" && row.attempts > 0 && (
                    <span className="block text-xs text-muted">next {when(row.nextAttemptAt)}</span>
                  )}
                </td>
                <td className="p-2">{row.attempts}</td>
                <td className="max-w-xs p-2">
                  {row.responseStatus !== null && <span className="block">HTTP {row.responseStatus}</span>}
                  {row.lastError && <span className="block text-red-800">{row.lastError}</span>}
                  {row.responseBody && (
                    <details>
                      <summary className="cursor-pointer text-xs">Body</summary>
                      <pre className="whitespace-pre-wrap break-words text-xs">{row.responseBody}</pre>
                    </details>
                  )}
                  {row.durationMs !== null && <span className="block text-xs text-muted">{row.durationMs} ms</span>}
                </td>
                <td className="p-2">{when(row.lastAttemptAt)}</td>
                <td className="p-2">
                  <Button
                    variant="secondary"
                    disabled={redeliver.isPending}
                    onClick={() => redeliver.mutate({ deliveryId: row.id })}
                    aria-label={`Redeliver ${row.type} ${row.eventId}`}
                  >
                    Redeliver
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {deliveries.hasNextPage && (
        <Button variant="secondary" onClick={() => void deliveries.fetchNextPage()}>
          Load more
        </Button>
      )}
    </>
  );
}
