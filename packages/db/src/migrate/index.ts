import type { SqlRunner } from "../sql.ts";
import { applyMigrations, type MigrateResult } from "./runner.ts";

// The advisory lock key Prisma Migrate takes, so our runner and `prisma migrate deploy`
// never run at the same time either.
const MIGRATION_LOCK_KEY = 72707369;

/** Migrates the database; safe to call from several instances starting at once. */
export function migrate(sql: SqlRunner, migrationsDir: string): Promise<MigrateResult> {
  return sql.withConnection(async (conn) => {
    await conn.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      return await applyMigrations(conn, migrationsDir);
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  });
}

export { MigrationError } from "./runner.ts";
export type { MigrateResult } from "./runner.ts";
