import { mkdtempSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { testPhoto } from "@shop/media/testing";
import { imageUploadBody } from "@shop/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

const ORIGIN = "http://localhost:3000";
const Failure = z.object({
  error: z.object({
    json: z.object({ message: z.string(), data: z.object({ code: z.string(), httpStatus: z.number() }) }),
  }),
});
const Image = z.object({
  result: z.object({ data: z.object({ json: z.object({ url: z.string(), width: z.number() }) }) }),
});

/** Images travel as one metadata line and the raw bytes (`application/octet-stream`), streamed. */
describe("image uploads over HTTP", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let url: string;
  let cookie: string;
  let productId: number;
  beforeAll(async () => {
    db = await createTestDatabase();
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-upload-")),
    });
    app = await buildApp(env, db, { cache: null });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
    const staff = await factories(db.prisma).user({ role: "STAFF", password: "uploading passphrase" });
    const signedIn = await fetch(`${url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email: staff.email, password: "uploading passphrase" } }),
    });
    cookie = signedIn.headers.get("set-cookie")?.split(";")[0] ?? "";
    await signedIn.arrayBuffer();
    productId = (await factories(db.prisma).product({ name: "Streamed Lamp", status: "ACTIVE" })).id;
  });
  afterAll(async () => {
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
    await db.close();
  });

  const upload = (body: Blob, headers: Record<string, string> = {}) =>
    fetch(`${url}/trpc/admin.products.uploadImage`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", origin: ORIGIN, cookie, ...headers },
      body,
    });

  it("stores a photo sent as raw bytes, audited, and serves it", async () => {
    const response = await upload(
      imageUploadBody({ productId, alt: "Lit" }, new Blob([await testPhoto(800, 600, "jpeg")])),
    );
    expect(response.status).toBe(200);
    const image = Image.parse(await response.json()).result.data.json;
    expect(image.width).toBe(800);
    expect((await fetch(`${url}${image.url}`)).status).toBe(200);
    const audit = await db.prisma.auditLog.findFirst({
      where: { action: "product.image.add", entityId: String(productId) },
    });
    expect(audit?.after).toMatchObject({ alt: "Lit" });
  });

  it("refuses a file that is not an image with the sentence the admin shows", async () => {
    const response = await upload(
      imageUploadBody({ productId, alt: "" }, new Blob(["just some text, named photo.jpg"])),
    );
    expect(response.status).toBe(400);
    expect(Failure.parse(await response.json()).error.json.message).toMatch(
      /^This file is not a PNG, JPEG, GIF or WebP image \(checked from its content, not its name\)/,
    );
  });

  it("reads nothing from a caller who is not staff, or from another site", async () => {
    const body = imageUploadBody({ productId, alt: "" }, new Blob([await testPhoto(40, 40, "png")]));
    expect((await upload(body, { cookie: "" })).status).toBe(401);
    expect((await upload(body, { origin: "https://evil.example" })).status).toBe(403);
    expect((await upload(body, { "sec-fetch-site": "cross-site" })).status).toBe(403);
  });

  /** Sends the metadata line, then zeros in 64 KB chunks until the server answers or `total` is sent (never ending the body). */
  function oversize(total: number, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      const target = new URL(`${url}/trpc/admin.products.uploadImage`);
      let sent = 0;
      let answered = false;
      const req = httpRequest(target, {
        method: "POST",
        headers: { "content-type": "application/octet-stream", origin: ORIGIN, cookie, ...headers },
      });
      req.on("response", (response: IncomingMessage) => {
        answered = true;
        const sentWhenAnswered = sent;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString(), sent: sentWhenAnswered });
          req.destroy();
        });
      });
      req.on("error", (error) => {
        if (!answered) reject(error);
      });
      const chunk = Buffer.alloc(64 * 1024);
      const line = `${JSON.stringify({ productId, alt: "" })}\n`;
      req.write(line);
      sent = line.length;
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.byteLength;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
      };
      pump();
    });
  }

  it("answers 413 at 5 MB + 1 byte while the client is still sending, and keeps serving", async () => {
    // 64 MB offered, the body never ended: the answer can only come from a server that stopped reading.
    const refused = await oversize(64 * 1024 * 1024);
    expect(refused.status).toBe(413);
    expect(Failure.parse(JSON.parse(refused.body)).error.json).toMatchObject({
      message: "The file is larger than 5 MB; images may be at most 5 MB. Export it smaller and try again.",
      data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 },
    });
    // Answered long before the 64 MB: what was sent by then is the 5 MB read plus what sat in buffers.
    expect(refused.sent).toBeLessThan(16 * 1024 * 1024);
    expect(await db.prisma.productImage.count({ where: { productId, alt: "" } })).toBe(0);
    // A declared length over the limit is refused before a byte of the body is read.
    const declared = await oversize(0, { "content-length": String(6 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("cuts off a client that goes on sending after the refusal, 16 MB later", async () => {
    // A raw socket: Node's HTTP client stops writing once it has a complete answer.
    const { port } = new URL(url);
    const socket = connect(Number(port), "127.0.0.1");
    const line = `${JSON.stringify({ productId, alt: "" })}\n`;
    socket.write(
      [
        "POST /trpc/admin.products.uploadImage HTTP/1.1",
        `Host: 127.0.0.1:${port}`,
        "Content-Type: application/octet-stream",
        `Origin: ${ORIGIN}`,
        `Cookie: ${cookie}`,
        "Transfer-Encoding: chunked",
        "",
        "",
      ].join("\r\n"),
    );
    const chunk = (data: Buffer | string) =>
      socket.write(
        Buffer.concat([
          Buffer.from(`${Buffer.byteLength(data).toString(16)}\r\n`),
          Buffer.from(data),
          Buffer.from("\r\n"),
        ]),
      );
    chunk(line);
    let sent = 0;
    let answer = "";
    socket.on("data", (data: Buffer) => {
      answer += data.toString();
    });
    const closed = new Promise<void>((resolve) => {
      socket.on("close", () => resolve());
      socket.on("error", () => resolve());
    });
    const zeros = Buffer.alloc(256 * 1024);
    const pump = () => {
      while (sent < 256 * 1024 * 1024 && !socket.destroyed) {
        sent += zeros.byteLength;
        if (!chunk(zeros)) return void socket.once("drain", pump);
      }
    };
    pump();
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain("The file is larger than 5 MB");
    // 5 MB read, 16 MB dropped, and what the sockets' buffers held when the connection went.
    expect(sent).toBeGreaterThan(21 * 1024 * 1024);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
