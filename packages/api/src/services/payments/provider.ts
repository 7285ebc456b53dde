/** A payment as the provider sees it (Stripe's PaymentIntent vocabulary). */
export type IntentStatus =
  | "requires_payment_method"
  | "requires_confirmation"
  | "requires_action"
  | "processing"
  | "requires_capture"
  | "canceled"
  | "succeeded";

export type ProviderIntent = {
  id: string;
  status: IntentStatus;
  amount: number;
  amountReceived: number;
  /** Lower-case ISO 4217, as Stripe returns it. */
  currency: string;
  /** Our Payment id, from the intent's metadata. */
  paymentId: number | null;
  clientSecret: string | null;
  lastError: string | null;
};

export type ProviderRefund = { id: string; status: "succeeded" | "pending" | "failed" };

export type PaymentClientConfig = { provider: "stripe"; publishableKey: string } | { provider: "test" };

/**
 * What the shop needs from a payment provider. Two implementations: Stripe, and an offline test
 * provider that behaves like Stripe in test mode for the embedded default.
 */
export type PaymentProvider = {
  readonly name: "stripe" | "test";
  createIntent(input: {
    amount: number;
    currency: string;
    orderId: number;
    paymentId: number;
    idempotencyKey: string;
  }): Promise<ProviderIntent>;
  retrieveIntent(id: string): Promise<ProviderIntent>;
  cancelIntent(id: string): Promise<ProviderIntent>;
  refund(input: { intentId: string; amount: number; idempotencyKey: string }): Promise<ProviderRefund>;
  clientConfig(): PaymentClientConfig;
};

/** An event about an intent, from a webhook (Stripe) or the test provider. Only its id is trusted. */
export type PaymentEvent = { id: string; type: string; intentId: string };
