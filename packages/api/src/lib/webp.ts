import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import decodeJpeg, { init as initJpeg } from "@jsquash/jpeg/decode.js";
import decodePng, { init as initPng } from "@jsquash/png/decode.js";
import encodeWebp, { init as initWebp } from "@jsquash/webp/encode.js";
import { simd } from "wasm-feature-detect";

const require = createRequire(import.meta.url);
// The codecs' own loaders fetch their .wasm by URL, which Node's fetch cannot do for files; hand
// them the bytes instead (Emscripten's `wasmBinary`, which their option type does not list).
const binary = async (file: string) => {
  const options = { wasmBinary: await readFile(require.resolve(file)), locateFile: (name: string) => name };
  return options;
};

// Squoosh's codecs compiled to WebAssembly: no native image library (those download binaries at
// install, which this project avoids). Loaded once, on the first upload that needs them.
let ready: Promise<void> | null = null;
const load = () =>
  (ready ??= (async () => {
    await Promise.all([
      // The encoder picks its SIMD build when the engine has SIMD; its bytes must match.
      initWebp(await binary(`@jsquash/webp/codec/enc/webp_enc${(await simd()) ? "_simd" : ""}.wasm`)),
      initJpeg(await binary("@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm")),
      initPng(await readFile(require.resolve("@jsquash/png/codec/pkg/squoosh_png_bg.wasm"))),
    ]);
  })());

/**
 * A WebP copy of a PNG or JPEG upload, for browsers that accept it (the media route picks it by
 * the Accept header); null when WebP would not be smaller, so the original is served to everyone.
 */
export async function webpCopy(bytes: Uint8Array, type: "png" | "jpeg"): Promise<Uint8Array | null> {
  await load();
  const buffer = new Uint8Array(bytes).buffer; // a copy the decoders may take over
  // The upload check reads only the header; a body the codec cannot decode keeps just the original.
  const image = await (type === "png" ? decodePng(buffer) : decodeJpeg(buffer)).catch(() => null);
  if (!image) return null;
  const webp = new Uint8Array(await encodeWebp(image, { quality: 80 }));
  return webp.byteLength < bytes.byteLength ? webp : null;
}
