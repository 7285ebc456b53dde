// npm run media:backfill: makes the responsive widths (and strips the metadata) of images
// uploaded before the shop made them. Resumable; see docs/operations.md, "Media storage".
import { join } from "node:path";
import { mediaStorageFrom, parseMediaEnv } from "@shop/media";
import { createDatabase, databaseConfigFrom } from "../src/client.ts";
import { parseDatabaseEnv } from "../src/env.ts";
import { backfillImages } from "../src/media/backfill.ts";

const env = parseDatabaseEnv();
const media = mediaStorageFrom(parseMediaEnv(process.env), join(env.DATA_DIR, "media"));
const db = await createDatabase(databaseConfigFrom({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }));
try {
  console.log(`Making responsive widths of stored images in ${media.location}…`);
  const result = await backfillImages(db.sql, media, console.log);
  console.log(`${result.done} images now have every width.`);
  for (const image of result.skipped) console.warn(`Skipped image ${image.id} (${image.path}): ${image.reason}`);
  if (result.skipped.length > 0) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
