import Stripe from "stripe";
import type { IntentStatus, PaymentEvent, PaymentProvider, ProviderIntent } from "./provider.ts";

export type StripeSettings = {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  /** For tests: talk to a local double of Stripe's API instead of api.stripe.com. */
  api?: { host: string; port: number; protocol: "http" | "https" };
};

const statuses: readonly IntentStatus[] = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
  "processing",
  "requires_capture",
  "canceled",
  "succeeded",
];

function toIntent(intent: Stripe.PaymentIntent): ProviderIntent {
  const paymentId = Number(intent.metadata.paymentId);
  return {
    id: intent.id,
    status: statuses.find((status) => status === intent.status) ?? "requires_payment_method",
    amount: intent.amount,
    amountReceived: intent.amount_received,
    currency: intent.currency,
    paymentId: Number.isInteger(paymentId) && paymentId > 0 ? paymentId : null,
    clientSecret: intent.client_secret,
    lastError: intent.last_payment_error?.message ?? null,
  };
}

export function createStripeProvider(
  settings: StripeSettings,
): PaymentProvider & { parseWebhook(body: Buffer, signature: string): PaymentEvent | null } {
  const stripe = new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(settings.api && { host: settings.api.host, port: settings.api.port, protocol: settings.api.protocol }),
  });
  return {
    name: "stripe",
    async createIntent(input) {
      const intent = await stripe.paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          automatic_payment_methods: { enabled: true },
          metadata: { orderId: String(input.orderId), paymentId: String(input.paymentId) },
        },
        // Deterministic: a retried checkout gets the same PaymentIntent, never a second charge.
        { idempotencyKey: input.idempotencyKey },
      );
      return toIntent(intent);
    },
    async retrieveIntent(id) {
      return toIntent(await stripe.paymentIntents.retrieve(id));
    },
    async cancelIntent(id) {
      return toIntent(await stripe.paymentIntents.cancel(id));
    },
    async refund(input) {
      const refund = await stripe.refunds.create(
        { payment_intent: input.intentId, amount: input.amount },
        { idempotencyKey: input.idempotencyKey },
      );
      return {
        id: refund.id,
        status: refund.status === "succeeded" ? "succeeded" : refund.status === "failed" ? "failed" : "pending",
      };
    },
    clientConfig: () => ({ provider: "stripe", publishableKey: settings.publishableKey }),
    /** Verifies the signature over the raw body; null when it does not match. */
    parseWebhook(body, signature) {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(body, signature, settings.webhookSecret);
      } catch {
        return null;
      }
      const object: unknown = event.data.object;
      const intentId =
        object &&
        typeof object === "object" &&
        "object" in object &&
        object.object === "payment_intent" &&
        "id" in object
          ? String(object.id)
          : null;
      return intentId ? { id: event.id, type: event.type, intentId } : { id: event.id, type: event.type, intentId: "" };
    },
  };
}
