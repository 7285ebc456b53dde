import type { Readable } from "node:stream";

/** An object read back from storage: a stream (never the whole file in memory) and its size. */
export type StoredObject = { body: Readable; size: number; lastModified: Date | null };

/**
 * Where product images live: a directory on local disk (the default) or an S3-compatible bucket.
 * Keys are relative paths made by the server, such as "products/42/3f2a….png". Every call on a
 * remote store is bounded by a timeout; deleting a key that does not exist is not an error, so
 * deletions can be retried.
 */
export type MediaStorage = {
  readonly kind: "local" | "s3";
  /** For logs and backup manifests: the directory, or `s3://bucket` and its endpoint. */
  readonly location: string;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Null when there is no such object. */
  get(key: string): Promise<StoredObject | null>;
  delete(keys: readonly string[]): Promise<void>;
  /** Every stored key under `prefix`, with its size in bytes. */
  list(prefix?: string): AsyncIterable<{ key: string; size: number }>;
};

/** Keys are made by the server; anything else (`..`, absolute paths, odd characters) is refused. */
export const MEDIA_KEY = /^[a-z0-9][a-z0-9/_.-]*$/i;
export const isMediaKey = (key: string) => MEDIA_KEY.test(key) && !key.includes("..") && !key.includes("//");

const TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
};

/** The content type a stored key is served with, from its extension; null for anything else. */
export function contentTypeOf(key: string): string | null {
  return TYPES[key.slice(key.lastIndexOf(".") + 1).toLowerCase()] ?? null;
}
