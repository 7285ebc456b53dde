import { createApiKey } from "@shop/api";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { API_SCOPES } from "@shop/validators";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

// Every REST endpoint documents its answer with the JSON Schema of its procedure's `rest.output`,
// and what it really answers validates against that document: each endpoint is called here and
// its body checked with a JSON Schema validator (ajv), not with the zod schema it came from.

const Operation = z.object({
  responses: z.object({
    "200": z.object({
      content: z.object({ "application/json": z.object({ schema: z.record(z.string(), z.unknown()) }) }),
    }),
  }),
});
const Document = z.object({
  paths: z.record(z.string(), z.record(z.string(), Operation)),
  components: z.object({ schemas: z.record(z.string(), z.unknown()) }),
});

describe("the REST API's documented answers", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    db = await createTestDatabase();
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-data-")),
      PUBLIC_URL: "https://shop.example",
      API_KEY_RATE_LIMIT_PER_MINUTE: "1000",
    });
    app = await buildApp({ ...env, serveApps: false }, db);
    await db.prisma.shippingMethod.create({
      data: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const trpc = async (path: string, json: object, cookie = "") => {
    const response = await app.inject({
      method: "POST",
      url: `/trpc/${path}`,
      headers: { "content-type": "application/json", origin: "https://shop.example", ...(cookie && { cookie }) },
      payload: { json },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };

  /** A guest's order of one unit through the storefront's own calls, paid by test card if asked. */
  async function placeOrder(variantId: number, pay: boolean) {
    const cart = await trpc("cart.add", { variantId });
    const cookie = String([cart.headers["set-cookie"]].flat()[0]).split(";")[0] ?? "";
    const placed = z
      .object({
        result: z.object({
          data: z.object({
            json: z.object({
              order: z.object({ number: z.number() }),
              payment: z.object({ clientSecret: z.string() }).nullable(),
            }),
          }),
        }),
      })
      .parse(
        (
          await trpc(
            "checkout.placeOrder",
            {
              idempotencyKey: crypto.randomUUID(),
              email: "documented@example.com",
              shippingAddress: {
                fullName: "Ada",
                line1: "1 Main St",
                city: "Paris",
                postalCode: "75001",
                country: "FR",
              },
              shippingMethod: "standard",
            },
            cookie,
          )
        ).json(),
      ).result.data.json;
    if (pay)
      await trpc("payments.testConfirm", {
        clientSecret: placed.payment?.clientSecret ?? "",
        number: "4242424242424242",
        expMonth: 12,
        expYear: new Date().getFullYear() + 2,
        cvc: "123",
      });
    return (await db.prisma.order.findUniqueOrThrow({ where: { number: placed.order.number } })).id;
  }

  it("has a response schema for every path, and every endpoint's real answer validates against it", async () => {
    const document = Document.parse((await app.inject("/api/v1/openapi.json")).json());
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validators = new Map<string, ReturnType<typeof ajv.compile>>();
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const schema = operation.responses["200"].content["application/json"].schema;
        // A schema, not a description of one.
        expect(Object.keys(schema), `${method} ${path}`).toEqual(
          expect.arrayContaining([expect.stringMatching(/^(type|\$ref|anyOf)$/)]),
        );
        validators.set(`${method.toUpperCase()} ${path}`, ajv.compile({ ...schema, components: document.components }));
      }
    }

    const make = factories(db.prisma);
    const brand = await db.prisma.brand.create({ data: { name: "Documented", slug: "documented" } });
    const parent = await db.prisma.category.create({ data: { name: "Home", slug: "home" } });
    const category = await db.prisma.category.create({ data: { name: "Lamps", slug: "lamps", parentId: parent.id } });
    const product = await make.product({
      brandId: brand.id,
      categoryId: category.id,
      variants: [{ price: 2_500, stock: 20 }],
    });
    const variantId = product.variants[0]?.id ?? 0;
    const customer = await make.user({ role: "CUSTOMER" });
    const staff = await make.user({ role: "STAFF" });
    const key = (
      await createApiKey(db.prisma, staff, { name: "all", scopes: [...API_SCOPES], expiresInDays: null }, null)
    ).key;
    const paid = await placeOrder(variantId, true);
    const unpaid = await placeOrder(variantId, false);

    const calls: Array<[method: "GET" | "POST" | "PUT", route: string, url: string, body?: object]> = [
      ["GET", "/products", "/products?limit=5"],
      ["GET", "/products/{slug}", `/products/${product.slug}`],
      ["GET", "/categories", "/categories"],
      ["GET", "/brands", "/brands"],
      ["GET", "/customers", "/customers?limit=5"],
      ["GET", "/customers/{id}", `/customers/${customer.id}`],
      ["GET", "/inventory", "/inventory?limit=5"],
      ["GET", "/inventory/{variantId}", `/inventory/${variantId}`],
      [
        "POST",
        "/inventory/{variantId}/adjustments",
        `/inventory/${variantId}/adjustments`,
        { reason: "RESTOCK", delta: 3 },
      ],
      ["PUT", "/inventory/{variantId}/threshold", `/inventory/${variantId}/threshold`, { threshold: 4 }],
      ["GET", "/inventory/{variantId}/movements", `/inventory/${variantId}/movements?limit=5`],
      ["POST", "/orders/{orderId}/notes", `/orders/${paid}/notes`, { body: "Gift wrap" }],
      ["POST", "/orders/{orderId}/ship", `/orders/${paid}/ship`, { carrier: "UPS", trackingNumber: "1ZDOC" }],
      ["POST", "/orders/{orderId}/delivered", `/orders/${paid}/delivered`],
      ["POST", "/orders/{orderId}/refunds", `/orders/${paid}/refunds`, { amount: 100, restock: false, reason: "Late" }],
      ["POST", "/orders/{orderId}/archive", `/orders/${paid}/archive`],
      ["POST", "/orders/{orderId}/unarchive", `/orders/${paid}/unarchive`],
      ["POST", "/orders/{orderId}/cancel", `/orders/${unpaid}/cancel`, { reason: "Never paid" }],
      ["GET", "/orders", "/orders?limit=5&attempts=true"],
      ["GET", "/orders/{orderId}", `/orders/${paid}`],
    ];
    for (const [method, route, url, body] of calls) {
      const response = await app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${key}` },
        ...(body ? { payload: body } : {}),
      });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(200);
      const validate = validators.get(`${method} ${route}`);
      expect(validate, `${method} ${route} is documented`).toBeDefined();
      const valid = validate?.(response.json());
      expect(validate?.errors ?? [], `${method} ${url}`).toEqual([]);
      expect(valid).toBe(true);
    }
    // Every documented endpoint was called (a new one must be added above).
    expect(calls.map(([method, route]) => `${method} ${route}`).sort()).toEqual([...validators.keys()].sort());
  });

  it("refuses an answer that does not fit the document: the validator is not a rubber stamp", async () => {
    const document = Document.parse((await app.inject("/api/v1/openapi.json")).json());
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const schema = document.paths["/brands"]?.get?.responses["200"].content["application/json"].schema;
    const validate = ajv.compile({ ...schema, components: document.components });
    expect(validate([{ slug: "a", name: "A", productCount: 1 }])).toBe(true);
    expect(validate([{ slug: "a", name: "A", productCount: "1" }])).toBe(false);
    expect(validate([{ slug: "a", name: "A", productCount: 1, secret: "x" }])).toBe(false);
    const categories = document.paths["/categories"]?.get?.responses["200"].content["application/json"].schema;
    const tree = ajv.compile({ ...categories, components: document.components });
    const leaf = { slug: "b", name: "B", productCount: 0, children: [] };
    expect(tree([{ slug: "a", name: "A", productCount: 1, children: [leaf] }])).toBe(true);
    expect(tree([{ slug: "a", name: "A", productCount: 1, children: [{ ...leaf, children: null }] }])).toBe(false);
  });
});
