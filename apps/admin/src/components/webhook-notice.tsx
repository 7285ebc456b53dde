import { useTRPC } from "@shop/client";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

/** Tells admins, on every page, that the shop switched a failing webhook endpoint off. */
export function WebhookNotice() {
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.admin.webhooks.list.queryOptions(undefined, { staleTime: 60_000 }));
  const disabled = endpoints.data?.filter((endpoint) => endpoint.disabledAt !== null) ?? [];
  const first = disabled[0];
  if (!first) return null;
  return (
    <p role="status" className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {disabled.length === 1 ? "A webhook endpoint was" : `${disabled.length} webhook endpoints were`} switched off
      after a day of failed deliveries.{" "}
      <Link to={`/webhooks/${first.id}`} className="underline">
        Review {first.url}
      </Link>
    </p>
  );
}
