import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

/** A stand-in for Sentry's ingestion endpoint: keeps every envelope posted to it. */
async function startFakeSentry() {
  const envelopes: Array<{ url: string; headers: Record<string, unknown>; body: string }> = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = request.headers["content-encoding"] === "gzip" ? gunzipSync(raw).toString() : raw.toString();
      envelopes.push({ url: request.url ?? "", headers: { ...request.headers }, body });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    dsn: `http://publickey@127.0.0.1:${port}/1`,
    envelopes,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const SESSION = "sessioncookievaluexyz.secretpartthatmustnotleak";
const BEARER = "bearertokenvalueabc.anothersecretthatmustnotleak";
const BODY_MARKER = "/body-marker-that-must-not-leak";

describe("error reporting to Sentry", () => {
  let db: TestDatabase;
  let sentry: Awaited<ReturnType<typeof startFakeSentry>>;
  const envFor = (dsn: string) =>
    parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      CATALOG_CACHE: "off",
      PUBLIC_URL: "https://shop.example",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-sentry-")),
      SENTRY_DSN: dsn,
      SENTRY_RELEASE: "shop@test",
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    sentry = await startFakeSentry();
    // A real internal failure: the tables these procedures need are gone.
    await db.sql.exec(
      `ALTER TABLE "Brand" RENAME TO "BrandMoved"; ALTER TABLE "AnalyticsEvent" RENAME TO "AnalyticsEventMoved"`,
    );
  });
  afterAll(async () => {
    await sentry.close();
    await db.close();
  });

  async function failingRequests(app: Awaited<ReturnType<typeof buildApp>>) {
    const headers = {
      cookie: `shop_session=${SESSION}`,
      authorization: `Bearer ${BEARER}`,
      origin: "https://shop.example",
      "content-type": "application/json",
    };
    const query = await app.inject({ method: "GET", url: "/trpc/catalog.brands", headers });
    const mutation = await app.inject({
      method: "POST",
      url: "/trpc/analytics.track",
      headers: { ...headers, "user-agent": "Mozilla/5.0 Firefox/140.0" },
      payload: { json: { events: [{ type: "PAGE_VIEW", path: BODY_MARKER }] } },
    });
    return [query.statusCode, mutation.statusCode];
  }

  it("sends an envelope for an internal error, without cookies, auth headers or request bodies", async () => {
    const app = await buildApp(envFor(sentry.dsn), db);
    try {
      expect(await failingRequests(app)).toEqual([500, 500]);
      await expect.poll(() => sentry.envelopes.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    } finally {
      await app.close();
    }
    const events = sentry.envelopes.filter((envelope) => envelope.body.includes('"type":"event"'));
    expect(events.length).toBe(2);
    expect(events.every((envelope) => envelope.url.startsWith("/api/1/envelope/"))).toBe(true);
    const all = events.map((envelope) => envelope.body).join("\n");
    expect(all).toContain('"trpc.path":"catalog.brands"');
    expect(all).toContain('"trpc.path":"analytics.track"');
    expect(all).toContain("shop@test");
    expect(all).toMatch(/Brand|does not exist/);
    for (const secret of [
      SESSION,
      BEARER,
      "secretpartthatmustnotleak",
      "anothersecretthatmustnotleak",
      BODY_MARKER,
      "Firefox/140.0",
    ]) {
      expect(all).not.toContain(secret);
    }
    // Ordinary refusals are not errors worth reporting.
    const before = sentry.envelopes.length;
    const app2 = await buildApp(envFor(sentry.dsn), db);
    try {
      expect(
        (await app2.inject({ method: "GET", url: "/trpc/auth.me?input=%7B%22json%22%3A%7B%22bad%22%3A1%7D%7D" }))
          .statusCode,
      ).toBeLessThan(500);
      expect(
        (
          await app2.inject({
            method: "POST",
            url: "/trpc/account.addresses.create",
            headers: { "content-type": "application/json" },
            payload: { json: {} },
          })
        ).statusCode,
      ).toBe(401);
    } finally {
      await app2.close();
    }
    expect(sentry.envelopes.length).toBe(before);
  });

  it("sends nothing when SENTRY_DSN is unset", async () => {
    const before = sentry.envelopes.length;
    const app = await buildApp(envFor(""), db);
    try {
      expect(await failingRequests(app)).toEqual([500, 500]);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    } finally {
      await app.close();
    }
    expect(sentry.envelopes.length).toBe(before);
  });
});
