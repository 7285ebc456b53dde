// npm run db:backup [-- <file>]: backs up the shop (DATABASE_URL, or the embedded database in
// DATA_DIR, plus its images) to <file>, by default backups/shop-<time>.tar. See
// docs/operations.md, "Backups".
import { join, resolve } from "node:path";
import { mediaStorageFrom, parseMediaEnv } from "@shop/media";
import { backupShop } from "../src/backup/index.ts";
import { databaseConfigFrom } from "../src/client.ts";
import { parseDatabaseEnv } from "../src/env.ts";
import { findRepoRoot } from "../src/paths.ts";

const env = parseDatabaseEnv();
const config = databaseConfigFrom({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
const media = mediaStorageFrom(parseMediaEnv(process.env), join(env.DATA_DIR, "media"));
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const file = resolve(process.argv[2] ?? `${findRepoRoot()}/backups/shop-${stamp}.tar`);
try {
  const manifest = await backupShop({ database: config, media, file, toolEnv: process.env });
  const what = config.kind === "postgres" ? "PostgreSQL" : `the embedded database in ${env.DATA_DIR}`;
  const images = manifest.media.included
    ? `${manifest.media.keys.length} image files from ${media.location}`
    : `the list of ${manifest.media.keys.length} image files expected in ${media.location} (back the bucket up with versioning or replication)`;
  console.log(`Backed up ${what} and ${images} to ${file}`);
  if (manifest.media.missing.length > 0) {
    console.warn(
      `Warning: ${manifest.media.missing.length} image files the database refers to were already missing, e.g. ${manifest.media.missing.slice(0, 3).join(", ")}`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
