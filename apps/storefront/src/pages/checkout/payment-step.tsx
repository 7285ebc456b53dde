import type { RouterOutputs } from "@shop/api";
import { formatMoney, Skeleton } from "@shop/ui";
import { lazy, Suspense, useEffect, useRef } from "react";
import { holdTime, type PaymentResult } from "../../components/payment/result.ts";
import { TestCardForm } from "../../components/payment/test-card-form.tsx";

const StripePayment = lazy(async () => ({
  default: (await import("../../components/payment/stripe-payment.tsx")).StripePayment,
}));

type Placed = RouterOutputs["checkout"]["placeOrder"];

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
    <section aria-labelledby="payment-title" className="mx-auto max-w-md space-y-4">
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
    </section>
  );
}
