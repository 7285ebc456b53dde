import { useTRPC } from "@shop/client";
import { Button } from "@shop/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";

const actions = ["publish", "unpublish", "archive", "feature", "unfeature"] as const;

/** Actions on the selected products, applied all or nothing. */
export function BulkBar({ selected, onDone }: { selected: ReadonlySet<number>; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const bulk = useMutation(
    trpc.admin.products.bulk.mutationOptions({
      onSuccess: async () => {
        onDone();
        await queryClient.invalidateQueries({ queryKey: trpc.admin.products.list.pathKey() });
      },
    }),
  );
  if (selected.size === 0) return null;
  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      className="mb-3 flex flex-wrap items-center gap-2 rounded-md bg-subtle p-2 text-sm"
    >
      <span className="px-2 font-medium">{selected.size} selected</span>
      {actions.map((action) => (
        <Button
          key={action}
          variant="secondary"
          disabled={bulk.isPending}
          onClick={() => bulk.mutate({ ids: [...selected], action })}
        >
          {action[0]?.toUpperCase()}
          {action.slice(1)}
        </Button>
      ))}
      {bulk.isError && (
        <span role="alert" className="text-red-700">
          {bulk.error.message}
        </span>
      )}
    </div>
  );
}
