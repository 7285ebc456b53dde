import { useTRPC } from "@shop/client";
import { FormMessage } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useStaff } from "../../lib/me.ts";

/** Shopify's "automatically archive the order" setting: admins switch it, staff are told it is on. */
export function AutoArchiveSetting() {
  const trpc = useTRPC();
  const staff = useStaff();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.admin.orders.settings.queryOptions());
  const save = useMutation(
    trpc.admin.orders.setSettings.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.admin.orders.settings.queryKey(), next),
    }),
  );
  if (!settings.data) return null;
  if (staff.role !== "ADMIN")
    return settings.data.autoArchive ? (
      <p className="mt-4 text-sm text-muted">Orders are archived automatically once fulfilled.</p>
    ) : null;
  return (
    <div className="mt-4 text-sm">
      <label className="flex min-h-10 items-center gap-2">
        <input
          type="checkbox"
          checked={settings.data.autoArchive}
          disabled={save.isPending}
          onChange={(event) => save.mutate({ autoArchive: event.currentTarget.checked })}
          className="size-4"
        />
        Archive orders automatically once they are fulfilled and paid
      </label>
      <FormMessage error={save.error?.message} />
    </div>
  );
}
