import { randomUUID } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import {
  createMemoryStore,
  createStripeProvider,
  createTestProvider,
  localDiskStorage,
  type ApiConfig,
  type PaymentProvider,
  type RateLimitStore,
  type StripeSettings,
} from "@shop/api";
import type { Database } from "@shop/db";
import Fastify, { type FastifyBaseLogger } from "fastify";
import type { ServerEnv } from "./env.ts";
import { listenForCatalogChanges } from "./cache/invalidation.ts";
import { memoryCache, type ResponseCache } from "./cache/response-cache.ts";
import { createErrorReporter, type ErrorReporter } from "./observability/error-reporter.ts";
import { metricsPlugin } from "./plugins/metrics.ts";
import { globalRateLimit } from "./plugins/rate-limit.ts";
import { mediaOrigins, securityPlugin } from "./plugins/security.ts";
import { healthRoutes } from "./routes/health.ts";
import { mediaRoutes } from "./routes/media.ts";
import { paymentWebhookRoutes, type WebhookVerifier } from "./routes/payment-webhook.ts";
import { staticRoutes } from "./routes/static.ts";
import { trpcRoutes } from "./routes/trpc.ts";

export function apiConfigFrom(env: ServerEnv): ApiConfig {
  return {
    publicUrl: env.publicUrl,
    devMailbox: !env.SMTP_URL,
    mailboxShowsSecrets: env.mailboxShowsSecrets,
    allowedOrigins: env.allowedOrigins,
    secureCookies: env.cookieSecure,
    mediaBaseUrl: env.MEDIA_BASE_URL,
    storage: localDiskStorage(env.mediaDir),
    currency: env.SHOP_CURRENCY,
    checkoutPerMinute: env.CHECKOUT_RATE_LIMIT_PER_MINUTE,
    isDev: !env.production,
  };
}

/** The HTTP server without listening: what main.ts starts and tests inject requests into. */
export type AppServices = {
  limits?: RateLimitStore;
  logger?: FastifyBaseLogger;
  payments?: { provider: PaymentProvider; verifyWebhook: WebhookVerifier | null };
  /** Cached catalog responses; null turns caching off. Defaults to an in-process cache. */
  cache?: ResponseCache | null;
  /** Defaults to Sentry when SENTRY_DSN is set, a no-op otherwise. */
  errors?: ErrorReporter;
};

/** Stripe when its keys are set; otherwise the offline test provider. */
export function paymentsFrom(env: ServerEnv, db: Database, api?: StripeSettings["api"]) {
  if (!env.stripe) return { provider: createTestProvider(db.prisma), verifyWebhook: null };
  const stripe = createStripeProvider({ ...env.stripe, api });
  return { provider: stripe, verifyWebhook: stripe.parseWebhook };
}

export async function buildApp(env: ServerEnv, db: Database, services: AppServices = {}) {
  const app = Fastify({
    ...(services.logger
      ? { loggerInstance: services.logger }
      : { logger: env.LOG_LEVEL === "silent" ? false : { level: env.LOG_LEVEL } }),
    trustProxy: env.trustProxy,
    // Honour a request id set by the proxy, so one id follows a request through every log line.
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // A tRPC batch names its procedures in the path (`/trpc/a.b,c.d,…`); Fastify's default of
    // 100 characters would 404 batches of more than a few calls. tRPC refuses batches over
    // MAX_BATCH_SIZE with a 400, so the path only needs to reach it (Node caps the URL anyway).
    routerOptions: { maxParamLength: 16 * 1024 },
    requestTimeout: 30_000,
    // Keep-alive longer than typical load-balancer idle timeouts avoids spurious 502s.
    keepAliveTimeout: 72_000,
  });
  if (env.MAILBOX_SHOW_SECRETS && !env.SMTP_URL)
    app.log.warn(
      "MAILBOX_SHOW_SECRETS is on: every staff member reading the admin's mailbox sees password-reset and sign-up links, and can take over any account with them. Use it for demos only.",
    );
  const limits = services.limits ?? createMemoryStore();
  const errors =
    services.errors ??
    (await createErrorReporter({
      dsn: env.SENTRY_DSN,
      environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
      release: env.SENTRY_RELEASE,
    }));
  app.addHook("onClose", () => errors.close());
  // Routes outside tRPC (the payment webhook, media): anything answered with a 5xx.
  app.addHook("onError", async (request, reply, error) => {
    if (reply.statusCode >= 500 || !error.statusCode || error.statusCode >= 500)
      errors.capture(error, { path: request.routeOptions.url, requestId: request.id });
  });
  await securityPlugin(app, {
    allowedOrigins: env.allowedOrigins,
    hsts: env.production && env.publicUrl.startsWith("https:"),
    imageOrigins: mediaOrigins(env.MEDIA_BASE_URL),
  });
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-request-id", request.id);
    return payload;
  });
  globalRateLimit(app, { store: limits, perMinute: env.RATE_LIMIT_PER_MINUTE });
  metricsPlugin(app, { db, token: env.METRICS_TOKEN });
  await app.register(fastifyCookie);
  healthRoutes(app, db);
  const payments = services.payments ?? paymentsFrom(env, db);
  const cache = services.cache === undefined ? (env.catalogCache ? memoryCache() : null) : services.cache;
  if (cache) {
    const unlisten = await listenForCatalogChanges(db, cache, app.log);
    app.addHook("onClose", unlisten);
  }
  await trpcRoutes(app, { db, config: apiConfigFrom(env), limits, payments: payments.provider, cache, errors });
  if (payments.verifyWebhook) {
    await paymentWebhookRoutes(app, {
      db,
      provider: payments.provider,
      verify: payments.verifyWebhook,
      publicUrl: env.publicUrl,
    });
  }
  await mediaRoutes(app, env.mediaDir);
  if (env.serveApps) await staticRoutes(app, { storefront: env.storefrontDist, admin: env.adminDist });
  return app;
}
