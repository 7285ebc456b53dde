import type { PrismaClient } from "@shop/db";
import type { RateLimitStore } from "./lib/rate-limit/index.ts";
import type { PaymentProvider } from "./services/payments/provider.ts";
import type { MediaStorage } from "@shop/media";
import type { AuthState } from "./services/auth/sessions.ts";

export type CookieOptions = { expires?: Date; maxAge?: number };

/** What the HTTP layer tells the API about the request, and lets it do to the response. */
export type RequestInfo = {
  ip: string | null;
  userAgent: string | null;
  /** The `Origin` header, for CSRF checks on cookie-authenticated mutations. */
  origin: string | null;
  /** The `Sec-Fetch-Site` header browsers send. */
  secFetchSite: string | null;
  /** The visitor asked not to be tracked (`DNT: 1` or Global Privacy Control `Sec-GPC: 1`). */
  doNotTrack: boolean;
  setCookie(name: string, value: string, options: CookieOptions): void;
  /** The guest cart's opaque token from its cookie, if any. */
  cartToken: string | null;
  /** Response headers, e.g. Retry-After on a rate-limited request. */
  setHeader(name: string, value: string): void;
};

export type ApiConfig = {
  /** Where shoppers reach the storefront, for links in emails. */
  publicUrl: string;
  /** Outgoing email stays in the outbox and staff read it in the admin (no SMTP configured). */
  devMailbox: boolean;
  /**
   * The dev mailbox shows the secrets in messages (reset, sign-up and order links) instead of
   * hiding them: only in development or by the operator's explicit MAILBOX_SHOW_SECRETS. Anyone
   * who reads a reset link can take over that account.
   */
  mailboxShowsSecrets: boolean;
  /** Origins allowed to send cookie-authenticated mutations (the shop's own). */
  allowedOrigins: readonly string[];
  /** `Secure` cookies: on everywhere except plain-HTTP local development. */
  secureCookies: boolean;
  /** Public base URL for stored images (a CDN can replace it). */
  mediaBaseUrl: string;
  /** Orders one IP may place per minute (checkout abuse); payment attempts are limited separately. */
  checkoutPerMinute: number;
  /** Card payments tried per client IP in ten minutes (card testing); 10 when not set. */
  paymentAttemptsPerTenMinutes?: number;
  /** Catalog reads one client IP may have running at once in one process (meta.inFlight); 4 when not set. */
  catalogInFlightPerIp?: number;
  /** Products facet counts read at most (see facet-query.ts); FACET_SAMPLE (2,000) when not set. */
  facetSample?: number;
  /**
   * Whether facet counts over a search may first walk the table's first pages (search-shares.ts):
   * "auto" (unset) when the statistics say it is cheaper, "always" or "never" (tests).
   */
  facetWalk?: "auto" | "always" | "never";
  /** Calls one API key may make per minute (API_KEY_PER_MINUTE). */
  apiKeyPerMinute: number;
  /** How long an unpaid order holds its stock (RESERVATION_MINUTES; fractions allowed). */
  reservationMinutes: number;
  /** Where uploaded images are written: local disk under the data directory, or a bucket. */
  storage: MediaStorage;
  /** The shop's currency (ISO 4217); every amount is in its minor units. */
  currency: string;
  isDev: boolean;
  /** Webhook endpoints may be loopback or private addresses (WEBHOOK_ALLOW_PRIVATE_URLS). */
  webhookPrivateUrls?: boolean;
};

export type Context = {
  db: PrismaClient;
  config: ApiConfig;
  req: RequestInfo;
  auth: AuthState | null;
  /** Rate-limit counters: Redis when configured, process memory otherwise. */
  limits: RateLimitStore;
  /** Stripe when configured, the offline test provider otherwise. */
  payments: PaymentProvider;
};

/** The context without HTTP: what tests build and callers in the same process use. */
export function createContextInner(options: Context): Context {
  return options;
}
