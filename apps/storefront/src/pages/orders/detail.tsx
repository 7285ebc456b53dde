import type { RouterOutputs } from "@shop/api";
import { isClientError, useTRPC, useTRPCClient } from "@shop/client";
import { Button, ErrorState, FormMessage, Skeleton } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate, useParams } from "react-router";
import { OrderView } from "../../components/order-view.tsx";
import { guestOrderEmail } from "../../lib/guest-orders.ts";
import { useMe } from "../../lib/session.ts";

type Order = RouterOutputs["orders"]["get"];

function CancelButton({
  order,
  email,
  onCancelled,
}: {
  order: Order;
  email?: string;
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
            cancel.mutate({ number: order.number, email });
        }}
      >
        Cancel this order
      </Button>
      {isClientError(cancel.error) && <FormMessage error={cancel.error.message} />}
    </div>
  );
}

/** A shopper's order: their own when signed in, or a guest's found by number and email. */
export function OrderPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const number = Number(useParams().number);
  const me = useMe();
  const email = guestOrderEmail(number);
  const mine = useQuery(trpc.orders.get.queryOptions({ number }, { enabled: Boolean(me.data) && !email }));
  const client = useTRPCClient();
  // The guest lookup is a mutation (the email stays out of URLs), read here like a query.
  const guest = useQuery({
    queryKey: ["guest-order", number, email],
    queryFn: () => client.orders.lookup.mutate({ number, email: email ?? "" }),
    enabled: Boolean(email),
  });
  if (me.isPending) return <Skeleton className="h-96 w-full" />;
  if (!me.data && !email) return <Navigate to={`/orders/lookup?number=${number}`} replace />;
  const query = email ? guest : mine;
  if (query.isPending) return <Skeleton className="h-96 w-full" />;
  if (query.isError)
    return (
      <ErrorState
        message={isClientError(query.error) ? query.error.message : "We could not load this order."}
        onRetry={() => void query.refetch()}
      />
    );
  const order = query.data;
  return (
    <section aria-labelledby="order-title" className="space-y-6">
      <h1 id="order-title" className="text-2xl font-bold">
        Order #{order.number}
      </h1>
      <OrderView order={order} />
      <CancelButton
        order={order}
        email={email}
        onCancelled={(updated) => {
          if (email) queryClient.setQueryData(["guest-order", number, email], updated);
          else queryClient.setQueryData(trpc.orders.get.queryKey({ number }), updated);
        }}
      />
    </section>
  );
}
