import { createServer, type Socket } from "node:net";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3Storage } from "./s3.ts";
import { startTestS3, type TestS3 } from "./testing.ts";

describe("S3-compatible storage (against a local S3 server)", () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startTestS3();
  });
  afterAll(() => s3.stop());

  it("puts, reads, lists and deletes objects; deleting twice is fine", async () => {
    const storage = s3Storage(s3.settings);
    await storage.put("products/1/a.png", new TextEncoder().encode("first"), "image/png");
    await storage.put("products/1/a.w320.webp", new TextEncoder().encode("second!"), "image/webp");
    await storage.put("products/2/b.png", new TextEncoder().encode("third"), "image/png");
    const found = await storage.get("products/1/a.png");
    if (!found) throw new Error("the object was not stored");
    expect(found.size).toBe(5);
    expect(await text(found.body)).toBe("first");
    expect(await storage.get("products/1/missing.png")).toBeNull();
    const listed = [];
    for await (const entry of storage.list("products/1/")) listed.push(entry);
    expect(listed).toEqual([
      { key: "products/1/a.png", size: 5 },
      { key: "products/1/a.w320.webp", size: 7 },
    ]);
    // Served publicly from the bucket with the type and caching it was stored with.
    const response = await fetch(`${s3.endpoint}/${s3.bucket}/products/1/a.w320.webp`);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=86400");
    await storage.delete(["products/1/a.png", "products/1/a.w320.webp", "products/1/never-existed.png"]);
    await storage.delete(["products/1/a.png"]);
    expect(await storage.get("products/1/a.png")).toBeNull();
    expect(await storage.get("products/2/b.png")).not.toBeNull();
    await expect(storage.put("../escape.png", new Uint8Array(1), "image/png")).rejects.toThrow(/Bad media key/);
  });

  it("gives up on a store that accepts connections and never answers, within the timeout", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const storage = s3Storage({ ...s3.settings, endpoint: `http://127.0.0.1:${port}`, timeoutMs: 400 });
    const started = Date.now();
    try {
      await expect(storage.put("products/1/a.png", new Uint8Array(10), "image/png")).rejects.toThrow();
      await expect(storage.get("products/1/a.png")).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
