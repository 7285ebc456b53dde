// npm run db:restore -- <file>: restores a backup into the configured database, which must be
// empty (a new PostgreSQL database in DATABASE_URL, or a new DATA_DIR for the embedded one).
import { resolve } from "node:path";
import { restoreDatabase } from "../src/backup/index.ts";
import { databaseConfigFrom } from "../src/client.ts";
import { parseDatabaseEnv } from "../src/env.ts";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:restore -- <backup file>");
  process.exit(1);
}
const env = parseDatabaseEnv();
const config = databaseConfigFrom({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  await restoreDatabase(config, resolve(file), process.env);
  console.log(
    `Restored ${file} into ${config.kind === "postgres" ? "PostgreSQL" : `the embedded database in ${env.DATA_DIR}`}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
