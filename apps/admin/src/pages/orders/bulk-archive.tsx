import { isClientError, useTRPC } from "@shop/client";
import { Button } from "@shop/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";

/**
 * Archives the selected orders in one call; orders that may not be archived yet stay selected and
 * the server's reason for the first of them is shown.
 */
export function BulkArchive({
  selected,
  numbers,
  onDone,
}: {
  selected: ReadonlySet<number>;
  numbers: ReadonlyMap<number, number>;
  onDone: (left: number[]) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const archive = useMutation(
    trpc.admin.orders.archiveMany.mutationOptions({
      onSuccess: async (result) => {
        onDone(result.skipped.map((row) => row.orderId));
        await queryClient.invalidateQueries({ queryKey: trpc.admin.orders.list.pathKey() });
      },
    }),
  );
  const result = archive.data;
  const first = result?.skipped[0];
  if (selected.size === 0 && !result && !archive.error) return null;
  return (
    <div className="mb-3 space-y-2 rounded-md bg-subtle p-2 text-sm">
      {selected.size > 0 && (
        <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2">
          <span className="px-2 font-medium">{selected.size} selected</span>
          <Button
            variant="secondary"
            disabled={archive.isPending}
            onClick={() => archive.mutate({ orderIds: [...selected] })}
          >
            Archive orders
          </Button>
        </div>
      )}
      <p role="status" data-testid="bulk-status">
        {result &&
          `Archived ${result.archived.length} ${result.archived.length === 1 ? "order" : "orders"}.` +
            (first
              ? ` ${result.skipped.length} not archived (still selected): #${numbers.get(first.orderId) ?? first.orderId}: ${first.reason}.`
              : "")}
        {archive.error && (isClientError(archive.error) ? archive.error.message : "The shop could not be reached")}
      </p>
    </div>
  );
}
