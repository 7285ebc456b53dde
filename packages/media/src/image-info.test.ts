import { describe, expect, it } from "vitest";
import { imageInfo } from "./image-info.ts";

/** A minimal PNG header of the given size (the signature and IHDR are all a reader needs). */
function pngBytes(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 0);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

describe("imageInfo", () => {
  it("reads PNG, GIF and JPEG dimensions from the bytes", () => {
    expect(imageInfo(pngBytes(640, 480))).toEqual({ type: "png", contentType: "image/png", width: 640, height: 480 });
    const gif = new Uint8Array(40);
    gif.set([...Buffer.from("GIF89a"), 0x20, 0x01, 0x10, 0x00]);
    expect(imageInfo(gif)).toMatchObject({ type: "gif", width: 288, height: 16 });
    const jpeg = new Uint8Array(40);
    jpeg.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x02, 0x58]);
    expect(imageInfo(jpeg)).toMatchObject({ type: "jpeg", width: 600, height: 300 });
  });

  it("refuses SVG, text and absurd sizes", () => {
    expect(
      imageInfo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')),
    ).toBeNull();
    expect(imageInfo(pngBytes(0, 10))).toBeNull();
    expect(imageInfo(pngBytes(50_000, 10))).toBeNull();
  });
});
