// npm run media:to-bucket: copies the local media directory ($DATA_DIR/media) into the bucket
// named by the S3_* variables, then checks that every image the database refers to is there.
// Safe to run again (it copies only what is missing). See docs/operations.md, "Moving images to
// a bucket".
import { join } from "node:path";
import { localDiskStorage, parseMediaEnv, s3Storage } from "@shop/media";
import { databaseConfigFrom } from "../src/client.ts";
import { parseDatabaseEnv } from "../src/env.ts";
import { copyMedia, missingMedia } from "../src/media/copy.ts";

const env = parseDatabaseEnv();
const { s3 } = parseMediaEnv(process.env);
if (!s3) {
  console.error("Set S3_BUCKET (and S3_ENDPOINT, S3_REGION, credentials) to the bucket to copy the images into.");
  process.exit(1);
}
const local = localDiskStorage(join(env.DATA_DIR, "media"));
const bucket = s3Storage(s3);
try {
  console.log(`Copying ${local.location} to ${bucket.location}…`);
  const { copied, skipped } = await copyMedia(local, bucket, console.log);
  console.log(`${copied} files copied, ${skipped} already there.`);
  const missing = await missingMedia(
    databaseConfigFrom({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }),
    bucket,
  );
  if (missing.length > 0) {
    console.error(
      `${missing.length} files the database refers to are not in the bucket, e.g. ${missing.slice(0, 3).join(", ")}`,
    );
    process.exitCode = 1;
  } else {
    console.log("Every image the database refers to is in the bucket: set MEDIA_STORAGE=s3 on every instance.");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
