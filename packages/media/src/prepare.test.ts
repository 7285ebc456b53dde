import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { imageInfo } from "./image-info.ts";
import { widthKey } from "./keys.ts";
import { localDiskStorage } from "./local.ts";
import { ImageRefused, prepareSeedImage, prepareUpload, storeImage } from "./prepare.ts";
import { testPhoto } from "./testing.ts";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const refusal = (bytes: Uint8Array) =>
  prepareUpload(bytes).then(
    () => "accepted",
    (error: unknown) => error,
  );

describe("preparing an upload", () => {
  it("makes every width up to the original, in the original format and WebP, never upscaling", async () => {
    const image = await prepareUpload(await testPhoto(1200, 900, "jpeg"));
    expect(image).toMatchObject({ extension: "jpg", width: 1200, height: 900, widths: [320, 640, 1024, 1200] });
    const made = image.files.map((file) => [
      file.format,
      file.width,
      imageInfo(file.bytes)?.type,
      imageInfo(file.bytes)?.width,
    ]);
    expect(made).toEqual([
      ["original", 320, "jpeg", 320],
      ["webp", 320, "webp", 320],
      ["original", 640, "jpeg", 640],
      ["webp", 640, "webp", 640],
      ["original", 1024, "jpeg", 1024],
      ["webp", 1024, "webp", 1024],
      ["original", 1200, "jpeg", 1200],
      ["webp", 1200, "webp", 1200],
    ]);
    const small = await prepareUpload(await testPhoto(200, 150, "png"));
    expect(small.widths).toEqual([200]);
    // A WebP upload is its own WebP copy.
    expect((await prepareUpload(await testPhoto(700, 400, "webp"))).files.map((file) => file.format)).toEqual([
      "original",
      "original",
      "original",
    ]);
  });

  it("strips EXIF (a phone's GPS position, the owner's name) and applies its orientation first", async () => {
    const photo = await testPhoto(800, 600, "jpeg", { exif: true, orientation: 6 });
    expect((await sharp(photo).metadata()).exif?.toString("latin1")).toContain("Jane Staffer");
    const image = await prepareUpload(photo);
    // Orientation 6 is "turn 90°": the stored pixels are upright, so width and height swap.
    expect(image).toMatchObject({ width: 600, height: 800 });
    for (const file of image.files) {
      const meta = await sharp(file.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(Buffer.from(file.bytes).toString("latin1")).not.toContain("Jane Staffer");
      expect(meta.orientation ?? 1).toBe(1);
    }
  });

  it("refuses by content, size and pixel count, with a message staff can act on", async () => {
    const svg = new TextEncoder().encode(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    );
    const refused = await refusal(svg);
    expect(refused).toBeInstanceOf(ImageRefused);
    expect(String(refused)).toMatch(/SVG images are not accepted/);
    const text = new TextEncoder().encode("definitely a png, says the file name ".repeat(4));
    expect(String(await refusal(text))).toMatch(/not a PNG, JPEG, GIF or WebP image \(checked from its content/);
    expect(String(await refusal(new Uint8Array(5 * 1024 * 1024 + 1)))).toMatch(
      /larger than 5 MB; images may be at most 5 MB/,
    );
    // A decompression bomb: a tiny file whose header claims 10,000 × 10,000 pixels.
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#fff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(String(await refusal(bomb))).toMatch(/10000 × 10000 pixels \(100 megapixels\); images may have at most 40/);
    const truncated = (await testPhoto(400, 300, "png")).subarray(0, 600);
    expect(String(await refusal(truncated))).toMatch(/could not be read: the file is damaged or incomplete/);
  });

  it("stores the files under one stem, each width at its key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shop-media-store-"));
    const stored = await storeImage(
      localDiskStorage(dir),
      "products/7/abc",
      await prepareUpload(await testPhoto(700, 500, "png")),
    );
    expect(stored).toEqual({ path: "products/7/abc.png", width: 700, height: 500, widths: [320, 640, 700] });
    expect(widthKey(stored, 640, "webp")).toBe("products/7/abc.w640.webp");
    expect(readdirSync(join(dir, "products", "7")).sort()).toEqual([
      "abc.png",
      "abc.png.webp",
      "abc.w320.png",
      "abc.w320.webp",
      "abc.w640.png",
      "abc.w640.webp",
    ]);
  });

  it("keeps the seed's SVG as it is (vectors need no widths) and sends raster seeds through the same pipeline", async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"></svg>');
    expect(await prepareSeedImage(svg, { width: 800, height: 800 })).toMatchObject({ extension: "svg", widths: [] });
    const raster = await prepareSeedImage(await testPhoto(1700, 1700, "jpeg"), { width: 0, height: 0 });
    expect(raster.widths).toEqual([320, 640, 1024, 1600, 1700]);
  });
});
