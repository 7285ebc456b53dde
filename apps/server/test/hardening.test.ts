import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import { standInRenderer } from "./support/stand-in-renderer.ts";

function dist() {
  const dir = mkdtempSync(join(tmpdir(), "shop-dist-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Shop</title>");
  return dir;
}

describe("hardening", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    db = await createTestDatabase();
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      PUBLIC_URL: "https://shop.example",
      ALLOWED_ORIGINS: "https://cdn.shop.example",
      RATE_LIMIT_PER_MINUTE: "30",
      METRICS_TOKEN: "metrics-token-for-tests",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-hard-")),
    });
    app = await buildApp({ ...env, storefrontDist: dist(), adminDist: dist() }, db, {
      renderer: standInRenderer("Shop"),
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it("sends security headers on every kind of response", async () => {
    for (const url of ["/", "/admin/", "/healthz", "/trpc/auth.me", "/no/such/file.js"]) {
      const response = await app.inject({ url, headers: { "x-forwarded-for": "198.51.100.1" } });
      expect(response.headers["strict-transport-security"], url).toBe("max-age=31536000; includeSubDomains");
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      expect(response.headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
      const csp = String(response.headers["content-security-policy"]);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("script-src 'self' https://js.stripe.com");
      expect(csp, url).not.toContain("unsafe-eval");
      expect(response.headers["x-request-id"], url).toMatch(/[0-9a-f-]{36}/);
    }
  });

  it("allows cross-origin API calls only from the configured origins", async () => {
    const preflight = (origin: string) =>
      app.inject({
        method: "OPTIONS",
        url: "/trpc/cart.get",
        headers: { origin, "access-control-request-method": "GET" },
      });
    expect((await preflight("https://cdn.shop.example")).headers["access-control-allow-origin"]).toBe(
      "https://cdn.shop.example",
    );
    expect((await preflight("https://cdn.shop.example")).headers["access-control-allow-credentials"]).toBe("true");
    expect((await preflight("https://evil.example")).headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("serves Prometheus metrics only to the token holder", async () => {
    expect((await app.inject("/metrics")).statusCode).toBe(401);
    expect(
      (await app.inject({ url: "/metrics", headers: { authorization: "Bearer wrong-token-xxxxxxxxx" } })).statusCode,
    ).toBe(401);
    await app.inject("/trpc/auth.me");
    const metrics = await app.inject({ url: "/metrics", headers: { authorization: "Bearer metrics-token-for-tests" } });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(/shop_http_requests_total\{method="GET",route="trpc:auth.me",status="200"\} \d+/);
    expect(metrics.body).toContain("shop_http_request_duration_seconds_bucket");
    expect(metrics.body).toMatch(/shop_db_pool_connections\{state="total"\} \d+/);
    expect(metrics.body).toMatch(/shop_queue_depth\{queue="email_outbox"\} \d+/);
    expect(metrics.body).toMatch(/shop_orders_paid_total \d+/);
    expect(metrics.body).toMatch(/shop_revenue_minor_total \d+/);
  });

  it("answers an abusive client with 429 and Retry-After, without touching others", async () => {
    const hit = (ip: string) => app.inject({ url: "/trpc/auth.me", remoteAddress: ip });
    const statuses = [];
    for (let i = 0; i < 35; i++) statuses.push((await hit("203.0.113.99")).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const limited = await hit("203.0.113.99");
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await hit("203.0.113.100")).statusCode).toBe(200);
    expect((await app.inject({ url: "/healthz", remoteAddress: "203.0.113.99" })).statusCode).toBe(200);
  });

  it("refuses oversized bodies", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/payment/webhook",
      headers: { "content-type": "application/json" },
      payload: "x".repeat(2 * 1024 * 1024),
    });
    expect([404, 413]).toContain(response.statusCode);
    const trpc = await app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers: { "content-type": "application/json", origin: "https://shop.example" },
      payload: `{"json":{"email":"${"a".repeat(17 * 1024 * 1024)}"}}`,
    });
    expect(trpc.statusCode).toBe(413);
  });
});
