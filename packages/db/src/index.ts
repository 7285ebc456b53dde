export * from "./generated/prisma/client.ts";
export {
  createDatabase,
  databaseConfigFrom,
  readRunnerOf,
  sqlRunnerOf,
  type Database,
  type DatabaseConfig,
} from "./client.ts";
export { qb, type DB } from "./kysely.ts";
export { parseDatabaseEnv, type DatabaseEnv } from "./env.ts";
export { migrate, MigrationError, type MigrateResult } from "./migrate/index.ts";
export { findRepoRoot, prismaPaths } from "./paths.ts";
export type { SqlRunner } from "./sql.ts";
export { isDatabaseUnavailable } from "./unavailable.ts";
