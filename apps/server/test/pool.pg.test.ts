import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type Database } from "@shop/db";
import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

describe("an exhausted connection pool", () => {
  let base: TestDatabase;
  let tiny: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    base = await createTestDatabase();
    // One connection that waits at most 300 ms.
    tiny = await createDatabase({ kind: "postgres", url: String(base.url), poolSize: 1, connectionTimeoutMs: 300 });
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      CATALOG_CACHE: "off",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-pool-")),
    });
    app = await buildApp(env, tiny);
  });
  afterAll(async () => {
    await app.close();
    await tiny.close();
    await base.close();
  });

  it("fails fast with 503 instead of hanging, and recovers", async () => {
    let release = () => {};
    const held = tiny.sql.withConnection(() => new Promise<void>((resolve) => (release = resolve)));
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = Date.now();
      const responses = await Promise.all([
        app.inject(`/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 1 } }))}`),
        app.inject(`/trpc/reviews.list?input=${encodeURIComponent(JSON.stringify({ json: { productId: 1 } }))}`),
        app.inject("/readyz"),
      ]);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(responses.map((r) => r.statusCode)).toEqual([503, 503, 503]);
      expect(responses[0]?.json()).toMatchObject({ error: { json: { data: { code: "SERVICE_UNAVAILABLE" } } } });
      expect(responses.map((r) => r.headers["retry-after"])).toEqual(["5", "5", undefined]);
    } finally {
      release();
      await held;
    }
    expect((await app.inject("/readyz")).statusCode).toBe(200);
  });
});
