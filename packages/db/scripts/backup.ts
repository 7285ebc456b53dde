// npm run db:backup [-- <file>]: backs up the configured database (DATABASE_URL, or the
// embedded one in DATA_DIR) to <file>, by default backups/shop-<time>.<dump|tar.gz>.
import { resolve } from "node:path";
import { backupDatabase } from "../src/backup/index.ts";
import { databaseConfigFrom } from "../src/client.ts";
import { parseDatabaseEnv } from "../src/env.ts";
import { findRepoRoot } from "../src/paths.ts";

const env = parseDatabaseEnv();
const config = databaseConfigFrom({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const file = resolve(
  process.argv[2] ?? `${findRepoRoot()}/backups/shop-${stamp}.${config.kind === "postgres" ? "dump" : "tar.gz"}`,
);
try {
  await backupDatabase(config, file, process.env);
  console.log(
    `Backed up ${config.kind === "postgres" ? "PostgreSQL" : `the embedded database in ${env.DATA_DIR}`} to ${file}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
