import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import type { S3Settings } from "./s3.ts";

// s3rver ships no types: this is the part of it the tests use.
type S3rverOptions = {
  port: number;
  address: string;
  directory: string;
  silent: boolean;
  configureBuckets: Array<{ name: string }>;
};
type S3rverServer = { run(): Promise<{ port: number }>; close(): Promise<void> };
const S3rver: new (options: S3rverOptions) => S3rverServer = createRequire(import.meta.url)("s3rver");

export type TestS3 = {
  endpoint: string;
  bucket: string;
  settings: S3Settings;
  /** The variables that point the shop at this bucket. */
  env: Record<string, string>;
  stop(): Promise<void>;
};

/**
 * A local S3-compatible server (s3rver: the S3 REST API over a scratch directory) with one empty
 * bucket, for tests; nothing leaves this machine. Its objects are publicly readable at
 * `<endpoint>/<bucket>/<key>`, like a bucket with a public-read policy.
 */
export async function startTestS3(bucket = "shop-media"): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), "shop-s3-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  return {
    endpoint,
    bucket,
    settings: { bucket, region: "us-east-1", endpoint, credentials, forcePathStyle: true, timeoutMs: 5_000 },
    env: {
      MEDIA_STORAGE: "s3",
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
      S3_TIMEOUT_MS: "5000",
    },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * A photo-like test picture (a gradient with noise, which compresses like a photograph) in the
 * given format. `exif` adds what a phone would write: the camera owner and a GPS position.
 */
export async function testPhoto(
  width: number,
  height: number,
  format: "jpeg" | "png" | "webp" | "gif",
  options: { exif?: boolean; orientation?: number } = {},
): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const offset = (y * width + x) * 3;
      pixels[offset] = Math.floor((x * 255) / width) ^ (seed % 24);
      pixels[offset + 1] = Math.floor((y * 255) / height) ^ (seed % 16);
      pixels[offset + 2] = 128 + (seed % 32);
    }
  }
  let image = sharp(pixels, { raw: { width, height, channels: 3 } });
  if (options.exif) {
    image = image.withExif({
      IFD0: { Artist: "Jane Staffer" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
    });
  }
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toFormat(format).toBuffer();
}
