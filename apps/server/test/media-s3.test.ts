import { mkdtempSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type Database } from "@shop/db";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { startTestS3, testPhoto, type TestS3 } from "@shop/media/testing";
import { imageUploadBody } from "@shop/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

type Instance = { url: string; close(): Promise<void> };

const Image = z.object({ url: z.string(), srcSet: z.string().nullable(), webpSrcSet: z.string().nullable() });
const data = <T>(schema: z.ZodType<T>) =>
  z.object({ result: z.object({ data: z.object({ json: schema }) }) }).transform((body) => body.result.data.json);
const urlsOf = (image: z.infer<typeof Image>) =>
  [image.srcSet, image.webpSrcSet].flatMap((list) =>
    (list ?? "").split(", ").map((entry) => entry.split(" ")[0] ?? ""),
  );

/**
 * Two server instances as on two machines: each its own data directory (nothing shared on disk),
 * one database, one bucket on a local S3-compatible server.
 */
describe("images in an S3-compatible bucket, shared by two instances", () => {
  let db: TestDatabase;
  let second: Database;
  let s3: TestS3;
  beforeAll(async () => {
    db = await createTestDatabase();
    second = db.url ? await createDatabase({ kind: "postgres", url: db.url, poolSize: 4 }) : db;
    s3 = await startTestS3();
  });
  afterAll(async () => {
    await s3.stop();
    if (second !== db) await second.close();
    await db.close();
  });

  async function startInstance(database: Database, extra: Record<string, string> = {}): Promise<Instance> {
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-node-")),
      ...s3.env,
      ...extra,
    });
    const app = await buildApp(env, database, { cache: null });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    // Every request is answered by then: drop fetch's keep-alive sockets rather than wait them out.
    return {
      url,
      close: async () => {
        const closing = app.close();
        app.server.closeAllConnections();
        await closing;
      },
    };
  }

  async function uploadThrough(node: Instance, productId: number) {
    const staff = await factories(db.prisma).user({ role: "STAFF", password: "uploading passphrase" });
    const signedIn = await fetch(`${node.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email: staff.email, password: "uploading passphrase" } }),
    });
    const cookie = signedIn.headers.get("set-cookie")?.split(";")[0] ?? "";
    await signedIn.arrayBuffer();
    const photo = await testPhoto(900, 600, "jpeg");
    const response = await fetch(`${node.url}/trpc/admin.products.uploadImage`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", origin: "http://localhost:3000", cookie },
      body: imageUploadBody({ productId, alt: "" }, new Blob([photo])),
    });
    expect(response.status).toBe(200);
    return data(Image).parse(await response.json());
  }

  it("serves an image uploaded (streamed) through one instance from the other, every width, both ways", async () => {
    const product = await factories(db.prisma).product({ name: "Shared Lamp", status: "ACTIVE" });
    const [a, b] = [await startInstance(db), await startInstance(second)];
    try {
      const image = await uploadThrough(a, product.id);
      expect(image.url).toMatch(/^\/media\/products\/\d+\/[0-9a-f]{24}\.jpg$/);
      const urls = [image.url, ...urlsOf(image)];
      expect(urls).toHaveLength(7);
      for (const url of urls) {
        const fromA = await fetch(`${a.url}${url}`);
        const fromB = await fetch(`${b.url}${url}`);
        expect(fromB.status).toBe(200);
        expect(fromB.headers.get("content-type")).toBe(url.endsWith(".webp") ? "image/webp" : "image/jpeg");
        expect(Buffer.from(await fromB.arrayBuffer())).toEqual(Buffer.from(await fromA.arrayBuffer()));
      }
      // The full-size WebP copy, picked by Accept, comes from the bucket too.
      const negotiated = await fetch(`${b.url}${image.url}`, { headers: { accept: "image/webp,*/*" } });
      expect(negotiated.headers.get("content-type")).toBe("image/webp");
      expect((await fetch(`${b.url}/media/products/${product.id}/nothing-here.jpg`)).status).toBe(404);
      // And the other way round: streamed in through the second, served by the first.
      const back = await uploadThrough(b, product.id);
      for (const url of [back.url, ...urlsOf(back)]) expect((await fetch(`${a.url}${url}`)).status).toBe(200);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("hands out the bucket's public URLs (or a CDN's) when MEDIA_BASE_URL points there", async () => {
    const product = await factories(db.prisma).product({ name: "Public Lamp", status: "ACTIVE" });
    const publicBase = `${s3.endpoint}/${s3.bucket}`;
    const node = await startInstance(db, { MEDIA_BASE_URL: publicBase });
    try {
      const image = await uploadThrough(node, product.id);
      expect(image.url.startsWith(`${publicBase}/products/${product.id}/`)).toBe(true);
      for (const url of [image.url, ...urlsOf(image)]) expect((await fetch(url)).status).toBe(200);
      // Pages may load images from the bucket's origin, and only from there besides the shop.
      const csp = (await fetch(`${node.url}/healthz`)).headers.get("content-security-policy") ?? "";
      expect(csp).toMatch(new RegExp(`img-src [^;]*${s3.endpoint.replace(/[.:/]/g, "\\$&")}`));
    } finally {
      await node.close();
    }
  });

  it("answers 503 for images, and refuses uploads with a message, when the bucket does not answer", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const endpoint = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const product = await factories(db.prisma).product({ name: "Stranded Lamp", status: "ACTIVE" });
    const node = await startInstance(db, { S3_ENDPOINT: endpoint, S3_TIMEOUT_MS: "300" });
    try {
      const started = Date.now();
      const image = await fetch(`${node.url}/media/products/${product.id}/abc.jpg`);
      expect(image.status).toBe(503);
      expect(image.headers.get("retry-after")).toBe("5");
      expect(Date.now() - started).toBeLessThan(5_000);
      const staff = await factories(db.prisma).user({ role: "STAFF", password: "uploading passphrase" });
      const signedIn = await fetch(`${node.url}/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { email: staff.email, password: "uploading passphrase" } }),
      });
      const cookie = signedIn.headers.get("set-cookie")?.split(";")[0] ?? "";
      await signedIn.arrayBuffer();
      const photo = await testPhoto(400, 300, "jpeg");
      const upload = await fetch(`${node.url}/trpc/admin.products.uploadImage`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream", origin: "http://localhost:3000", cookie },
        body: imageUploadBody({ productId: product.id, alt: "" }, new Blob([photo])),
      });
      expect(upload.status).toBe(503);
      expect(JSON.stringify(await upload.json())).toContain("The image storage is not answering");
      expect(await db.prisma.productImage.count({ where: { productId: product.id } })).toBe(0);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await node.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
