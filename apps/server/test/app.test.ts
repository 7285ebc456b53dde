import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import { standInRenderer } from "./support/stand-in-renderer.ts";

function fakeDist(title: string) {
  const dir = mkdtempSync(join(tmpdir(), "shop-dist-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), `<!doctype html><title>${title}</title>`);
  writeFileSync(join(dir, "assets", "app-abc123.js"), "console.log(1)");
  return dir;
}

describe("the HTTP server", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    db = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), "shop-data-"));
    mkdirSync(join(dataDir, "media", "products"), { recursive: true });
    writeFileSync(join(dataDir, "media", "products", "x.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    writeFileSync(join(dataDir, "media", "products", "y.png"), "png bytes");
    writeFileSync(join(dataDir, "media", "products", "y.png.webp"), "webp");
    const env = parseServerEnv({ NODE_ENV: "production", LOG_LEVEL: "silent", DATA_DIR: dataDir });
    app = await buildApp({ ...env, storefrontDist: fakeDist("Storefront"), adminDist: fakeDist("Admin") }, db, {
      renderer: standInRenderer("Storefront"),
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it("answers /healthz and /readyz", async () => {
    expect((await app.inject("/healthz")).json()).toEqual({ status: "ok" });
    expect((await app.inject("/readyz")).json()).toEqual({ status: "ready", dependencies: { database: "up" } });
  });

  it("renders the storefront's pages at / and serves the admin at /admin, its client-side routes falling back to index.html", async () => {
    for (const [url, title] of [
      ["/", "Storefront"],
      ["/products/some-phone", "Storefront"],
      ["/admin/", "Admin"],
      ["/admin/products", "Admin"],
    ]) {
      const response = await app.inject(url ?? "/");
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain(`<title>${title}</title>`);
      expect(response.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("caches hashed assets for a year and 404s missing files instead of serving HTML", async () => {
    const asset = await app.inject("/assets/app-abc123.js");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await app.inject("/assets/missing-123.js")).statusCode).toBe(404);
    expect((await app.inject("/trpc/nope")).statusCode).toBe(404);
  });

  it("serves stored images from the media directory", async () => {
    const image = await app.inject("/media/products/x.svg");
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toContain("image/svg+xml");
  });

  it("sends the WebP copy of an image to browsers that accept WebP, the original to others", async () => {
    const modern = await app.inject({ url: "/media/products/y.png", headers: { accept: "image/avif,image/webp,*/*" } });
    expect([modern.statusCode, modern.headers["content-type"], modern.body, modern.headers.vary]).toEqual([
      200,
      "image/webp",
      "webp",
      "Accept",
    ]);
    const old = await app.inject({ url: "/media/products/y.png", headers: { accept: "image/png,*/*" } });
    expect([old.statusCode, old.headers["content-type"], old.body, old.headers.vary]).toEqual([
      200,
      "image/png",
      "png bytes",
      "Accept",
    ]);
    expect((await app.inject("/media/products/missing.png")).statusCode).toBe(404);
    expect((await app.inject("/media/../secrets.png")).statusCode).toBe(404);
    expect((await app.inject("/media/products/y.txt")).statusCode).toBe(404);
  });

  it("serves the API at /trpc", async () => {
    const response = await app.inject(
      `/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 1 } }))}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ result: { data: { json: { items: [] } } } });
  });

  it("answers batched catalog queries and their errors in tRPC's wire format", async () => {
    const input = encodeURIComponent(
      JSON.stringify({ 0: { json: { limit: 1 } }, 1: { json: { slug: "no-such-product" } } }),
    );
    const mixed = await app.inject(`/trpc/catalog.list,catalog.get?batch=1&input=${input}`);
    expect(mixed.statusCode).toBe(207);
    expect(mixed.json()).toMatchObject([
      { result: { data: { json: { items: [], nextCursor: null } } } },
      { error: { json: { data: { code: "NOT_FOUND", httpStatus: 404 } } } },
    ]);
    const bad = await app.inject(
      `/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 0 } }))}`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { json: { data: { code: "BAD_REQUEST", zodError: { fieldErrors: { limit: [expect.any(String)] } } } } },
    });
    expect((await app.inject("/trpc/catalog.list?input=%7Bnot-json")).statusCode).toBe(400);
    // Mutations and staff procedures take tRPC's own adapter path.
    expect((await app.inject("/trpc/admin.products.list")).statusCode).toBe(401);
  });
});

describe("sessions over HTTP", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    db = await createTestDatabase();
    await factories(db.prisma).user({ email: "http@example.com", password: "a long enough passphrase" });
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      PUBLIC_URL: "https://shop.example",
    });
    app = await buildApp(env, db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const signIn = (session: "cookie" | "bearer" = "cookie") =>
    app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers: { "content-type": "application/json" },
      payload: { json: { email: "http@example.com", password: "a long enough passphrase", session } },
    });
  const cookieToken = async () =>
    /^shop_session=([^;]+)/.exec(String([(await signIn()).headers["set-cookie"]].flat()[0]))?.[1] ?? "";
  const me = (headers: Record<string, string>, url = "/trpc/auth.me") =>
    app.inject({ url, headers }).then((r) => r.json());

  it("sets an HttpOnly, Secure, SameSite=Lax cookie for the whole site", async () => {
    const cookie = String((await signIn()).headers["set-cookie"]);
    expect(cookie).toMatch(/^shop_session=[a-z2-7]{24}\.[a-z2-7]{32};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
  });

  it("puts the token in the body only for a client that asks for a bearer session", async () => {
    const browser = await signIn();
    expect(browser.json().result.data.json.token).toBeNull();
    const secret = /^shop_session=[a-z2-7]+\.([a-z2-7]+);/.exec(String([browser.headers["set-cookie"]].flat()[0]))?.[1];
    expect(secret).toMatch(/^[a-z2-7]{32}$/);
    expect(browser.body).not.toContain(secret);
    const api = await signIn("bearer");
    expect(api.headers["set-cookie"]).toBeUndefined();
    expect(api.json().result.data.json.token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{32}$/);
  });

  it("accepts the token as a cookie or a bearer header, never in the URL", async () => {
    const token = await cookieToken();
    const bearer = (await signIn("bearer")).json().result.data.json.token;
    expect((await me({ cookie: `shop_session=${token}` })).result.data.json.email).toBe("http@example.com");
    expect((await me({ authorization: `Bearer ${bearer}` })).result.data.json.email).toBe("http@example.com");
    expect((await me({}, `/trpc/auth.me?token=${token}&session=${token}`)).result.data.json).toBeNull();
  });

  it("refuses a cookie-authenticated mutation from a foreign origin", async () => {
    const token = await cookieToken();
    const post = (origin: string) =>
      app.inject({
        method: "POST",
        url: "/trpc/auth.signOut",
        headers: { cookie: `shop_session=${token}`, origin, "content-type": "application/json" },
        payload: {},
      });
    expect((await post("https://evil.example")).statusCode).toBe(403);
    expect((await post("https://shop.example")).statusCode).toBe(200);
  });

  it("answers cart and checkout mutations on the fast path exactly as tRPC's adapter does", async () => {
    const product = await factories(db.prisma).product({ variants: [{ price: 1_500, stock: 3 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method: "POST",
        url,
        headers: { "content-type": "application/json", origin: "https://shop.example", ...headers },
        payload: JSON.stringify(payload),
      });

    const added = await post("/trpc/cart.add", { json: { variantId, quantity: 1 } });
    expect(added.statusCode).toBe(200);
    expect(added.headers["content-type"]).toContain("application/json");
    expect(added.json()).toMatchObject({ result: { data: { json: { itemCount: 1, subtotal: 1_500 } } } });
    const cookie = String(added.headers["set-cookie"]);
    expect(cookie).toMatch(/^shop_cart=[\w-]+;/);
    expect(cookie).toContain("HttpOnly");
    const cart = cookie.split(";")[0] ?? "";

    // CSRF: a cart cookie makes it cookie-bound, so a foreign or missing origin is refused.
    expect(
      (
        await post(
          "/trpc/cart.add",
          { json: { variantId, quantity: 1 } },
          { cookie: cart, origin: "https://evil.example" },
        )
      ).statusCode,
    ).toBe(403);

    // The same failing call through both paths: identical status and body.
    const tooMany = { json: { variantId, quantity: 5 } };
    const fast = await post("/trpc/cart.add", tooMany, { cookie: cart });
    const adapter = await post("/trpc/cart.add?batch=1", { 0: tooMany }, { cookie: cart });
    expect(fast.statusCode).toBe(412);
    expect(adapter.statusCode).toBe(412);
    expect(fast.json()).toEqual(adapter.json()[0]);
    expect(fast.json()).toMatchObject({
      error: { json: { data: { code: "PRECONDITION_FAILED", details: { available: 3 } } } },
    });
    const invalid = await post("/trpc/checkout.placeOrder", { json: { idempotencyKey: "x" } }, { cookie: cart });
    const invalidAdapter = await post(
      "/trpc/checkout.placeOrder?batch=1",
      { 0: { json: { idempotencyKey: "x" } } },
      { cookie: cart },
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toEqual(invalidAdapter.json()[0]);
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/trpc/cart.add",
          headers: { "content-type": "application/json", origin: "https://shop.example", cookie: cart },
          payload: "{nope",
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe("environment", () => {
  it("stops with a message naming the bad variable", () => {
    expect(() => parseServerEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseServerEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });
});
