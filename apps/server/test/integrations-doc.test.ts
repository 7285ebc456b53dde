import { createApiKey } from "@shop/api";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

const run = promisify(execFile);
const DOC = join(import.meta.dirname, "..", "..", "..", "docs", "integrations.md");

/** The `sh` blocks of the doc's "REST API" section, in order, without the placeholder exports. */
function restExamples(): string {
  const text = readFileSync(DOC, "utf8");
  const start = text.indexOf("\n## REST API");
  const end = text.indexOf("\n## ", start + 1);
  const section = text.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? "")
    .join("\n")
    .replaceAll(/^export SHOP_(URL|API_KEY)=.*$/gm, "");
}

const Json = <T extends z.ZodType>(schema: T) => z.object({ result: z.object({ data: z.object({ json: schema }) }) });

describe("docs/integrations.md, REST API examples", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let url: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-data-")),
      PUBLIC_URL: "https://shop.example",
    });
    app = await buildApp({ ...env, serveApps: false }, db);
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  /** A shopper's paid order, placed and paid through tRPC like the storefront. */
  async function paidOrder(variantId: number) {
    const headers = { "content-type": "application/json", origin: "https://shop.example" };
    const cart = await app.inject({ method: "POST", url: "/trpc/cart.add", headers, payload: { json: { variantId } } });
    const cookie = String([cart.headers["set-cookie"]].flat()[0]).split(";")[0] ?? "";
    const placed = await app.inject({
      method: "POST",
      url: "/trpc/checkout.placeOrder",
      headers: { ...headers, cookie },
      payload: {
        json: {
          idempotencyKey: crypto.randomUUID(),
          email: "doc@example.com",
          shippingAddress: { fullName: "Ada", line1: "1 Main St", city: "Paris", postalCode: "75001", country: "FR" },
          shippingMethod: "standard",
        },
      },
    });
    const { order, payment } = Json(
      z.object({ order: z.object({ number: z.number() }), payment: z.object({ clientSecret: z.string() }) }),
    ).parse(placed.json()).result.data.json;
    await app.inject({
      method: "POST",
      url: "/trpc/payments.testConfirm",
      headers: { ...headers, cookie },
      payload: {
        json: {
          clientSecret: payment.clientSecret,
          number: "4242 4242 4242 4242",
          expMonth: 12,
          expYear: 2100,
          cvc: "123",
        },
      },
    });
    return db.prisma.order.findUniqueOrThrow({ where: { number: order.number } });
  }

  it("runs every curl example against a running server", async () => {
    await db.prisma.shippingMethod.create({
      data: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
    });
    const product = await factories(db.prisma).product({ status: "ACTIVE", variants: [{ price: 2_500, stock: 5 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const order = await paidOrder(variantId);
    expect(order.paymentStatus).toBe("PAID");
    const staff = await factories(db.prisma).user({ role: "STAFF" });
    const scopes = ["catalog:read", "orders:read", "orders:write", "inventory:read", "inventory:write"] as const;
    const { key } = await createApiKey(db.prisma, staff, { name: "docs", scopes: [...scopes], expiresInDays: 1 }, null);
    const before = await db.prisma.variant.findUniqueOrThrow({ where: { id: variantId } });

    const { stdout } = await run("bash", ["-euo", "pipefail", "-c", restExamples()], {
      env: { PATH: process.env.PATH, SHOP_URL: url, SHOP_API_KEY: key },
      timeout: 60_000,
    });

    expect(stdout).toContain(`"slug": "${product.slug}"`);
    expect(stdout).toContain('"fulfillmentStatus": "FULFILLED"');
    expect(stdout).toContain('"note": "Delivery 4711"');
    expect(stdout).toMatch(/"fieldErrors":\{"delta":\["Enter a number of units other than zero"\]\}\}\}\nHTTP 400/);
    expect(stdout).toContain('"/orders/{orderId}/ship"');
    const shipped = await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(shipped.fulfillmentStatus).toBe("FULFILLED");
    const after = await db.prisma.variant.findUniqueOrThrow({ where: { id: variantId } });
    // The delivery added 24; shipping the order took its one unit out of the warehouse.
    expect(after.stockOnHand).toBe(before.stockOnHand + 24 - 1);
  });
});
