import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { formatMoney, Skeleton } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef } from "react";
import { SummaryLines } from "../../components/checkout/summary-lines.tsx";
import { OrderTotals } from "../../components/order-totals.tsx";
import { holdTime, type PaymentResult } from "../../components/payment/result.ts";
import { TestCardForm } from "../../components/payment/test-card-form.tsx";

const StripePayment = lazy(async () => ({
  default: (await import("../../components/payment/stripe-payment.tsx")).StripePayment,
}));

type Placed = RouterOutputs["checkout"]["placeOrder"];

/** The order being paid for, as the server recorded it: its lines and its totals. */
function OrderSummary({ placed }: { placed: Placed }) {
  const trpc = useTRPC();
  const open = useMutation(trpc.orders.open.mutationOptions());
  const { mutate } = open;
  useEffect(() => mutate({ number: placed.order.number, key: placed.key }), [mutate, placed]);
  const order = open.data;
  if (!order) return open.isError ? null : <Skeleton className="h-40 w-full" />;
  const lines = order.items.map((item) => ({
    id: item.id,
    name: item.productName,
    variantTitle: item.variantTitle,
    quantity: item.quantity,
    image: item.imageUrl ? { url: item.imageUrl, width: 112, height: 112 } : null,
    total: item.total,
  }));
  return (
    <section aria-labelledby="paying-for-title" className="space-y-3 rounded-lg border border-line p-4">
      <h2 id="paying-for-title" className="font-semibold">
        Order summary
      </h2>
      <SummaryLines lines={lines} currency={order.currency} />
      <OrderTotals
        totals={{
          subtotal: order.subtotal,
          discount: order.discountTotal,
          shipping: order.shippingTotal,
          tax: order.taxTotal,
          total: order.total,
        }}
        currency={order.currency}
        couponCode={order.couponCode}
      />
    </section>
  );
}

export function PaymentStep({
  placed,
  onDone,
}: {
  placed: Placed & { payment: NonNullable<Placed["payment"]> };
  onDone: (result: PaymentResult) => void;
}) {
  const { order, payment, reservationMinutes } = placed;
  const heading = useRef<HTMLHeadingElement>(null);
  // The details form this step replaces had focus; start keyboard users at the new step.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="payment-title" className="grid gap-8 lg:grid-cols-[1fr_24rem]">
      <div className="mx-auto w-full max-w-md space-y-4">
        <h1 id="payment-title" ref={heading} tabIndex={-1} className="text-2xl font-bold focus:outline-none">
          Pay for order #{order.number}
        </h1>
        <p>
          Total to pay: <strong className="tabular-nums">{formatMoney(order.total, order.currency)}</strong>
        </p>
        {payment.client.provider === "stripe" ? (
          <Suspense fallback={<Skeleton className="h-48 w-full" />}>
            <StripePayment
              publishableKey={payment.client.publishableKey}
              clientSecret={payment.clientSecret ?? ""}
              returnUrl={`${window.location.origin}/order-confirmation/${order.number}`}
              onDone={onDone}
            />
          </Suspense>
        ) : (
          <TestCardForm clientSecret={payment.clientSecret ?? ""} onDone={onDone} />
        )}
        <p className="text-xs text-muted">Your items are held for {holdTime(reservationMinutes)} while you pay.</p>
      </div>
      <OrderSummary placed={placed} />
    </section>
  );
}
