import { AppError } from "../../errors.ts";

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
  /** Where the shopper approves the payment at the provider (PayPal), for providers that redirect. */
  approvalUrl: string | null;
  lastError: string | null;
};

export type ProviderRefund = { id: string; status: "succeeded" | "pending" | "failed" };

export type PaymentClientConfig =
  { provider: "stripe"; publishableKey: string } | { provider: "test" } | { provider: "paypal" };

export type ProviderName = "stripe" | "test" | "paypal";

/**
 * What the shop needs from a payment provider. The card provider is Stripe, or an offline test
 * provider that behaves like Stripe in test mode for the embedded default; PayPal can be offered
 * beside it (`alongside`).
 */
export type PaymentProvider = {
  readonly name: ProviderName;
  createIntent(input: {
    amount: number;
    currency: string;
    orderId: number;
    paymentId: number;
    idempotencyKey: string;
    /** Where a redirecting provider (PayPal) sends the shopper back after approving or cancelling. */
    returnUrl: string;
    cancelUrl: string;
  }): Promise<ProviderIntent>;
  retrieveIntent(id: string): Promise<ProviderIntent>;
  cancelIntent(id: string): Promise<ProviderIntent>;
  refund(input: { intentId: string; amount: number; idempotencyKey: string }): Promise<ProviderRefund>;
  clientConfig(): PaymentClientConfig;
  /**
   * Takes the money the shopper approved, for providers where the server does that (PayPal); the
   * key makes a retried capture the same capture.
   */
  capture?(intentId: string, idempotencyKey: string): Promise<ProviderIntent>;
  /** A refund as the provider has it (one made in PayPal's dashboard, say), for its webhook. */
  retrieveRefund?(refundId: string): Promise<{ id: string; intentId: string; amount: number; customId: string | null }>;
  /** Other providers offered beside this one (PayPal beside the card provider). */
  readonly alongside?: readonly PaymentProvider[];
};

/** The provider that took a recorded payment (its `Payment.provider`), among those the shop offers. */
export function providerFor(provider: PaymentProvider, name: string): PaymentProvider {
  if (name === provider.name) return provider;
  const other = provider.alongside?.find((one) => one.name === name);
  if (!other) throw new AppError("UNAVAILABLE", `The ${name} payment provider is not configured`);
  return other;
}

/**
 * An event about an intent, from a webhook or the test provider. Only its ids are trusted: the
 * intent (or the refund) is read again from the provider. `refundId` is set for PayPal's
 * PAYMENT.CAPTURE.REFUNDED.
 */
export type PaymentEvent = { id: string; type: string; intentId: string; refundId?: string };
