// Reads an image's real type and size from its bytes: the client's file name, MIME type and
// dimensions are never trusted. PNG, JPEG, GIF and WebP only (no SVG: it can carry scripts).

export type ImageInfo = { type: "png" | "jpeg" | "gif" | "webp"; contentType: string; width: number; height: number };

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

function jpegSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  return null;
}

function webpSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | null {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === "VP8 " && bytes.length >= 30)
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (chunk === "VP8L" && bytes.length >= 25) {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X" && bytes.length >= 30) {
    const width = (bytes[24] ?? 0) | ((bytes[25] ?? 0) << 8) | ((bytes[26] ?? 0) << 16);
    const height = (bytes[27] ?? 0) | ((bytes[28] ?? 0) << 8) | ((bytes[29] ?? 0) << 16);
    return { width: width + 1, height: height + 1 };
  }
  return null;
}

/** SVG (or any XML) text: refused from uploads, since an SVG can carry scripts. */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, "")
    .trimStart();
  return (
    /^<(\?xml|svg|!DOCTYPE svg|!--)/i.test(head) &&
    /<svg[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, 65_536)))
  );
}

export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  if (bytes.length < 30) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let found: { type: ImageInfo["type"]; size: { width: number; height: number } | null } | null = null;
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === "PNG" && ascii(bytes, 12, 4) === "IHDR") {
    found = { type: "png", size: { width: view.getUint32(16), height: view.getUint32(20) } };
  } else if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    found = { type: "jpeg", size: jpegSize(bytes, view) };
  } else if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") {
    found = { type: "gif", size: { width: view.getUint16(6, true), height: view.getUint16(8, true) } };
  } else if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") {
    found = { type: "webp", size: webpSize(bytes, view) };
  }
  if (!found?.size) return null;
  const { width, height } = found.size;
  if (width < 1 || height < 1 || width > 12_000 || height > 12_000) return null;
  return { type: found.type, contentType: `image/${found.type}`, width, height };
}
