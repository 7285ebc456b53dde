import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { connect } from "node:tls";
import { join } from "node:path";
import { createRedisStore } from "@shop/api";
import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";
import { standInRenderer } from "./support/stand-in-renderer.ts";
import { startNginx, type Nginx } from "../../../deploy/nginx/local.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const LIMIT = 25;
const ASSET = "assets/index-3f9a1c2b.js";

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };
type Options = { from?: string; headers?: Record<string, string> };

const scratch: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};

function dist() {
  const dir = tempDir("shop-dist-");
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Shop</title>");
  writeFileSync(
    join(dir, ASSET),
    `export const catalogue = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `item ${i}`))};\n`,
  );
  return dir;
}

describe("behind nginx (TLS, two instances, TRUST_PROXY)", () => {
  let db: TestDatabase;
  let nginx: Nginx;
  let redis: Redis;
  const apps: Array<Awaited<ReturnType<typeof buildApp>>> = [];
  const prefix = `shop:test:${randomUUID()}:`;

  /** An HTTPS request to nginx from a chosen loopback address, verifying nginx's certificate. */
  const get = (path: string, options: Options = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          servername: "localhost",
          port: nginx.httpsPort,
          path,
          ca: nginx.ca,
          localAddress: options.from,
          headers: options.headers,
          agent: false,
        },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on("error", reject);
      req.end();
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = new Redis(REDIS_URL);
    const storefront = dist();
    const ports: number[] = [];
    for (let i = 0; i < 2; i++) {
      const env = parseServerEnv({
        NODE_ENV: "production",
        LOG_LEVEL: "silent",
        PUBLIC_URL: "https://localhost",
        // The instances see nginx connecting from 127.0.0.1; nobody else may speak for a client.
        TRUST_PROXY: "127.0.0.1",
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        DATA_DIR: tempDir("shop-nginx-app-"),
      });
      const app = await buildApp({ ...env, storefrontDist: storefront, adminDist: dist() }, db, {
        limits: createRedisStore(redis, prefix),
        renderer: standInRenderer("Shop"),
      });
      await app.listen({ port: 0, host: "127.0.0.1" });
      const address = app.server.address();
      ports.push(typeof address === "object" && address ? address.port : 0);
      apps.push(app);
    }
    nginx = await startNginx(
      ports.map((port) => `127.0.0.1:${port}`),
      { binary: process.env.NGINX_PATH },
    );
  });

  afterAll(async () => {
    await nginx?.stop();
    for (const app of apps) await app.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db.close();
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  it("answers /trpc over HTTPS with the app's security headers and nginx's version hidden", async () => {
    const response = await get("/trpc/auth.me");
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ result: { data: { json: null } } });
    expect(response.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    expect(response.headers.server).toBe("nginx");
  });

  it("offers HTTP/2 over TLS 1.2 or newer only", async () => {
    const handshake = (options: { minVersion?: "TLSv1"; maxVersion?: "TLSv1.1"; ciphers?: string }) =>
      new Promise<{ protocol: string | null; alpn: string | false | null }>((resolve, reject) => {
        const socket = connect(
          {
            host: "127.0.0.1",
            port: nginx.httpsPort,
            servername: "localhost",
            ca: nginx.ca,
            ALPNProtocols: ["h2", "http/1.1"],
            ...options,
          },
          () => {
            resolve({ protocol: socket.getProtocol(), alpn: socket.alpnProtocol });
            socket.end();
          },
        );
        socket.on("error", reject);
      });
    expect(await handshake({})).toEqual({ protocol: "TLSv1.3", alpn: "h2" });
    // The client is willing (security level 0); the refusal is nginx's protocol-version alert.
    await expect(
      handshake({ minVersion: "TLSv1", maxVersion: "TLSv1.1", ciphers: "DEFAULT@SECLEVEL=0" }),
    ).rejects.toThrow(/alert protocol version/);
  });

  it("redirects plain HTTP to the configured HTTPS origin, whatever Host the client sends", async () => {
    const location = await new Promise<string | undefined>((resolve, reject) => {
      const req = httpRequest(
        { host: "127.0.0.1", port: nginx.httpPort, path: "/cart?x=1", headers: { host: "evil.example" } },
        (res) => {
          res.resume();
          resolve(res.headers.location);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(location).toBe(`https://localhost:${nginx.httpsPort}/cart?x=1`);
  });

  it("serves hashed assets immutable, compressed and from its cache on the second request", async () => {
    const first = await get(`/${ASSET}`, { headers: { "accept-encoding": "gzip" } });
    expect(first.status).toBe(200);
    expect(first.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.headers["x-cache-status"]).toBe("MISS");
    // The app answers with Vary: Accept-Encoding (it serves the build's precompressed files), so
    // nginx caches one copy per encoding: the same encoding again is a hit.
    const second = await get(`/${ASSET}`, { headers: { "accept-encoding": "gzip" } });
    expect(second.headers["x-cache-status"]).toBe("HIT");
    expect(second.headers["content-encoding"]).toBe("gzip");
    const plain = await get(`/${ASSET}`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toContain("item 199");
    expect(plain.headers["content-security-policy"]).toContain("default-src 'self'");
    const html = await get("/");
    expect(html.headers["cache-control"]).toBe("no-cache");
    expect(html.headers["x-cache-status"]).toBeUndefined();
  });

  it("keeps per-instance metrics away from the public", async () => {
    expect((await get("/metrics")).status).toBe(404);
  });

  it("rate-limits each client by its own address, across both instances, and ignores forged X-Forwarded-For", async () => {
    const statuses = [];
    for (let i = 0; i < LIMIT + 1; i++) statuses.push((await get("/trpc/auth.me", { from: "127.0.0.2" })).status);
    expect(statuses.slice(0, LIMIT).every((status) => status === 200)).toBe(true);
    expect(statuses[LIMIT]).toBe(429);
    const limited = await get("/trpc/auth.me", { from: "127.0.0.2", headers: { "x-forwarded-for": "198.51.100.23" } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Another client is counted on its own, even one claiming to be the limited address.
    expect((await get("/trpc/auth.me", { from: "127.0.0.3" })).status).toBe(200);
    expect(
      (await get("/trpc/auth.me", { from: "127.0.0.3", headers: { "x-forwarded-for": "127.0.0.2" } })).status,
    ).toBe(200);
  });

  it("keeps answering when one instance goes away", async () => {
    await apps[0]?.close();
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await get("/healthz", { from: "127.0.0.4" })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  });
});
