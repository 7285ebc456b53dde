import Stripe from "stripe";
import { AppError, RETRY_AFTER_SECONDS } from "../../errors.ts";
import type { IntentStatus, PaymentEvent, PaymentProvider, ProviderIntent } from "./provider.ts";

export type StripeSettings = {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  /**
   * How long one call to Stripe may take, and how many times the SDK retries a failed one (with
   * the same idempotency key). The worst wait is about timeoutMs × (retries + 1) plus a second
   * of backoff; the defaults keep a checkout under Fastify's 30-second request timeout.
   */
  timeoutMs?: number;
  maxNetworkRetries?: number;
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
    approvalUrl: null,
    lastError: intent.last_payment_error?.message ?? null,
  };
}

/** Stripe unreachable, too slow, rate limiting or failing on its side: try again later (503). */
function unavailable(error: unknown): unknown {
  const { StripeConnectionError, StripeAPIError, StripeRateLimitError, StripeError } = Stripe.errors;
  const outage =
    error instanceof StripeConnectionError ||
    error instanceof StripeAPIError ||
    error instanceof StripeRateLimitError ||
    (error instanceof StripeError && (error.statusCode ?? 0) >= 500);
  if (!outage) return error;
  return new AppError(
    "UNAVAILABLE",
    "The payment provider is not answering. Please try again in a moment.",
    { retryAfterSeconds: RETRY_AFTER_SECONDS },
    { cause: error },
  );
}

const guarded = async <T>(call: Promise<T>): Promise<T> => {
  try {
    return await call;
  } catch (error) {
    throw unavailable(error);
  }
};

export function createStripeProvider(
  settings: StripeSettings,
): PaymentProvider & { parseWebhook(body: Buffer, signature: string): PaymentEvent | null } {
  const stripe = new Stripe(settings.secretKey, {
    maxNetworkRetries: settings.maxNetworkRetries ?? 1,
    timeout: settings.timeoutMs ?? 8_000,
    ...(settings.api && { host: settings.api.host, port: settings.api.port, protocol: settings.api.protocol }),
  });
  return {
    name: "stripe",
    async createIntent(input) {
      const intent = await guarded(
        stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            automatic_payment_methods: { enabled: true },
            metadata: { orderId: String(input.orderId), paymentId: String(input.paymentId) },
          },
          // Deterministic: a retried checkout gets the same PaymentIntent, never a second charge.
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return toIntent(intent);
    },
    async retrieveIntent(id) {
      return toIntent(await guarded(stripe.paymentIntents.retrieve(id)));
    },
    async cancelIntent(id) {
      return toIntent(await guarded(stripe.paymentIntents.cancel(id)));
    },
    async refund(input) {
      const refund = await guarded(
        stripe.refunds.create(
          { payment_intent: input.intentId, amount: input.amount },
          { idempotencyKey: input.idempotencyKey },
        ),
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
