import type { RouterOutputs } from "@shop/api";
import { isClientError, plainErrorMessage, useTRPC } from "@shop/client";
import { Button, ErrorState, FormMessage, Skeleton } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useParams } from "react-router";
import { OrderView } from "../components/order-view.tsx";
import { orderKey, orderLink } from "../lib/guest-orders.ts";
import { useMe } from "../lib/session.ts";
import { Link } from "../components/link.tsx";

type Order = RouterOutputs["checkout"]["confirm"];

/** A 5xx or a lost connection: worth asking again in a moment. */
const retryable = (error: unknown) => !isClientError(error) || (error.data?.httpStatus ?? 500) >= 500;

/**
 * After paying, or after a payment whose answer was lost: asks the server to check with the
 * payment provider (the same fulfilment the webhook runs), and keeps asking for a little while
 * if the payment is still being processed or the shop is briefly unavailable.
 */
export function OrderConfirmationPage() {
  const trpc = useTRPC();
  const number = Number(useParams().number);
  const me = useMe();
  const key = orderKey(number);
  const [order, setOrder] = useState<Order | null>(null);
  const [checking, setChecking] = useState(true);
  const confirm = useMutation(trpc.checkout.confirm.mutationOptions({ onSuccess: setOrder }));
  const retry = useMutation(trpc.checkout.retry.mutationOptions({ onSuccess: () => window.location.assign("/cart") }));
  const ready = !me.isPending;
  const access = key ? { number, key } : { number };

  useEffect(() => {
    if (!ready || !Number.isInteger(number)) return;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = (more: boolean) => {
      if (more && ++attempts < 10) timer = setTimeout(poll, 2_000);
      else setChecking(false);
    };
    const poll = () => {
      confirm.mutate(access, {
        onSuccess: (result) => again(result.paymentStatus === "PENDING" && result.state === "OPEN"),
        onError: (error) => again(retryable(error)),
      });
    };
    poll();
    return () => clearTimeout(timer);
    // Polls once per order page; `confirm` and `access` are stable enough for that.
  }, [ready, number]);

  if (confirm.isError && !order && !checking) {
    // PayPal refused the way to pay the shopper approved: the order waits for another try.
    const payAgain = isClientError(confirm.error) && confirm.error.data?.code === "PRECONDITION_FAILED";
    return (
      <div className="space-y-3">
        <ErrorState message={plainErrorMessage(confirm.error)} />
        {payAgain && (
          <Link to={`/checkout?pay=${number}`} className="inline-block font-medium text-brand-700 underline">
            Back to the payment step
          </Link>
        )}
      </div>
    );
  }
  if (!order) return <Skeleton className="h-96 w-full" />;
  const paid = order.paymentStatus !== "PENDING" && order.state !== "CANCELLED";
  return (
    <section aria-labelledby="confirmation-title" className="space-y-6">
      <h1 id="confirmation-title" className="text-2xl font-bold">
        {paid ? `Thank you! Order #${order.number} is confirmed` : `Order #${order.number}`}
      </h1>
      {paid && <FormMessage success={`We have emailed a receipt to ${order.email}.`} />}
      {key && (
        <p className="text-sm">
          Keep this private link to see or cancel your order without an account (it is in your email too):{" "}
          <a
            href={orderLink(order.number, key)}
            className="break-all font-medium text-brand-700 underline"
            data-testid="order-link"
          >
            {orderLink(order.number, key)}
          </a>
        </p>
      )}
      {order.paymentStatus === "PENDING" && order.state === "OPEN" && (
        <p role="status">
          {checking
            ? "We are checking your payment with the payment provider…"
            : "We have not received your payment yet. If your card was charged, this order is confirmed automatically within a few minutes and we email you a receipt."}
        </p>
      )}
      {order.state === "CANCELLED" && (
        <div className="space-y-3">
          <FormMessage error={order.cancelReason ?? "This order was cancelled."} />
          <Button onClick={() => retry.mutate(access)} disabled={retry.isPending}>
            Put my items back in the cart
          </Button>
        </div>
      )}
      <OrderView order={order} />
      <Link to={me.data ? "/account/orders" : "/"} className="inline-block font-medium text-brand-700 underline">
        {me.data ? "See all your orders" : "Continue shopping"}
      </Link>
    </section>
  );
}
