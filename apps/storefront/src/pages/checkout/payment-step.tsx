import type { RouterOutputs } from "@shop/api";
import { plainErrorMessage, useTRPC } from "@shop/client";
import { formatMoney, FormMessage, Skeleton } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { SummaryLines } from "../../components/checkout/summary-lines.tsx";
import { OrderTotals } from "../../components/order-totals.tsx";
import { holdTime, type PaymentResult } from "../../components/payment/result.ts";
import { PaypalButton } from "../../components/payment/paypal-button.tsx";
import { TestCardForm } from "../../components/payment/test-card-form.tsx";

const StripePayment = lazy(async () => ({
  default: (await import("../../components/payment/stripe-payment.tsx")).StripePayment,
}));

type Payment = RouterOutputs["checkout"]["payment"];
type Method = Payment["methods"][number];

/** An unpaid order at its payment step: just placed, or come back to (from PayPal, say). */
export type PayingFor = {
  order: { number: number; total: number; currency: string };
  /** The order's secret link key; a signed-in owner needs none. */
  key?: string;
  payment: Payment;
  /** How long the items are held, right after placing the order. */
  reservationMinutes?: number;
};

/** The order being paid for, as the server recorded it: its lines and its totals. */
function OrderSummary({ placed }: { placed: PayingFor }) {
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

/** Card or PayPal, when the shop offers both; the server's answer decides which form shows. */
function MethodChoice({
  methods,
  value,
  onChange,
}: {
  methods: Method[];
  value: Method;
  onChange: (m: Method) => void;
}) {
  const labels: Record<Method, string> = { card: "Card", paypal: "PayPal" };
  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">How would you like to pay?</legend>
      {methods.map((method) => (
        <label key={method} className="flex items-center gap-2 rounded-md border border-line p-3 text-sm">
          <input
            type="radio"
            name="paymentMethod"
            value={method}
            checked={value === method}
            onChange={() => onChange(method)}
          />
          <strong>{labels[method]}</strong>
        </label>
      ))}
    </fieldset>
  );
}

function CardForm({ placed, onDone }: { placed: PayingFor; onDone: (result: PaymentResult) => void }) {
  const { order, payment } = placed;
  if (payment.client.provider === "stripe")
    return (
      <Suspense fallback={<Skeleton className="h-48 w-full" />}>
        <StripePayment
          publishableKey={payment.client.publishableKey}
          clientSecret={payment.clientSecret ?? ""}
          returnUrl={`${window.location.origin}/order-confirmation/${order.number}`}
          onDone={onDone}
        />
      </Suspense>
    );
  return <TestCardForm clientSecret={payment.clientSecret ?? ""} onDone={onDone} />;
}

export function PaymentStep({
  placed,
  onDone,
  onPayment,
}: {
  placed: PayingFor;
  onDone: (result: PaymentResult) => void;
  /** The server answered a new payment (the shopper went back from PayPal to the card). */
  onPayment: (payment: Payment) => void;
}) {
  const trpc = useTRPC();
  const { order, payment, reservationMinutes } = placed;
  const heading = useRef<HTMLHeadingElement>(null);
  const [method, setMethod] = useState<Method>(payment.client.provider === "paypal" ? "paypal" : "card");
  const switchToCard = useMutation(trpc.checkout.payment.mutationOptions({ onSuccess: onPayment }));
  // The details form this step replaces had focus; start keyboard users at the new step.
  useEffect(() => heading.current?.focus(), []);
  function choose(next: Method) {
    setMethod(next);
    // The open payment is PayPal's (the shopper came back from it): the card needs its own.
    if (next === "card" && payment.client.provider === "paypal")
      switchToCard.mutate({ number: order.number, key: placed.key, method: "card" });
  }
  return (
    <section aria-labelledby="payment-title" className="grid gap-8 lg:grid-cols-[1fr_24rem]">
      <div className="mx-auto w-full max-w-md space-y-4">
        <h1 id="payment-title" ref={heading} tabIndex={-1} className="text-2xl font-bold focus:outline-none">
          Pay for order #{order.number}
        </h1>
        <p>
          Total to pay: <strong className="tabular-nums">{formatMoney(order.total, order.currency)}</strong>
        </p>
        {payment.methods.length > 1 && <MethodChoice methods={payment.methods} value={method} onChange={choose} />}
        {method === "paypal" ? (
          <PaypalButton number={order.number} orderKey={placed.key} />
        ) : switchToCard.isError ? (
          <FormMessage error={plainErrorMessage(switchToCard.error)} />
        ) : payment.client.provider === "paypal" ? (
          <Skeleton className="h-48 w-full" />
        ) : (
          <CardForm placed={placed} onDone={onDone} />
        )}
        {reservationMinutes !== undefined && (
          <p className="text-xs text-muted">Your items are held for {holdTime(reservationMinutes)} while you pay.</p>
        )}
      </div>
      <OrderSummary placed={placed} />
    </section>
  );
}
