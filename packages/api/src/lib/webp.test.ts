import { crc32, deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { imageInfo } from "./image-info.ts";
import { webpCopy } from "./webp.ts";

const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A real RGB PNG with a photo-like gradient and noise (what lossless PNG stores badly). */
function photoPng(width: number, height: number) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  let seed = 7;
  const noise = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 24;
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.from([
      0,
      ...Array.from({ length: width }, (_, x) =>
        [(x * 255) / width + noise(), (y * 255) / height + noise(), 128 + noise()].map(Math.floor),
      ).flat(),
    ]),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("WebP copies of uploads", () => {
  it("encodes a photo-like PNG as a smaller WebP of the same size", async () => {
    const png = photoPng(320, 200);
    const webp = await webpCopy(png, "png");
    expect(webp).not.toBeNull();
    expect(webp?.byteLength).toBeLessThan(png.byteLength / 2);
    expect(imageInfo(Buffer.from(webp ?? []))).toMatchObject({ type: "webp", width: 320, height: 200 });
  });

  it("keeps only the original when the body cannot be decoded", async () => {
    const broken = photoPng(16, 16).subarray(0, 40);
    expect(await webpCopy(broken, "png")).toBeNull();
  });
});
