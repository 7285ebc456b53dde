import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import { standInRenderer } from "./support/stand-in-renderer.ts";

// What an outsider sees of the HTTP surface: metrics, caching of private answers, batches.

function dist() {
  const dir = mkdtempSync(join(tmpdir(), "shop-dist-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Shop</title>");
  return dir;
}

describe("the HTTP surface", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const password = "a long enough passphrase";
  beforeAll(async () => {
    db = await createTestDatabase();
    await factories(db.prisma).user({ email: "cache@example.com", password });
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      PUBLIC_URL: "https://shop.example",
      ALLOWED_ORIGINS: "https://cdn.shop.example",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-surface-")),
    });
    app = await buildApp({ ...env, storefrontDist: dist(), adminDist: dist() }, db, {
      renderer: standInRenderer("Shop"),
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it("metrics are 404 without METRICS_TOKEN, not the storefront's HTML", async () => {
    for (const headers of [{}, { authorization: "Bearer anything-at-all-really" }]) {
      const response = await app.inject({ url: "/metrics", headers });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain("<title>");
    }
  });

  it("answers to signed-in callers are private and never stored; anonymous catalog reads stay cacheable", async () => {
    const signIn = await app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers: { "content-type": "application/json", origin: "https://shop.example" },
      payload: { json: { email: "cache@example.com", password } },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.headers["cache-control"]).toBe("private, no-store");
    const cookie = String([signIn.headers["set-cookie"]].flat()[0]).split(";")[0] ?? "";
    const catalog = "/trpc/catalog.categories";
    for (const url of ["/trpc/auth.me", "/trpc/account.profile", catalog]) {
      const response = await app.inject({ url, headers: { cookie } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["cache-control"], url).toBe("private, no-store");
    }
    // A CORS preflight (answered before cookies are parsed) still succeeds, cookie or not.
    for (const headers of [{}, { cookie }]) {
      const preflight = await app.inject({
        method: "OPTIONS",
        url: "/trpc/cart.add?batch=1",
        headers: { ...headers, origin: "https://cdn.shop.example", "access-control-request-method": "POST" },
      });
      expect(preflight.statusCode).toBe(204);
    }
    const anonymous = await app.inject(catalog);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers["cache-control"]).toBe("no-cache");
    expect(anonymous.headers.etag).toBeDefined();
  });

  it("batches of up to 20 calls work by GET and POST; 21 calls get a clear 400", async () => {
    const batch = (path: string, count: number) => Array.from({ length: count }, () => path).join(",");
    const inputs = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [i, {}]));
    const get = (path: string, count: number) =>
      app.inject(`/trpc/${batch(path, count)}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs(count)))}`);
    const post = (path: string, count: number) =>
      app.inject({
        method: "POST",
        url: `/trpc/${batch(path, count)}?batch=1`,
        headers: { "content-type": "application/json", origin: "https://shop.example" },
        payload: inputs(count),
      });
    // catalog.categories takes the fast path, auth.me and the mutation tRPC's own handler.
    for (const call of [() => get("catalog.categories", 20), () => get("auth.me", 20), () => post("cart.clear", 20)]) {
      const response = await call();
      expect(response.statusCode).toBe(200);
      expect(response.json()).toHaveLength(20);
    }
    for (const call of [() => get("catalog.categories", 21), () => get("auth.me", 21), () => post("cart.clear", 21)]) {
      const response = await call();
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json())).toContain("Batch call exceeds maximum size");
    }
  });
});
