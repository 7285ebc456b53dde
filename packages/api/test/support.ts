import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@shop/db";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import type { ApiConfig, RequestInfo } from "../src/context.ts";
import { localDiskStorage } from "@shop/media";
import { createContextInner } from "../src/context.ts";
import { createMemoryStore, type RateLimitStore } from "../src/lib/rate-limit/index.ts";
import { createCaller } from "../src/root.ts";
import type { PaymentProvider } from "../src/services/payments/provider.ts";
import { createTestProvider } from "../src/services/payments/test-provider.ts";
import { createSession, validateSessionToken } from "../src/services/auth/sessions.ts";
import { createApiKey } from "../src/services/api-keys/keys.ts";
import { validateApiKey } from "../src/services/api-keys/validate.ts";
import type { ApiScope } from "@shop/validators";

/** Uploaded images of this test file. */
export const testMediaDir = mkdtempSync(join(tmpdir(), "shop-test-media-"));

export const testConfig: ApiConfig = {
  publicUrl: "http://shop.test",
  devMailbox: true,
  mailboxShowsSecrets: false,
  allowedOrigins: ["http://shop.test"],
  secureCookies: true,
  mediaBaseUrl: "/media",
  storage: localDiskStorage(testMediaDir),
  currency: "USD",
  checkoutPerMinute: 10_000,
  reservationMinutes: 15,
  apiKeyPerMinute: 10_000,
  // Every test caller shares one address; in-flight.test.ts sets its own ceiling.
  catalogInFlightPerIp: 1_000,
  isDev: false,
};

export type CookieJar = Map<string, { value: string; expires?: Date; maxAge?: number }>;

type RequestOverrides = { [K in keyof Omit<RequestInfo, "setCookie" | "setHeader">]?: RequestInfo[K] };

/** A request as the HTTP layer would describe it, recording the cookies and headers the API sets. */
export function fakeRequest(overrides: RequestOverrides = {}) {
  const cookies: CookieJar = new Map();
  const headers = new Map<string, string>();
  const req: RequestInfo = {
    ip: "203.0.113.7",
    userAgent: "vitest",
    origin: "http://shop.test",
    secFetchSite: "same-origin",
    doNotTrack: false,
    cartToken: null,
    ...overrides,
    setCookie(name, value, options) {
      cookies.set(name, { value, ...options });
    },
    setHeader(name, value) {
      headers.set(name, value);
    },
  };
  return { req, cookies, headers };
}

/** A tRPC caller as an anonymous visitor, or signed in with a real session of `userId`. */
export async function callerFor(
  db: PrismaClient,
  options: {
    userId?: number;
    via?: "cookie" | "bearer";
    request?: RequestOverrides;
    limits?: RateLimitStore;
    config?: Partial<ApiConfig>;
    payments?: PaymentProvider;
  } = {},
) {
  const { req, cookies, headers } = fakeRequest(options.request);
  let auth = null;
  if (options.userId !== undefined) {
    const user = await db.user.findUniqueOrThrow({ where: { id: options.userId }, select: { role: true } });
    const session = await createSession(db, {
      userId: options.userId,
      role: user.role,
      userAgent: req.userAgent,
      ip: req.ip,
    });
    const valid = await validateSessionToken(db, session.token);
    if (!valid) throw new Error("test session did not validate");
    auth = { sessionId: valid.sessionId, user: valid.user, via: options.via ?? "cookie" };
  }
  const context = createContextInner({
    db,
    config: { ...testConfig, ...options.config },
    req,
    auth,
    limits: options.limits ?? createMemoryStore(),
    payments: options.payments ?? createTestProvider(db),
  });
  return { caller: createCaller(context), cookies, headers, req };
}

/** A tRPC caller as a REST call with a new API key of `userId` holding `scopes`. */
export async function keyCallerFor(
  db: PrismaClient,
  options: { userId: number; scopes: ApiScope[]; limits?: RateLimitStore; config?: Partial<ApiConfig> },
) {
  const user = await db.user.findUniqueOrThrow({ where: { id: options.userId }, select: { id: true, email: true } });
  const created = await createApiKey(db, user, { name: "test", scopes: options.scopes, expiresInDays: null }, null);
  const auth = await validateApiKey(db, created.key);
  if (!auth) throw new Error("test key did not validate");
  const { req, headers } = fakeRequest({ origin: null, secFetchSite: null });
  const context = createContextInner({
    db,
    config: { ...testConfig, ...options.config },
    req,
    auth,
    limits: options.limits ?? createMemoryStore(),
    payments: createTestProvider(db),
  });
  return { caller: createCaller(context), key: created, headers };
}

export async function setupTestShop(options: { poolSize?: number } = {}) {
  const db: TestDatabase = await createTestDatabase(options);
  return { db, prisma: db.prisma, make: factories(db.prisma) };
}

/** The messages a failed call reported for one input field (from the zod validation error). */
export function fieldErrors(error: unknown, field: string): string[] {
  const cause = error instanceof TRPCError ? error.cause : undefined;
  if (!(cause instanceof ZodError)) return [];
  return cause.issues.filter((issue) => issue.path[0] === field).map((issue) => issue.message);
}

/** The token of the newest sign-up confirmation link emailed to `to`. */
export async function signUpLink(db: PrismaClient, to: string): Promise<string> {
  const message = await db.emailOutbox.findFirstOrThrow({
    where: { to, template: "confirm-sign-up" },
    orderBy: { id: "desc" },
  });
  const match = /sign-up\/confirm#token=(\S+)/.exec(message.text);
  if (!match?.[1]) throw new Error("no confirmation link in the email");
  return decodeURIComponent(match[1]);
}
