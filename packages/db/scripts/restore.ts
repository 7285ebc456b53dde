// npm run db:restore -- <file>: restores a backup into the configured database, which must be
// empty (a new PostgreSQL database in DATABASE_URL, or a new DATA_DIR for the embedded one),
// and its images into the configured, empty, media storage. See docs/operations.md, "Backups".
import { join, resolve } from "node:path";
import { mediaStorageFrom, parseMediaEnv } from "@shop/media";
import { restoreShop } from "../src/backup/index.ts";
import { databaseConfigFrom } from "../src/client.ts";
import { parseDatabaseEnv } from "../src/env.ts";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:restore -- <backup file>");
  process.exit(1);
}
const env = parseDatabaseEnv();
const config = databaseConfigFrom({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
const media = mediaStorageFrom(parseMediaEnv(process.env), join(env.DATA_DIR, "media"));
try {
  const report = await restoreShop({ database: config, media, file: resolve(file), toolEnv: process.env });
  const what = config.kind === "postgres" ? "PostgreSQL" : `the embedded database in ${env.DATA_DIR}`;
  console.log(`Restored ${file} into ${what}; ${report.restoredFiles} image files written to ${media.location}`);
  if (!report.manifest) console.warn("This backup predates images in backups: copy the media directory back by hand.");
  if (report.missing.length > 0) {
    console.error(
      `${report.missing.length} image files the database needs are not in ${media.location}, e.g. ${report.missing.slice(0, 3).join(", ")}. Restore them (bucket versions or replica) before opening the shop.`,
    );
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
