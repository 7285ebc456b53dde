import type { PrismaClient } from "@shop/db";
import type { MediaStorage } from "./lib/storage.ts";
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
  setCookie(name: string, value: string, options: CookieOptions): void;
};

export type ApiConfig = {
  /** Origins allowed to send cookie-authenticated mutations (the shop's own). */
  allowedOrigins: readonly string[];
  /** `Secure` cookies: on everywhere except plain-HTTP local development. */
  secureCookies: boolean;
  /** Public base URL for stored images (a CDN can replace it). */
  mediaBaseUrl: string;
  /** Where uploaded images are written (local disk under the data directory by default). */
  storage: MediaStorage;
  /** The shop's currency (ISO 4217); every amount is in its minor units. */
  currency: string;
  isDev: boolean;
};

export type Context = {
  db: PrismaClient;
  config: ApiConfig;
  req: RequestInfo;
  auth: AuthState | null;
};

/** The context without HTTP: what tests build and callers in the same process use. */
export function createContextInner(options: Context): Context {
  return options;
}
