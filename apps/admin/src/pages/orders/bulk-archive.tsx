import { isClientError, useTRPC } from "@shop/client";
import { Button } from "@shop/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";

/**
 * Archives the selected orders in one call; orders that may not be archived yet stay selected and
 * the server's reason for the first of them is shown. Gives the orders bulk bar its button and
 * its status line.
 */
export function useBulkArchive({
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
  return {
    active: Boolean(result ?? archive.error),
    button: (
      <Button
        variant="secondary"
        disabled={archive.isPending}
        onClick={() => archive.mutate({ orderIds: [...selected] })}
      >
        Archive orders
      </Button>
    ),
    status: (
      <p role="status" data-testid="bulk-status">
        {result &&
          `Archived ${result.archived.length} ${result.archived.length === 1 ? "order" : "orders"}.` +
            (first
              ? ` ${result.skipped.length} not archived (still selected): #${numbers.get(first.orderId) ?? first.orderId}: ${first.reason}.`
              : "")}
        {archive.error && (isClientError(archive.error) ? archive.error.message : "The shop could not be reached")}
      </p>
    ),
  };
}
