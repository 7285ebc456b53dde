import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.ts";

export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { RETRY_AFTER_SECONDS, toTRPCError } from "./errors.ts";
export { createContextInner, type ApiConfig, type Context, type RequestInfo } from "./context.ts";
export { SESSION_COOKIE, validateSessionToken, type AuthState } from "./services/auth/sessions.ts";
export { createMemoryStore, createRedisStore, withFallback, type RateLimitStore } from "./lib/rate-limit/index.ts";
export { inFlightLimit } from "./lib/in-flight.ts";
export { createBreaker, withTimeout, type Breaker, type BreakerState } from "./lib/breaker.ts";
export { deliverDueEmails, type EmailTransport } from "./services/email/deliver.ts";
export { issueResetLinkForOperator } from "./services/auth/force-reset.ts";
export { createSmtpTransport } from "./services/email/smtp.ts";
export {
  procedureFacts,
  type Access,
  type CacheRule,
  type Meta,
  type ProcedureFacts,
  type RateLimitRule,
  type RestRoute,
} from "./meta.ts";
export { deleteQueuedMedia } from "./services/media/delete-queued.ts";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { CART_COOKIE } from "./services/cart/owner.ts";
export { handlePaymentEvent } from "./services/payments/events.ts";
export type { PaymentProvider, PaymentEvent } from "./services/payments/provider.ts";
export { createPaypalProvider, paypalTakes, type PaypalProvider } from "./services/payments/paypal/provider.ts";
export type { PaypalSettings } from "./services/payments/paypal/client.ts";
export { createStripeProvider, type StripeSettings } from "./services/payments/stripe.ts";
export { createTestProvider } from "./services/payments/test-provider.ts";
export { expireReservations } from "./services/orders/expire.ts";
export { reconcilePayments } from "./services/payments/reconcile.ts";
export { processPendingRefunds } from "./services/orders/refunds.ts";
export {
  categorySitemap,
  productSitemapChunk,
  productSitemapChunks,
  SITEMAP_MAX_URLS,
  type SitemapUrl,
} from "./services/catalog/sitemap.ts";
export { deliverDueWebhooks, type DeliverOptions } from "./services/webhooks/deliver.ts";
export { emitWebhook } from "./services/webhooks/emit.ts";
export { pruneWebhookHistory } from "./services/webhooks/prune.ts";
export { restEndpoints, type RestEndpoint } from "./rest/routes.ts";
export { inputJsonSchema, restInput } from "./rest/input.ts";
export { openApiDocument, type OpenApiDocument } from "./rest/openapi.ts";
export { validateApiKey } from "./services/api-keys/validate.ts";
export { createApiKey, revokeApiKey } from "./services/api-keys/keys.ts";
