import sharp, { type Sharp } from "sharp";
import { imageInfo, looksLikeSvg, type ImageInfo } from "./image-info.ts";
import { widthKey, widthsFor } from "./keys.ts";
import type { MediaStorage } from "./storage.ts";

export const UPLOAD_LIMITS = {
  bytes: 5 * 1024 * 1024,
  /** Decoded size is what a decompression bomb inflates: 40 MP is about 160 MB of pixels. */
  pixels: 40_000_000,
} as const;

/** An upload the shop will not store; the message is shown to staff as it is. */
export class ImageRefused extends Error {}
/** A refusal for size alone: the server answers it without reading the rest of the file. */
export class ImageTooLarge extends ImageRefused {}

export const TOO_LARGE_MESSAGE =
  "The file is larger than 5 MB; images may be at most 5 MB. Export it smaller and try again.";

type Extension = "png" | "jpg" | "gif" | "webp" | "svg";
export type PreparedFile = { width: number; format: "original" | "webp"; bytes: Uint8Array; contentType: string };
export type PreparedImage = {
  extension: Extension;
  width: number;
  height: number;
  /** Every width stored (the last is the original); empty for SVG, which scales by itself. */
  widths: number[];
  files: PreparedFile[];
};

const encoders: Record<ImageInfo["type"], (pipeline: Sharp) => Sharp> = {
  png: (pipeline) => pipeline.png({ compressionLevel: 9, adaptiveFiltering: true }),
  jpeg: (pipeline) => pipeline.jpeg({ quality: 82, mozjpeg: true }),
  gif: (pipeline) => pipeline.gif(),
  webp: (pipeline) => pipeline.webp({ quality: 80 }),
};

/**
 * Checks an uploaded file and makes everything the shop stores of it. The type comes from the
 * bytes (never the name or the browser's word), the size and pixel count are capped before
 * anything is decoded, SVG is refused (it can carry scripts), and every file is re-encoded, so
 * EXIF and other metadata (a phone photo's GPS position) never reach the shop's storage.
 */
export async function prepareUpload(bytes: Uint8Array): Promise<PreparedImage> {
  if (bytes.byteLength > UPLOAD_LIMITS.bytes) throw new ImageTooLarge(TOO_LARGE_MESSAGE);
  if (looksLikeSvg(bytes))
    throw new ImageRefused("SVG images are not accepted (they can contain scripts). Upload a PNG, JPEG, GIF or WebP.");
  const info = imageInfo(bytes);
  if (!info)
    throw new ImageRefused("This file is not a PNG, JPEG, GIF or WebP image (checked from its content, not its name).");
  return rasterImage(bytes, info);
}

/** The seed's pictures: trusted SVG is stored as it is, anything else goes through the upload pipeline. */
export async function prepareSeedImage(bytes: Uint8Array, svgSize: { width: number; height: number }) {
  if (looksLikeSvg(bytes)) {
    const file: PreparedFile = { width: svgSize.width, format: "original", bytes, contentType: "image/svg+xml" };
    return { extension: "svg", ...svgSize, widths: [], files: [file] } satisfies PreparedImage;
  }
  return prepareUpload(bytes);
}

async function rasterImage(bytes: Uint8Array, info: ImageInfo): Promise<PreparedImage> {
  if (info.width * info.height > UPLOAD_LIMITS.pixels) {
    const megapixels = ((info.width * info.height) / 1_000_000).toFixed(0);
    throw new ImageRefused(
      `The image is ${info.width} × ${info.height} pixels (${megapixels} megapixels); images may have at most 40 megapixels.`,
    );
  }
  const multiFrame = info.type === "gif" || info.type === "webp";
  const open = (animated: boolean) =>
    sharp(bytes, { limitInputPixels: UPLOAD_LIMITS.pixels, animated, failOn: "error" });
  const meta = await open(false)
    .metadata()
    .catch(() => null);
  if (!meta?.width || !meta.height)
    throw new ImageRefused("The image could not be read: the file is damaged or incomplete.");
  const animated = multiFrame && (meta.pages ?? 1) > 1;
  // EXIF orientation is applied to the pixels before the metadata goes, so nothing turns sideways.
  const turned = !animated && (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  const pipeline = (size: number, format: ImageInfo["type"]) => {
    const base = animated ? open(true) : open(false).rotate();
    return encoders[format](size < width ? base.resize({ width: size }) : base).toBuffer();
  };
  const widths = widthsFor(width);
  const jobs = widths.flatMap((size) => [
    { width: size, format: "original" as const, type: info.type },
    ...(info.type === "webp" ? [] : [{ width: size, format: "webp" as const, type: "webp" as const }]),
  ]);
  try {
    const files = await Promise.all(
      jobs.map(async (job) => ({
        width: job.width,
        format: job.format,
        bytes: new Uint8Array(await pipeline(job.width, job.type)),
        contentType: `image/${job.type}`,
      })),
    );
    return { extension: info.type === "jpeg" ? "jpg" : info.type, width, height, widths, files };
  } catch {
    throw new ImageRefused("The image could not be read: the file is damaged or incomplete.");
  }
}

/** Writes every file of a prepared image under `stem` ("products/42/ab12"); returns the row's fields. */
export async function storeImage(storage: MediaStorage, stem: string, image: PreparedImage) {
  const path = `${stem}.${image.extension}`;
  await Promise.all(
    image.files.map((file) =>
      storage.put(widthKey({ path, width: image.width }, file.width, file.format), file.bytes, file.contentType),
    ),
  );
  return { path, width: image.width, height: image.height, widths: image.widths };
}
