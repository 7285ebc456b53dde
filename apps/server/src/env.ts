import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findRepoRoot, parseDatabaseEnv } from "@shop/db";
import { parseMediaEnv } from "@shop/media";
import { z } from "zod";
import { TrustProxySchema } from "./trust-proxy.ts";

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1")
  .optional();

/** A setting that may be left empty in .env (empty means unset). */
const optionalText = z
  .string()
  .min(1)
  .optional()
  .or(z.literal("").transform(() => undefined));

const ServerEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: z.url().optional(),
  ALLOWED_ORIGINS: z.string().default(""),
  COOKIE_SECURE: bool,
  TRUST_PROXY: TrustProxySchema,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED_IF_EMPTY: bool,
  MEDIA_BASE_URL: z.string().min(1).default("/media"),
  SHOP_LOCALE: z
    .string()
    .refine((value) => {
      try {
        return Intl.getCanonicalLocales(value).length === 1;
      } catch {
        return false;
      }
    }, "must be a BCP 47 locale such as en-US")
    .default("en-US"),
  SHOP_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD")
    .default("USD"),
  SERVE_APPS: bool,
  CHECKOUT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  PAYMENT_ATTEMPTS_PER_10_MINUTES: z.coerce.number().int().min(1).default(10),
  API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  // Fractions are allowed (0.5 = 30 s) down to 3 s, so a test can watch an order expire.
  RESERVATION_MINUTES: z.coerce
    .number()
    .min(0.05, "must be at least 0.05 (3 seconds)")
    .max(7 * 24 * 60)
    .default(15),
  CATALOG_CACHE: z.enum(["on", "off"]).default("on"),
  /** Rendered storefront pages; off renders every request (still reading catalog data from its cache). */
  PAGE_CACHE: z.enum(["on", "off"]).default("on"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1_200),
  IN_FLIGHT_PER_IP: z.coerce.number().int().min(1).default(4),
  METRICS_TOKEN: z
    .string()
    .min(16, "use at least 16 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  REDIS_TIMEOUT_MS: z.coerce.number().int().min(5).max(10_000).default(50),
  REDIS_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default("Shop <no-reply@shop.localhost>"),
  MAILBOX_SHOW_SECRETS: bool,
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_ALLOW_PRIVATE_URLS: bool,
  SENTRY_DSN: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SENTRY_ENVIRONMENT: z.string().min(1).optional(),
  SENTRY_RELEASE: z.string().min(1).optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, "must be a Stripe secret key (sk_…)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_/, "must be a Stripe publishable key (pk_…)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8_000),
  STRIPE_MAX_NETWORK_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, "must be a Stripe webhook signing secret (whsec_…)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PAYPAL_CLIENT_ID: optionalText,
  PAYPAL_CLIENT_SECRET: optionalText,
  PAYPAL_WEBHOOK_ID: optionalText,
  PAYPAL_ENVIRONMENT: z.enum(["sandbox", "production"], "must be sandbox or production").default("sandbox"),
  // Set, it would be ignored (PayPal's SDK knows only its two hosts): live keys sent to the sandbox.
  PAYPAL_API_BASE: optionalText.refine((value) => value === undefined, {
    message: "was replaced by PAYPAL_ENVIRONMENT (sandbox or production); remove it",
  }),
  // Tests only: the SDK's requests go to this HTTPS origin (a local double) trusting only this PEM.
  PAYPAL_API_ORIGIN: z
    .url({ protocol: /^https$/, error: "must be an https:// origin" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PAYPAL_API_CA: optionalText,
  PAYPAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8_000),
});

export type ServerEnv = ReturnType<typeof parseServerEnv>;

/** Parsed once at start-up; a missing or bad value stops the process with its name. */
export function parseServerEnv(source: NodeJS.ProcessEnv = process.env) {
  const result = ServerEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  const env = result.data;
  const stripeKeys = [env.STRIPE_SECRET_KEY, env.STRIPE_PUBLISHABLE_KEY, env.STRIPE_WEBHOOK_SECRET];
  if (stripeKeys.some(Boolean) && !stripeKeys.every(Boolean)) {
    throw new Error(
      "Invalid environment:\n  STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET go together",
    );
  }
  const paypalKeys = [env.PAYPAL_CLIENT_ID, env.PAYPAL_CLIENT_SECRET, env.PAYPAL_WEBHOOK_ID];
  if (paypalKeys.some(Boolean) && !paypalKeys.every(Boolean)) {
    throw new Error("Invalid environment:\n  PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET and PAYPAL_WEBHOOK_ID go together");
  }
  if (Boolean(env.PAYPAL_API_ORIGIN) !== Boolean(env.PAYPAL_API_CA)) {
    throw new Error("Invalid environment:\n  PAYPAL_API_ORIGIN and PAYPAL_API_CA go together");
  }
  let paypalCa: string | undefined;
  try {
    paypalCa = env.PAYPAL_API_CA && readFileSync(env.PAYPAL_API_CA, "utf8");
  } catch {
    throw new Error(`Invalid environment:\n  PAYPAL_API_CA: cannot read ${env.PAYPAL_API_CA}`);
  }
  const database = parseDatabaseEnv(source);
  const media = parseMediaEnv(source);
  const root = findRepoRoot();
  const production = env.NODE_ENV === "production";
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  const devOrigins = production ? [] : ["http://localhost:5173", "http://localhost:5174"];
  return {
    ...env,
    database,
    production,
    publicUrl,
    allowedOrigins: [
      new URL(publicUrl).origin,
      ...devOrigins,
      ...env.ALLOWED_ORIGINS.split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    ],
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV !== "development",
    trustProxy: env.TRUST_PROXY,
    catalogCache: env.CATALOG_CACHE === "on",
    // Reset and sign-up links in the dev mailbox would let any staff member take over accounts.
    mailboxShowsSecrets: env.NODE_ENV === "development" || env.MAILBOX_SHOW_SECRETS === true,
    pageCache: env.CATALOG_CACHE === "on" && env.PAGE_CACHE === "on",
    // The embedded database seeds itself on first run; a real PostgreSQL is seeded on purpose.
    seedIfEmpty: env.SEED_IF_EMPTY ?? !database.DATABASE_URL,
    serveApps: env.SERVE_APPS ?? production,
    mediaDir: join(database.DATA_DIR, "media"),
    media,
    stripe:
      env.STRIPE_SECRET_KEY && env.STRIPE_PUBLISHABLE_KEY && env.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: env.STRIPE_SECRET_KEY,
            publishableKey: env.STRIPE_PUBLISHABLE_KEY,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET,
          }
        : null,
    paypal:
      env.PAYPAL_CLIENT_ID && env.PAYPAL_CLIENT_SECRET && env.PAYPAL_WEBHOOK_ID
        ? {
            clientId: env.PAYPAL_CLIENT_ID,
            clientSecret: env.PAYPAL_CLIENT_SECRET,
            webhookId: env.PAYPAL_WEBHOOK_ID,
            environment: env.PAYPAL_ENVIRONMENT,
            timeoutMs: env.PAYPAL_TIMEOUT_MS,
            ...(env.PAYPAL_API_ORIGIN && paypalCa && { apiOrigin: { url: env.PAYPAL_API_ORIGIN, ca: paypalCa } }),
          }
        : null,
    storefrontDist: join(root, "apps", "storefront", "dist"),
    storefrontRenderer: join(root, "apps", "storefront", "dist-ssr", "entry-server.js"),
    adminDist: join(root, "apps", "admin", "dist"),
  };
}
