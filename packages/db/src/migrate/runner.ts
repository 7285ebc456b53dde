import { randomUUID } from "node:crypto";
import type { SqlRunner } from "../sql.ts";
import { matchesChecksum, readMigrations, type MigrationFile } from "./migrations.ts";

// Prisma's own table, so `prisma migrate deploy` on a machine with the native engine agrees with us.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
};

export class MigrationError extends Error {
  override name = "MigrationError";
}

export type MigrateResult = { applied: string[]; upToDate: string[] };

/**
 * Applies pending migrations in order, each in its own transaction with its record in
 * `_prisma_migrations`. Refuses to run when an applied migration's file changed or a previous
 * attempt failed, naming the migration. Callers serialise concurrent runs (see `migrate`).
 */
export async function applyMigrations(sql: SqlRunner, migrationsDir: string): Promise<MigrateResult> {
  const files = readMigrations(migrationsDir);
  await sql.exec(CREATE_MIGRATIONS_TABLE);
  const rows = await sql.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((row) => [row.migration_name, row]));
  checkHistory(files, applied);

  const pending = files.filter((file) => !applied.has(file.name));
  for (const file of pending) await applyOne(sql, file);
  return {
    applied: pending.map((file) => file.name),
    upToDate: files.filter((file) => applied.has(file.name)).map((file) => file.name),
  };
}

function checkHistory(files: MigrationFile[], applied: Map<string, AppliedRow>) {
  for (const row of applied.values()) {
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} failed in an earlier run and is marked unfinished in _prisma_migrations. ` +
          `Fix the database by hand, then mark it rolled back (prisma migrate resolve --rolled-back ${row.migration_name}).`,
      );
    }
  }
  for (const file of files) {
    const row = applied.get(file.name);
    if (row && !matchesChecksum(file.script, row.checksum)) {
      throw new MigrationError(
        `Migration ${file.name} was changed after it was applied (checksum mismatch). ` +
          `Restore the original file and put the change in a new migration (npm run db:diff -- <name>).`,
      );
    }
  }
}

async function applyOne(sql: SqlRunner, file: MigrationFile) {
  try {
    await sql.transaction(async (tx) => {
      const id = randomUUID();
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
        [id, file.checksum, file.name],
      );
      await tx.exec(file.script);
      await tx.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
        id,
      ]);
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}
