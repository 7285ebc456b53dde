import type { RouterOutputs } from "@shop/api";
import { formatMoney, Skeleton } from "@shop/ui";
import { lazy, Suspense } from "react";
import { TestCardForm } from "../../components/payment/test-card-form.tsx";

const StripePayment = lazy(async () => ({ default: (await import("../../components/payment/stripe-payment.tsx")).StripePayment }));

type Placed = RouterOutputs["checkout"]["placeOrder"];
export type PaymentResult = { succeeded: boolean; error: string | null };

export function PaymentStep({ placed, onDone }: { placed: Placed & { payment: NonNullable<Placed["payment"]> }; onDone: (result: PaymentResult) => void }) {
  const { order, payment } = placed;
  return (
    <section aria-labelledby="payment-title" className="mx-auto max-w-md space-y-4">
      <h2 id="payment-title" className="text-xl font-semibold">Pay for order #{order.number}</h2>
      <p>Total to pay: <strong className="tabular-nums">{formatMoney(order.total, order.currency)}</strong></p>
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
      <p className="text-xs text-muted">Your stock is held for 15 minutes while you pay.</p>
    </section>
  );
}
