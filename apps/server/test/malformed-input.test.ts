import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { CONTROL_CHARACTER_MESSAGE } from "@shop/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

// Forged superjson envelopes, sent to the fast paths (cart.add POST, catalog.get GET) and to
// tRPC's own handler: every one is the same plain 400, and no internal message leaks.

// Built as text: JSON.stringify itself would overflow the stack on 5,000 levels.
const deepMeta = (levels: number) => `${'["undefined",{"a":'.repeat(levels)}["undefined"]${"}]".repeat(levels)}`;
const deepEnvelope = (levels: number) => `{"json":{},"meta":{"values":${deepMeta(levels)}}}`;

// Too long for a URL: sent by POST only.
const bodies: Record<string, string> = {
  "a 5,000-level annotation tree": deepEnvelope(5_000),
  "100,000 nested arrays": `{"json":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
};

const envelopes: Record<string, string> = {
  "an unknown type": JSON.stringify({ json: { slug: "x" }, meta: { values: { slug: ["no-such-type"] } } }),
  "a map made from a number": JSON.stringify({ json: 5, meta: { values: ["map"] } }),
  "a class nobody registered": JSON.stringify({ json: {}, meta: { values: [["class", "Evil"]] } }),
  "a __proto__ path": JSON.stringify({ json: { a: {} }, meta: { values: { "__proto__.polluted": ["undefined"] } } }),
  "a prototype path": JSON.stringify({
    json: { a: {} },
    meta: { referentialEqualities: { a: ["constructor.prototype"] } },
  }),
  "a 100-level annotation tree": deepEnvelope(100),
  "a body of null": "null",
  "a bare number": "42",
  "an array": "[1,2]",
  "unknown envelope keys": JSON.stringify({ slug: "x" }),
  "meta that is not an object": JSON.stringify({ json: {}, meta: "values" }),
  "JSON that does not parse": "{not json",
};

function expectPlain400(status: number, body: string, label: string) {
  expect(status, label).toBe(400);
  expect(body, label).toContain('"code":"BAD_REQUEST"');
  for (const internal of [
    "Maximum call stack",
    "TypeError",
    "not iterable",
    "is not allowed as a property",
    "Unexpected",
  ])
    expect(body, label).not.toContain(internal);
}

describe("malformed superjson envelopes", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let variantId = 0;
  beforeAll(async () => {
    db = await createTestDatabase();
    const product = await factories(db.prisma).product({ variants: [{ price: 1_000, stock: 5 }] });
    variantId = product.variants[0]?.id ?? 0;
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

  const post = (url: string, payload: string) =>
    app.inject({
      method: "POST",
      url,
      headers: { "content-type": "application/json", origin: "https://shop.example" },
      payload,
    });

  it("a malformed envelope gets the same 400 on the cart.add fast path as through tRPC's handler", async () => {
    for (const [label, envelope] of Object.entries({ ...envelopes, ...bodies })) {
      const fast = await post("/trpc/cart.add", envelope);
      expectPlain400(fast.statusCode, fast.body, `fast: ${label}`);
      if (label === "JSON that does not parse") continue; // a batch body of bad JSON is not per call
      const adapter = await post("/trpc/cart.add?batch=1", `{"0":${envelope}}`);
      expectPlain400(adapter.statusCode, adapter.body, `adapter: ${label}`);
      expect(fast.json(), label).toEqual(adapter.json()[0]);
    }
    expect(await db.prisma.cartItem.count()).toBe(0);
  });

  it("a malformed envelope gets the same 400 on the catalog.get fast path as on a standard query", async () => {
    for (const [label, envelope] of Object.entries(envelopes)) {
      const input = encodeURIComponent(envelope);
      const fast = await app.inject(`/trpc/catalog.get?input=${input}`);
      expectPlain400(fast.statusCode, fast.body, `fast: ${label}`);
      const standard = await app.inject(`/trpc/checkout.quote?input=${input}`);
      expectPlain400(standard.statusCode, standard.body, `standard: ${label}`);
      const message = (body: string) => JSON.stringify(JSON.parse(body).error.json.message);
      expect(message(fast.body), label).toBe(message(standard.body));
      if (label === "JSON that does not parse") continue;
      // Batched too: the forged call fails alone, with the same message.
      const batched = await app.inject(
        `/trpc/catalog.get,catalog.categories?batch=1&input=${encodeURIComponent(`{"0":${envelope}}`)}`,
      );
      expect(batched.statusCode, label).toBe(207);
      expect(JSON.stringify(batched.json()[0].error.json.message), label).toBe(message(fast.body));
    }
  });

  it("a batch whose input is not an object is refused as tRPC refuses it", async () => {
    const fast = await app.inject("/trpc/catalog.get?batch=1&input=null");
    const standard = await app.inject("/trpc/checkout.quote?batch=1&input=null");
    expect([fast.statusCode, standard.statusCode]).toEqual([400, 400]);
    expect(fast.body).toContain("needs to be an object when doing a batch call");
    expect(standard.body).toContain("needs to be an object when doing a batch call");
  });

  it("well-formed envelopes still work on both paths", async () => {
    const added = await post("/trpc/cart.add", JSON.stringify({ json: { variantId, quantity: 1 } }));
    expect(added.statusCode).toBe(200);
    const dated = await app.inject(
      `/trpc/catalog.categories?input=${encodeURIComponent(JSON.stringify({ json: null, meta: { values: ["undefined"] } }))}`,
    );
    expect(dated.statusCode).toBe(200);
  });
});

describe("control characters over HTTP", () => {
  it("a NUL in a text field is a 400 naming the field, on the fast path and tRPC's handler alike", async () => {
    const db = await createTestDatabase();
    const app = await buildApp(
      parseServerEnv({ NODE_ENV: "production", LOG_LEVEL: "silent", SERVE_APPS: "false" }),
      db,
    );
    try {
      const quote = await app.inject(
        `/trpc/checkout.quote?input=${encodeURIComponent(JSON.stringify({ json: { country: "FR", region: "Paris\u0000" } }))}`,
      );
      const search = await app.inject(
        `/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify({ json: { search: "phone\u0000" } }))}`,
      );
      for (const [response, field] of [
        [quote, "region"],
        [search, "search"],
      ] as const) {
        expect(response.statusCode, field).toBe(400);
        expect(response.json().error.json.data.zodError.fieldErrors[field], field).toEqual([CONTROL_CHARACTER_MESSAGE]);
      }
    } finally {
      await app.close();
      await db.close();
    }
  });
});
