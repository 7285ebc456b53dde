import { Readable } from "node:stream";
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { isMediaKey, type MediaStorage } from "./storage.ts";

export type S3Settings = {
  bucket: string;
  region: string;
  /** Unset: AWS S3 itself. Set for R2, MinIO, Ceph or any S3-compatible service. */
  endpoint?: string;
  /** Unset: the SDK's default chain (environment, instance role…). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO and most self-hosted stores). */
  forcePathStyle: boolean;
  /** The longest any one call may take, retries included. */
  timeoutMs: number;
};

// Keys are never reused (a replaced image gets a new name), so caches may keep an object a day;
// a deleted image stops being served by a CDN within that day.
const CACHE_CONTROL = "public, max-age=86400";

/**
 * Images in an S3-compatible bucket, through the official AWS SDK. Every wait is bounded: the
 * connection (3 s), each request (`timeoutMs`, also as the socket idle timeout while a body
 * streams) and each call with its retries (an abort signal after `timeoutMs`).
 */
export function s3Storage(settings: S3Settings): MediaStorage & { client: S3Client } {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    maxAttempts: 3,
    // Checksums only where S3 requires them: several S3-compatible stores reject the newer
    // default (flexible checksums on every upload).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: new NodeHttpHandler({
      connectionTimeout: Math.min(3_000, settings.timeoutMs),
      requestTimeout: settings.timeoutMs,
      throwOnRequestTimeout: true,
      socketTimeout: settings.timeoutMs,
    }),
  });
  const Bucket = settings.bucket;
  // The deadline covers the call up to its answer; a body then streams under the socket timeout.
  const bounded = async <T>(call: (abortSignal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error(`object storage did not answer within ${settings.timeoutMs} ms`)),
      settings.timeoutMs,
    );
    try {
      return await call(controller.signal);
    } finally {
      clearTimeout(timer);
    }
  };
  const checked = (key: string) => {
    if (!isMediaKey(key)) throw new Error(`Bad media key: ${key}`);
    return key;
  };
  return {
    kind: "s3",
    location: `s3://${Bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ` in ${settings.region}`}`,
    client,
    async put(key, bytes, contentType) {
      const command = new PutObjectCommand({
        Bucket,
        Key: checked(key),
        Body: bytes,
        ContentType: contentType,
        ContentLength: bytes.byteLength,
        CacheControl: CACHE_CONTROL,
      });
      await bounded((abortSignal) => client.send(command, { abortSignal }));
    },
    async get(key) {
      if (!isMediaKey(key)) return null;
      try {
        const found = await bounded((abortSignal) =>
          client.send(new GetObjectCommand({ Bucket, Key: key }), { abortSignal }),
        );
        if (!(found.Body instanceof Readable)) throw new Error("object storage answered without a body stream");
        return { body: found.Body, size: found.ContentLength ?? 0, lastModified: found.LastModified ?? null };
      } catch (error) {
        if (
          error instanceof NoSuchKey ||
          (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
        )
          return null;
        throw error;
      }
    },
    async delete(keys) {
      // DeleteObjects takes up to 1,000 keys; missing keys count as deleted.
      for (let start = 0; start < keys.length; start += 1_000) {
        const Objects = keys.slice(start, start + 1_000).map((key) => ({ Key: checked(key) }));
        const result = await bounded((abortSignal) =>
          client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }), { abortSignal }),
        );
        const failed = result.Errors ?? [];
        if (failed.length > 0)
          throw new Error(`object storage kept ${failed.length} objects: ${failed[0]?.Key} (${failed[0]?.Code})`);
      }
    },
    async *list(prefix = "") {
      let ContinuationToken: string | undefined;
      do {
        const page = await bounded((abortSignal) =>
          client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }), { abortSignal }),
        );
        for (const object of page.Contents ?? []) {
          if (object.Key) yield { key: object.Key, size: object.Size ?? 0 };
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}
