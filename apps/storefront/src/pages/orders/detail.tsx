import type { RouterOutputs } from "@shop/api";
import { isClientError, plainErrorMessage, useTRPC, useTRPCClient } from "@shop/client";
import { Button, ErrorState, FormMessage, Skeleton } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate, useParams } from "react-router";
import { ReturnRequest, ReturnsList } from "../../components/order-returns.tsx";
import { OrderView } from "../../components/order-view.tsx";
import { orderKey, rememberOrderKey } from "../../lib/guest-orders.ts";
import { useHydrated, useLinkSecret } from "../../lib/link-secret.ts";
import { useMe } from "../../lib/session.ts";

type Order = RouterOutputs["orders"]["get"];

function CancelButton({
  order,
  orderKey: key,
  onCancelled,
}: {
  order: Order;
  orderKey?: string;
  onCancelled: (order: Order) => void;
}) {
  const trpc = useTRPC();
  const cancel = useMutation(trpc.orders.cancel.mutationOptions({ onSuccess: onCancelled }));
  if (!order.canCancel) return null;
  return (
    <div className="space-y-2">
      <Button
        variant="danger"
        disabled={cancel.isPending}
        onClick={() => {
          if (window.confirm(`Cancel order #${order.number}? If you paid, we refund you in full.`))
            cancel.mutate({ number: order.number, key });
        }}
      >
        Cancel this order
      </Button>
      {isClientError(cancel.error) && <FormMessage error={plainErrorMessage(cancel.error)} />}
    </div>
  );
}

/** A shopper's order: their own when signed in, or anyone's through its secret link. */
export function OrderPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const number = Number(useParams().number);
  const me = useMe();
  const hydrated = useHydrated();
  const linkKey = useLinkSecret("key");
  const key = linkKey ?? (hydrated ? orderKey(number) : undefined);
  const mine = useQuery(trpc.orders.get.queryOptions({ number }, { enabled: Boolean(me.data) && !key }));
  const client = useTRPCClient();
  // Opening by key is a mutation (the key stays out of URLs the API sees and logs), read here like a query.
  const linked = useQuery({
    queryKey: ["linked-order", number, key],
    queryFn: async () => {
      const order = await client.orders.open.mutate({ number, key });
      if (key) rememberOrderKey(number, key);
      return order;
    },
    enabled: Boolean(key),
  });
  if (me.isPending || !hydrated) return <Skeleton className="h-96 w-full" />;
  if (!me.data && !key) return <Navigate to={`/orders/lookup?number=${number}`} replace />;
  const query = key ? linked : mine;
  if (query.isPending) return <Skeleton className="h-96 w-full" />;
  if (query.isError)
    return <ErrorState message={plainErrorMessage(query.error)} onRetry={() => void query.refetch()} />;
  const order = query.data;
  const updated = (next: Order) => {
    if (key) queryClient.setQueryData(["linked-order", number, key], next);
    else queryClient.setQueryData(trpc.orders.get.queryKey({ number }), next);
  };
  return (
    <section aria-labelledby="order-title" className="space-y-6">
      <h1 id="order-title" className="text-2xl font-bold">
        Order #{order.number}
      </h1>
      <OrderView order={order} />
      <ReturnsList order={order} />
      <ReturnRequest order={order} orderKey={key ?? undefined} onRequested={updated} />
      <CancelButton order={order} orderKey={key ?? undefined} onCancelled={updated} />
    </section>
  );
}
