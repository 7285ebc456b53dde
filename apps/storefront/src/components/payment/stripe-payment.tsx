import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { loadStripe, type Stripe } from "@stripe/stripe-js";
import { Button, FormMessage } from "@shop/ui";
import { useState, type FormEvent } from "react";
import type { PaymentResult } from "./result.ts";

const loaded = new Map<string, Promise<Stripe | null>>();

function Form({ returnUrl, onDone }: { returnUrl: string; onDone: (result: PaymentResult) => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setPending(true);
    // Card details go from Stripe's iframe to Stripe; our server only ever sees the outcome.
    const result = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: returnUrl },
      redirect: "if_required",
    });
    setPending(false);
    // Stripe unreachable or failing on its side: the outcome is unknown; the order's page asks.
    if (result.error?.type === "api_connection_error" || result.error?.type === "api_error")
      return onDone({ outcome: "unknown", error: null });
    if (result.error) return setError(result.error.message ?? "Payment failed.");
    // Succeeded, or still processing (some methods settle later): the order's page follows it up.
    onDone({ outcome: result.paymentIntent.status === "succeeded" ? "succeeded" : "unknown", error: null });
  }
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Card payment">
      <PaymentElement />
      <FormMessage error={error} />
      <Button type="submit" className="w-full" disabled={!stripe || pending}>
        {pending ? "Paying…" : "Pay now"}
      </Button>
    </form>
  );
}

/** Stripe's Payment Element: loaded only when the shop uses Stripe, in this chunk only. */
export function StripePayment(props: {
  publishableKey: string;
  clientSecret: string;
  returnUrl: string;
  onDone: (result: PaymentResult) => void;
}) {
  let stripe = loaded.get(props.publishableKey);
  if (!stripe) {
    stripe = loadStripe(props.publishableKey);
    loaded.set(props.publishableKey, stripe);
  }
  return (
    <Elements stripe={stripe} options={{ clientSecret: props.clientSecret }}>
      <Form returnUrl={props.returnUrl} onDone={props.onDone} />
    </Elements>
  );
}
