import { z } from "zod";
import { localDiskStorage } from "./local.ts";
import { s3Storage, type S3Settings } from "./s3.ts";
import type { MediaStorage } from "./storage.ts";

const optional = z
  .string()
  .optional()
  .or(z.literal("").transform(() => undefined));

// Where images are stored, shared by the server and the media and backup commands.
const MediaEnvSchema = z.object({
  MEDIA_STORAGE: z.enum(["local", "s3"]).default("local"),
  S3_BUCKET: optional,
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ENDPOINT: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false", "1", "0", ""])
    .transform((value) => value === "true" || value === "1")
    .default(false),
  S3_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

export type MediaEnv = {
  storage: "local" | "s3";
  /** The bucket's settings whenever S3_BUCKET is set (even with local storage: `media:to-bucket` needs them). */
  s3: S3Settings | null;
};

/** Parsed once at start-up; a missing or bad value stops the process with its name. */
export function parseMediaEnv(source: NodeJS.ProcessEnv): MediaEnv {
  const result = MediaEnvSchema.safeParse(source);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  const env = result.data;
  if (env?.MEDIA_STORAGE === "s3" && !env.S3_BUCKET) problems.push("S3_BUCKET: required with MEDIA_STORAGE=s3");
  if (env && Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY))
    problems.push("S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither");
  if (!env || problems.length > 0)
    throw new Error(`Invalid environment:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
  return {
    storage: env.MEDIA_STORAGE,
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          credentials:
            env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
              : undefined,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
          timeoutMs: env.S3_TIMEOUT_MS,
        }
      : null,
  };
}

/** The configured store: the bucket with MEDIA_STORAGE=s3, else the local media directory. */
export function mediaStorageFrom(env: MediaEnv, mediaDir: string): MediaStorage {
  return env.storage === "s3" && env.s3 ? s3Storage(env.s3) : localDiskStorage(mediaDir);
}
