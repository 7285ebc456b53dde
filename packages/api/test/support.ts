import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@shop/db";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import type { ApiConfig, RequestInfo } from "../src/context.ts";
import { localDiskStorage } from "../src/lib/storage.ts";
import { createContextInner } from "../src/context.ts";
import { createCaller } from "../src/root.ts";
import { createSession, validateSessionToken } from "../src/services/auth/sessions.ts";

/** Uploaded images of this test file. */
export const testMediaDir = mkdtempSync(join(tmpdir(), "shop-test-media-"));

export const testConfig: ApiConfig = {
  allowedOrigins: ["http://shop.test"],
  secureCookies: true,
  mediaBaseUrl: "/media",
  storage: localDiskStorage(testMediaDir),
  currency: "USD",
  isDev: false,
};

export type CookieJar = Map<string, { value: string; expires?: Date; maxAge?: number }>;

/** A request as the HTTP layer would describe it, recording the cookies the API sets. */
export function fakeRequest(overrides: Partial<Omit<RequestInfo, "setCookie">> = {}) {
  const cookies: CookieJar = new Map();
  const req: RequestInfo = {
    ip: "203.0.113.7",
    userAgent: "vitest",
    origin: "http://shop.test",
    secFetchSite: "same-origin",
    ...overrides,
    setCookie(name, value, options) {
      cookies.set(name, { value, ...options });
    },
  };
  return { req, cookies };
}

/** A tRPC caller as an anonymous visitor, or signed in with a real session of `userId`. */
export async function callerFor(
  db: PrismaClient,
  options: { userId?: number; via?: "cookie" | "bearer"; request?: Partial<Omit<RequestInfo, "setCookie">> } = {},
) {
  const { req, cookies } = fakeRequest(options.request);
  let auth = null;
  if (options.userId !== undefined) {
    const user = await db.user.findUniqueOrThrow({ where: { id: options.userId }, select: { role: true } });
    const session = await createSession(db, { userId: options.userId, role: user.role, userAgent: "vitest", ip: req.ip });
    const valid = await validateSessionToken(db, session.token);
    if (!valid) throw new Error("test session did not validate");
    auth = { sessionId: valid.sessionId, user: valid.user, via: options.via ?? "cookie" };
  }
  const caller = createCaller(createContextInner({ db, config: testConfig, req, auth }));
  return { caller, cookies, req };
}

export async function setupTestShop() {
  const db: TestDatabase = await createTestDatabase();
  return { db, prisma: db.prisma, make: factories(db.prisma) };
}
