import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { createDatabase, type Database } from "../client.ts";
import { databaseUrl, withAdmin } from "./global-setup.ts";

export type TestDatabaseTarget =
  { kind: "pglite"; templatePath: string } | { kind: "postgres"; adminUrl: string; template: string };

export type TestDatabase = Database & { url?: string };

/**
 * A fresh, migrated database for one test file: a copy of the run's template. `dataDir` keeps
 * an embedded copy on disk (for a test that closes it and lets a command or a server open it).
 */
export async function createTestDatabase(options: { poolSize?: number; dataDir?: string } = {}): Promise<TestDatabase> {
  const target = inject("testDatabase");
  if (target.kind === "pglite") {
    const dump = new Blob([await readFile(target.templatePath)]);
    return createDatabase({ kind: "pglite", loadDataDir: dump, dataDir: options.dataDir });
  }
  const name = `shop_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin(target.adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${target.template}"`));
  const url = databaseUrl(target.adminUrl, name);
  const db = await createDatabase({ kind: "postgres", url, poolSize: options.poolSize ?? 10 });
  return {
    ...db,
    url,
    async close() {
      await db.close();
      await withAdmin(target.adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

export function testDatabaseKind(): TestDatabaseTarget["kind"] {
  return inject("testDatabase").kind;
}

/** An empty PostgreSQL database (no tables), e.g. to restore a backup into; dropped by `drop`. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const target = inject("testDatabase");
  if (target.kind !== "postgres") throw new Error("only on PostgreSQL");
  const name = `shop_test_empty_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin(target.adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  return {
    url: databaseUrl(target.adminUrl, name),
    async drop() {
      await withAdmin(target.adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
