import {
  appRouter,
  createApiKey,
  createCaller,
  createContextInner,
  createMemoryStore,
  createTestProvider,
  restEndpoints,
  revokeApiKey,
  validateApiKey,
} from "@shop/api";
import { localDiskStorage } from "@shop/media";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import type { ApiScope } from "@shop/validators";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { apiConfigFrom, buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

describe("the REST API at /api/v1", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let staff: { id: number; email: string };
  let env: ReturnType<typeof parseServerEnv>;
  beforeAll(async () => {
    db = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), "shop-data-"));
    env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      DATA_DIR: dataDir,
      PUBLIC_URL: "https://shop.example",
      API_KEY_RATE_LIMIT_PER_MINUTE: "8",
    });
    app = await buildApp({ ...env, serveApps: false }, db);
    staff = await factories(db.prisma).user({ role: "STAFF" });
    await db.prisma.shippingMethod.create({
      data: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const newKey = async (scopes: ApiScope[]) =>
    (await createApiKey(db.prisma, staff, { name: "test", scopes, expiresInDays: null }, null)).key;
  const rest = (key: string | null, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: key ? { authorization: `Bearer ${key}` } : {},
      ...(payload ? { payload } : {}),
    });

  it("serves an OpenAPI 3.1 document made from the router's procedures and their zod schemas", async () => {
    const response = await app.inject("/api/v1/openapi.json");
    expect(response.statusCode).toBe(200);
    const document = z
      .object({
        openapi: z.literal("3.1.0"),
        servers: z.array(z.object({ url: z.string() })),
        paths: z.record(z.string(), z.record(z.string(), z.object({ operationId: z.string(), "x-scope": z.string() }))),
      })
      .parse(response.json());
    expect(document.servers[0]?.url).toBe("https://shop.example/api/v1");
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`),
    );
    expect(operations.sort()).toEqual(
      restEndpoints(appRouter)
        .map((endpoint) => `${endpoint.method} ${endpoint.path} ${endpoint.procedure}`)
        .sort(),
    );
    for (const prefix of ["/products", "/orders", "/inventory", "/customers"]) {
      expect(
        Object.keys(document.paths).some((path) => path.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    // The input schema is the procedure's own: limits and enums come straight from zod.
    const adjust = z
      .object({
        requestBody: z.object({
          content: z.object({
            "application/json": z.object({
              schema: z.object({ properties: z.record(z.string(), z.unknown()), required: z.array(z.string()) }),
            }),
          }),
        }),
      })
      .parse(response.json().paths["/inventory/{variantId}/adjustments"].post);
    const body = adjust.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(["reason", "delta"]);
    expect(body.properties.reason).toMatchObject({ enum: ["RESTOCK", "DAMAGE", "CORRECTION", "RETURN"] });
    // A procedure with a `rest.output` schema documents its answer (dates as ISO strings).
    const stock =
      response.json().paths["/inventory/{variantId}"].get.responses["200"].content["application/json"].schema;
    expect(stock.properties.stockOnHand).toEqual({ type: "number" });
    expect(stock.properties.lowStockAlertedAt.anyOf).toContainEqual({ type: "string", format: "date-time" });
  });

  it("serves a self-contained reference page (no scripts, nothing from elsewhere)", async () => {
    const response = await app.inject("/api/v1/docs");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    for (const endpoint of restEndpoints(appRouter)) expect(response.body).toContain(endpoint.path);
    expect(response.body).not.toMatch(/<script|<link|src="http/);
    expect((await app.inject("/api/v1")).headers.location).toBe("/api/v1/docs");
  });

  it("answers public catalog reads without a key, and anything else with 401", async () => {
    const product = await factories(db.prisma).product({ status: "ACTIVE", variants: [{ price: 1_999, stock: 4 }] });
    const list = await rest(null, "GET", "/products?limit=2&inStock=true&sort=newest");
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect((await rest(null, "GET", `/products/${product.slug}`)).json()).toMatchObject({ slug: product.slug });
    const refused = await rest(null, "GET", "/orders");
    expect(refused.statusCode).toBe(401);
    expect(ErrorBody.parse(refused.json()).error.code).toBe("UNAUTHORIZED");
    const bad = await rest("shop_aaaaaaaaaaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "GET", "/products");
    expect(bad.statusCode).toBe(401);
  });

  it("maps invalid input to 400 with the field, unknown things to 404", async () => {
    const key = await newKey(["catalog:read", "inventory:write"]);
    const limit = await rest(key, "GET", "/products?limit=abc");
    expect(limit.statusCode).toBe(400);
    expect(ErrorBody.parse(limit.json()).error.fieldErrors?.limit).toBeDefined();
    const zero = await rest(key, "POST", "/inventory/1/adjustments", { reason: "CORRECTION", delta: 0 });
    expect(zero.statusCode).toBe(400);
    expect(ErrorBody.parse(zero.json()).error.fieldErrors?.delta).toEqual(["Enter a number of units other than zero"]);
    expect((await rest(key, "GET", "/products/no-such-product")).statusCode).toBe(404);
    expect(ErrorBody.parse((await rest(key, "GET", "/nothing-here")).json()).error.code).toBe("NOT_FOUND");
    const garbage = await app.inject({
      method: "POST",
      url: "/api/v1/inventory/1/adjustments",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      payload: "{not json",
    });
    expect(garbage.statusCode).toBe(400);
    expect(ErrorBody.parse(garbage.json()).error.code).toBe("BAD_REQUEST");
  });

  it("adjusts stock with inventory:write, as the key's creator, and refuses it with read scopes only", async () => {
    const product = await factories(db.prisma).product({ status: "ACTIVE", variants: [{ price: 500, stock: 2 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const reader = await newKey(["inventory:read", "catalog:read", "orders:read", "customers:read"]);
    const refused = await rest(reader, "POST", `/inventory/${variantId}/adjustments`, { reason: "RESTOCK", delta: 5 });
    expect(refused.statusCode).toBe(403);
    expect(ErrorBody.parse(refused.json()).error.message).toContain("inventory:write");
    const writer = await newKey(["inventory:write"]);
    const done = await rest(writer, "POST", `/inventory/${variantId}/adjustments`, { reason: "RESTOCK", delta: 5 });
    expect(done.statusCode).toBe(200);
    const variant = await db.prisma.variant.findUniqueOrThrow({ where: { id: variantId } });
    expect(variant.stockOnHand).toBe(7);
    const movement = await db.prisma.inventoryMovement.findFirstOrThrow({
      where: { variantId },
      orderBy: { id: "desc" },
    });
    expect(movement.actorId).toBe(staff.id);
    const stock = await rest(reader, "GET", `/inventory/${variantId}`);
    expect(stock.json()).toMatchObject({ stockOnHand: 7 });
  });

  it("empties the catalog cache after a stock change through REST, as the same call through /trpc does", async () => {
    const product = await factories(db.prisma).product({ status: "ACTIVE", variants: [{ price: 900, stock: 20 }] });
    const page = () =>
      app.inject(`/trpc/catalog.get?input=${encodeURIComponent(JSON.stringify({ json: { slug: product.slug } }))}`);
    // Until the database's own notice of the new product has come and gone (PostgreSQL's LISTEN).
    await expect.poll(async () => (await page()).headers["x-cache"], { timeout: 20_000 }).toBe("hit");
    const key = await newKey(["inventory:write"]);
    const variantId = product.variants[0]?.id ?? 0;
    const done = await rest(key, "POST", `/inventory/${variantId}/adjustments`, { reason: "RESTOCK", delta: 1 });
    expect(done.statusCode).toBe(200);
    expect((await page()).headers["x-cache"]).toBe("miss");
  });

  it("answers exactly what the procedure answers through the router's caller", async () => {
    const product = await factories(db.prisma).product({ status: "ACTIVE", variants: [{ price: 4_200, stock: 3 }] });
    const cart = await app.inject({
      method: "POST",
      url: "/trpc/cart.add",
      headers: { "content-type": "application/json", origin: "https://shop.example" },
      payload: { json: { variantId: product.variants[0]?.id } },
    });
    const cookie = String([cart.headers["set-cookie"]].flat()[0]).split(";")[0] ?? "";
    const placed = await app.inject({
      method: "POST",
      url: "/trpc/checkout.placeOrder",
      headers: { "content-type": "application/json", origin: "https://shop.example", cookie },
      payload: {
        json: {
          idempotencyKey: crypto.randomUUID(),
          email: "rest@example.com",
          shippingAddress: { fullName: "Ada", line1: "1 Main St", city: "Paris", postalCode: "75001", country: "FR" },
          shippingMethod: "standard",
        },
      },
    });
    const placedNumber = z
      .object({ result: z.object({ data: z.object({ json: z.object({ order: z.object({ number: z.number() }) }) }) }) })
      .parse(placed.json()).result.data.json.order.number;
    const orderId = (await db.prisma.order.findUniqueOrThrow({ where: { number: placedNumber } })).id;

    const key = await newKey(["orders:read", "orders:write"]);
    const viaRest = await rest(key, "GET", `/orders/${orderId}`);
    expect(viaRest.statusCode).toBe(200);
    const caller = createCaller(
      createContextInner({
        db: db.prisma,
        config: apiConfigFrom(env, localDiskStorage(tmpdir())),
        req: {
          ip: null,
          userAgent: null,
          origin: null,
          secFetchSite: null,
          doNotTrack: true,
          cartToken: null,
          setCookie() {},
          setHeader() {},
        },
        auth: await validateApiKey(db.prisma, key),
        limits: createMemoryStore(),
        payments: createTestProvider(db.prisma),
      }),
    );
    expect(viaRest.json()).toEqual(JSON.parse(JSON.stringify(await caller.admin.orders.get({ orderId }))));
    const listed = await rest(key, "GET", `/orders?search=rest@example.com&paymentStatus=PENDING`);
    expect(listed.json().items.map((order: { id: number }) => order.id)).toContain(orderId);

    const cancelled = await rest(key, "POST", `/orders/${orderId}/cancel`, { reason: "Out of stock at the ERP" });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ id: orderId, state: "CANCELLED" });
    const again = await rest(key, "POST", `/orders/${orderId}/ship`, { carrier: "UPS", trackingNumber: "1Z999" });
    expect(again.statusCode).toBe(412);
  });

  it("limits calls per key with 429 and Retry-After, audits each call, and stops a revoked key", async () => {
    const key = await newKey(["catalog:read"]);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await rest(key, "GET", "/brands")).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    const limited = await rest(key, "GET", "/brands");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    const id = key.split("_")[1] ?? "";
    const calls = await db.prisma.auditLog.count({ where: { action: "api_key.call", entityId: id } });
    expect(calls).toBe(10);
    // Another key is not limited by this one.
    expect((await rest(await newKey(["catalog:read"]), "GET", "/brands")).statusCode).toBe(200);
    await revokeApiKey(db.prisma, staff, id, null);
    expect((await rest(key, "GET", "/brands")).statusCode).toBe(401);
  });

  it("does not take an API key as a credential on /trpc (REST only)", async () => {
    const key = await newKey(["orders:read"]);
    const response = await app.inject({
      url: `/trpc/admin.orders.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.statusCode).toBe(401);
  });
});
