import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signedEvent, startStripeDouble } from "@shop/api/testing";
import { createDatabase, migrate, prismaPaths, type Database } from "@shop/db";
import { factories } from "@shop/db/testing";
import pg from "pg";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, paymentsFrom } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import type { ErrorReporter } from "../src/observability/error-reporter.ts";
import { createOutageLog } from "../src/observability/outage-log.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./support/throwaway-services.ts";

const WEBHOOK_SECRET = "whsec_outage_test_secret";
const METRICS_TOKEN = "metrics-token-for-the-outage-test";
const ORIGIN = "https://shop.example";
type LogLine = { level: number; msg: string; suppressed?: number };

describe("PostgreSQL unavailable: every request answers 503 with Retry-After, logged once per burst", () => {
  let server: ThrowawayPostgres;
  let db: Database;
  let stripe: Awaited<ReturnType<typeof startStripeDouble>>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const lines: LogLine[] = [];
  const reported: unknown[] = [];
  let session = "";
  let variantId = 0;

  beforeAll(async () => {
    server = await startThrowawayPostgres();
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query(`CREATE DATABASE shop`);
    await admin.end();
    // Short waits keep the test short (the defaults: 3 s for a connection, 35 s for an answer).
    db = await createDatabase({
      kind: "postgres",
      url: server.url("shop"),
      poolSize: 4,
      connectionTimeoutMs: 500,
      queryTimeoutMs: 3_000,
    });
    await migrate(db.sql, prismaPaths().migrations);
    const make = factories(db.prisma);
    await db.prisma.shippingMethod.create({
      data: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
    });
    variantId = (await make.product({ variants: [{ price: 1_000, stock: 5 }] })).variants[0]?.id ?? 0;
    await make.user({ email: "outage@example.com", password: "the right passphrase" });
    stripe = await startStripeDouble();
    const env = parseServerEnv({
      NODE_ENV: "production",
      SERVE_APPS: "false",
      CATALOG_CACHE: "off",
      PUBLIC_URL: ORIGIN,
      METRICS_TOKEN,
      STRIPE_SECRET_KEY: "sk_test_outage",
      STRIPE_PUBLISHABLE_KEY: "pk_test_outage",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-pg-outage-")),
    });
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const errors: ErrorReporter = { capture: (error) => void reported.push(error), close: async () => {} };
    // A one-second burst window keeps the test short; the server's default is ten seconds.
    const outages = createOutageLog(logger, "dependency unavailable", 1_000);
    app = await buildApp(env, db, { logger, errors, outages, payments: paymentsFrom(env, db, stripe.api) });
    const signedIn = await app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers: { "content-type": "application/json" },
      payload: { json: { email: "outage@example.com", password: "the right passphrase" } },
    });
    expect(signedIn.statusCode).toBe(200);
    session = String([signedIn.headers["set-cookie"]].flat().find((c) => String(c).startsWith("shop_session=")));
    session = session.split(";")[0] ?? "";
  });
  afterAll(async () => {
    await app?.close();
    await stripe?.close();
    await db?.close().catch(() => undefined);
    await server?.destroy();
  });

  const query = (path: string, input: unknown, cookie = "") =>
    app.inject({
      url: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
      headers: { cookie },
    });
  const mutation = (path: string, input: unknown, cookie = "") =>
    app.inject({
      method: "POST",
      url: `/trpc/${path}`,
      headers: { "content-type": "application/json", origin: ORIGIN, cookie },
      payload: { json: input },
    });
  const errorsAtLevel = () => lines.filter((line) => line.level >= 50);

  it("answers 503 for a connection cut in the middle of a request", async () => {
    const added = await mutation("cart.add", { variantId });
    const cart = String([added.headers["set-cookie"]].flat()[0]).split(";")[0] ?? "";
    // Hold the variant's row, so the checkout waits on it; then cut that checkout's connection.
    const blocker = new pg.Client({ connectionString: server.url("shop") });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT 1 FROM "Variant" WHERE "id" = $1 FOR UPDATE`, [variantId]);
    const placing = mutation(
      "checkout.placeOrder",
      {
        idempotencyKey: crypto.randomUUID(),
        email: "cut@example.com",
        shippingAddress: { fullName: "Ada", line1: "1 Main St", city: "Paris", postalCode: "75001", country: "FR" },
        shippingMethod: "standard",
      },
      cart,
    );
    const admin = new pg.Client({ connectionString: server.url("shop") });
    await admin.connect();
    await expect
      .poll(
        async () =>
          (
            await admin.query(
              `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE datname = 'shop' AND wait_event_type = 'Lock'`,
            )
          ).rowCount,
        { timeout: 5_000, interval: 50 },
      )
      .toBe(1);
    const placed = await placing;
    await blocker.query("ROLLBACK");
    await Promise.all([blocker.end(), admin.end()]);
    expect(placed.statusCode).toBe(503);
    expect(placed.headers["retry-after"]).toBe("5");
    expect(placed.json()).toMatchObject({ error: { json: { data: { code: "SERVICE_UNAVAILABLE" } } } });
    expect(await db.prisma.order.count()).toBe(0);
    expect(reported).toEqual([]);
  });

  it("answers 503 on every path while the server is stopped, without a log line or report per request", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the first test's burst is over
    await server.stop();
    lines.length = 0;
    const signed = () => {
      const { payload, signature } = signedEvent(WEBHOOK_SECRET, {
        type: "payment_intent.succeeded",
        intent: { id: "pi_outage", object: "payment_intent" },
      });
      return app.inject({
        method: "POST",
        url: "/api/payment/webhook",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        payload,
      });
    };
    const requests = {
      "fast query": () => query("catalog.list", { limit: 5 }),
      "fast batch": () =>
        app.inject(
          `/trpc/catalog.list,catalog.brands?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: { limit: 5 } } }))}`,
        ),
      "fast mutation": () => mutation("cart.add", { variantId }),
      "fast mutation, session": () => mutation("cart.add", { variantId }, session),
      "tRPC handler": () => query("reviews.list", { productId: 1 }),
      "tRPC handler, session": () => query("auth.me", undefined, session),
      "payment webhook": signed,
      metrics: () => app.inject({ url: "/metrics", headers: { authorization: `Bearer ${METRICS_TOKEN}` } }),
    };
    let sent = 0;
    for (let round = 0; round < 3; round++) {
      for (const [name, send] of Object.entries(requests)) {
        const response = await send();
        sent++;
        expect(response.statusCode, `${name}: ${response.body}`).toBe(503);
        expect(response.headers["retry-after"], name).toBe("5");
        if (name.startsWith("fast batch")) {
          expect(response.json()).toMatchObject([
            { error: { json: { data: { code: "SERVICE_UNAVAILABLE", path: "catalog.list" } } } },
            { error: { json: { data: { code: "SERVICE_UNAVAILABLE", path: "catalog.brands" } } } },
          ]);
        } else if (name.includes("fast") || name.includes("tRPC")) {
          expect(response.json(), name).toMatchObject({ error: { json: { data: { code: "SERVICE_UNAVAILABLE" } } } });
        }
      }
    }
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: "unavailable", dependencies: { database: "down" } });

    // One error line for the burst, then (after the window) one line counting the rest.
    expect(errorsAtLevel().map((line) => line.msg)).toEqual(["dependency unavailable"]);
    await expect.poll(() => lines.find((line) => line.suppressed !== undefined), { timeout: 5_000 }).toBeTruthy();
    // Every failure was counted: each request (a batch's two calls apart), plus /readyz, less the one logged.
    expect(lines.find((line) => line.suppressed !== undefined)?.suppressed).toBe(sent + 3 + 1 - 1);
    expect(reported).toEqual([]);

    await server.start();
    await expect
      .poll(async () => (await query("catalog.list", { limit: 5 })).statusCode, { timeout: 15_000 })
      .toBe(200);
    expect((await query("auth.me", undefined, session)).json()).toMatchObject({
      result: { data: { json: { email: "outage@example.com" } } },
    });
    expect((await app.inject("/readyz")).json()).toEqual({ status: "ready", dependencies: { database: "up" } });
    expect(errorsAtLevel()).toHaveLength(1);
  });

  it("answers 503 within its timeouts while the server is frozen (SIGSTOP), and recovers", async () => {
    expect((await query("catalog.list", { limit: 5 })).statusCode).toBe(200); // connections in the pool
    server.pause();
    try {
      // On a pooled connection the query is sent and never answered: it gives up after 3 s.
      const started = performance.now();
      const pooled = await query("catalog.list", { limit: 5 });
      expect(pooled.statusCode).toBe(503);
      expect(pooled.headers["retry-after"]).toBe("5");
      expect(performance.now() - started).toBeGreaterThan(2_500);
      // New connections are never accepted: each gives up after 0.5 s (readiness after 2 s).
      const again = performance.now();
      const responses = await Promise.all([
        query("auth.me", undefined, session),
        mutation("cart.add", { variantId }),
        app.inject("/readyz"),
      ]);
      expect(performance.now() - again).toBeLessThan(6_000);
      expect(responses.map((response) => response.statusCode)).toEqual([503, 503, 503]);
      expect(responses.slice(0, 2).map((response) => response.headers["retry-after"])).toEqual(["5", "5"]);
    } finally {
      server.resume();
    }
    await expect
      .poll(async () => (await query("catalog.list", { limit: 5 })).statusCode, { timeout: 15_000 })
      .toBe(200);
    expect((await app.inject("/readyz")).statusCode).toBe(200);
    expect(reported).toEqual([]);
  });
});
