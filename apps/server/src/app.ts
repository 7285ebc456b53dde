import { randomUUID } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import {
  createMemoryStore,
  createPaypalProvider,
  createStripeProvider,
  createTestProvider,
  paypalTakes,
  RETRY_AFTER_SECONDS,
  toTRPCError,
  type ApiConfig,
  type PaymentProvider,
  type PaypalProvider,
  type RateLimitStore,
  type StripeSettings,
} from "@shop/api";
import type { StorefrontRenderer } from "@shop/client/ssr";
import type { Database } from "@shop/db";
import { mediaStorageFrom, type MediaStorage } from "@shop/media";
import Fastify, { type FastifyBaseLogger } from "fastify";
import type { ServerEnv } from "./env.ts";
import { listenForCatalogChanges } from "./cache/invalidation.ts";
import { memoryCache, type ResponseCache } from "./cache/response-cache.ts";
import { createErrorReporter, type ErrorReporter } from "./observability/error-reporter.ts";
import { createOutageLog, type OutageLog } from "./observability/outage-log.ts";
import { metricsPlugin } from "./plugins/metrics.ts";
import { globalRateLimit } from "./plugins/rate-limit.ts";
import { mediaOrigins, securityPlugin } from "./plugins/security.ts";
import { healthRoutes, type DependencyChecks } from "./routes/health.ts";
import { mediaRoutes } from "./routes/media.ts";
import { paymentWebhookRoutes, type WebhookVerifier } from "./routes/payment-webhook.ts";
import { paypalWebhookRoutes } from "./routes/paypal-webhook.ts";
import { pageHandler } from "./routes/pages.ts";
import { seoRoutes } from "./routes/seo.ts";
import { staticRoutes } from "./routes/static.ts";
import { anonymousContext, renderLinks } from "./ssr/links.ts";
import { loadRenderer } from "./ssr/renderer.ts";
import { trpcRoutes } from "./routes/trpc.ts";
import { restRoutes } from "./rest/routes.ts";

const PAGE_CACHE_ENTRIES = 1_000;

export function apiConfigFrom(env: ServerEnv, storage: MediaStorage): ApiConfig {
  return {
    publicUrl: env.publicUrl,
    devMailbox: !env.SMTP_URL,
    mailboxShowsSecrets: env.mailboxShowsSecrets,
    allowedOrigins: env.allowedOrigins,
    secureCookies: env.cookieSecure,
    mediaBaseUrl: env.MEDIA_BASE_URL,
    storage,
    currency: env.SHOP_CURRENCY,
    checkoutPerMinute: env.CHECKOUT_RATE_LIMIT_PER_MINUTE,
    paymentAttemptsPerTenMinutes: env.PAYMENT_ATTEMPTS_PER_10_MINUTES,
    reservationMinutes: env.RESERVATION_MINUTES,
    apiKeyPerMinute: env.API_KEY_RATE_LIMIT_PER_MINUTE,
    catalogInFlightPerIp: env.IN_FLIGHT_PER_IP,
    isDev: !env.production,
    webhookPrivateUrls: env.WEBHOOK_ALLOW_PRIVATE_URLS === true,
  };
}

/** The HTTP server without listening: what main.ts starts and tests inject requests into. */
export type AppServices = {
  limits?: RateLimitStore;
  logger?: FastifyBaseLogger;
  payments?: Payments;
  /** Cached catalog responses; null turns caching off. Defaults to an in-process cache. */
  cache?: ResponseCache | null;
  /** Rendered storefront pages and sitemaps, under the same catalog version; null turns it off. */
  pageCache?: ResponseCache | null;
  /** URLs per product sitemap file (tests make it small); the protocol's 50,000 by default. */
  sitemapChunkSize?: number;
  /** Products facet counts read at most (tests make it small); FACET_SAMPLE by default. */
  facetSample?: number;
  /** Renders storefront pages; defaults to the storefront's server build (apps/storefront/dist-ssr). */
  renderer?: StorefrontRenderer;
  /** Defaults to Sentry when SENTRY_DSN is set, a no-op otherwise. */
  errors?: ErrorReporter;
  /** Where images are stored; defaults to what MEDIA_STORAGE says. */
  storage?: MediaStorage;
  /** Optional dependencies /readyz reports on (Redis, SMTP); the database is always checked. */
  dependencies?: DependencyChecks;
  /** Where "the database is unavailable" goes, once per burst. Defaults to the app's log. */
  outages?: OutageLog;
};

export type Payments = {
  /** The card provider, with PayPal `alongside` it when configured. */
  provider: PaymentProvider;
  verifyWebhook: WebhookVerifier | null;
  paypal: PaypalProvider | null;
};

/**
 * Stripe when its keys are set, otherwise the offline test provider; PayPal beside it when its
 * keys are set and it takes the shop's currency.
 */
export function paymentsFrom(env: ServerEnv, db: Database, api?: StripeSettings["api"]): Payments {
  const paypal = env.paypal && paypalTakes(env.SHOP_CURRENCY) ? createPaypalProvider(env.paypal) : null;
  const alongside = paypal ? { alongside: [paypal] } : {};
  if (!env.stripe) return { provider: { ...createTestProvider(db.prisma), ...alongside }, verifyWebhook: null, paypal };
  const stripe = createStripeProvider({
    ...env.stripe,
    timeoutMs: env.STRIPE_TIMEOUT_MS,
    maxNetworkRetries: env.STRIPE_MAX_NETWORK_RETRIES,
    api,
  });
  return { provider: { ...stripe, ...alongside }, verifyWebhook: stripe.parseWebhook, paypal };
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
  const outages = services.outages ?? createOutageLog(app.log, "dependency unavailable");
  // The database or the payment provider away: not a bug, a moment to wait.
  const unavailable = (error: unknown) => toTRPCError(error)?.code === "SERVICE_UNAVAILABLE";
  // Routes outside tRPC (the payment webhook, media, metrics): anything answered with a 5xx,
  // except a dependency being away (logged once per burst, answered 503).
  app.addHook("onError", async (request, reply, error) => {
    if (unavailable(error)) return;
    if (reply.statusCode >= 500 || !error.statusCode || error.statusCode >= 500)
      errors.capture(error, { path: request.routeOptions.url, requestId: request.id });
  });
  const defaultErrorHandler = app.errorHandler;
  app.setErrorHandler((error, request, reply) => {
    if (!unavailable(error)) return defaultErrorHandler(error, request, reply);
    outages(error, { path: request.routeOptions.url, requestId: request.id });
    return reply
      .code(503)
      .header("retry-after", String(RETRY_AFTER_SECONDS))
      .send({ error: "Service unavailable", retryAfterSeconds: RETRY_AFTER_SECONDS });
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
  healthRoutes(app, { db, optional: services.dependencies, outages });
  const payments = services.payments ?? paymentsFrom(env, db);
  const cache = services.cache === undefined ? (env.catalogCache ? memoryCache() : null) : services.cache;
  // Pages are tens of kilobytes: fewer of them in memory than catalog responses.
  const pageCache =
    services.pageCache === undefined ? (env.pageCache ? memoryCache(PAGE_CACHE_ENTRIES) : null) : services.pageCache;
  const caches = [cache, pageCache].filter((one) => one !== null);
  if (caches.length) {
    const unlisten = await listenForCatalogChanges(db, caches, (error) => outages(error, { job: "catalog listener" }));
    app.addHook("onClose", unlisten);
  }
  const storage = services.storage ?? mediaStorageFrom(env.media, env.mediaDir);
  const config = { ...apiConfigFrom(env, storage), facetSample: services.facetSample };
  await trpcRoutes(app, {
    db,
    config,
    limits,
    payments: payments.provider,
    cache,
    pageCache,
    errors,
    outages,
  });
  await restRoutes(app, { db, config, limits, payments: payments.provider, caches, errors, outages });
  if (payments.verifyWebhook) {
    await paymentWebhookRoutes(app, {
      db,
      provider: payments.provider,
      verify: payments.verifyWebhook,
      publicUrl: env.publicUrl,
    });
  }
  if (payments.paypal) await paypalWebhookRoutes(app, { db, provider: payments.paypal, publicUrl: env.publicUrl });
  await mediaRoutes(app, storage);
  seoRoutes(app, { db, publicUrl: env.publicUrl, cache: pageCache, chunkSize: services.sitemapChunkSize });
  if (env.serveApps) {
    const renderer =
      services.renderer ??
      (await loadRenderer(env.storefrontRenderer, {
        links: renderLinks({
          context: anonymousContext({ db: db.prisma, config, limits, payments: payments.provider }),
          cache,
          onError: (error, path) => {
            app.log.error({ err: error, path }, "procedure failed while rendering a page");
            errors.capture(error, { path });
          },
        }),
        publicUrl: env.publicUrl,
        locale: env.SHOP_LOCALE,
        clientDir: env.storefrontDist,
      }));
    await staticRoutes(
      app,
      { storefront: env.storefrontDist, admin: env.adminDist },
      pageHandler({ renderer, cache: pageCache, errors, inFlightPerIp: env.IN_FLIGHT_PER_IP }),
    );
  }
  return app;
}
