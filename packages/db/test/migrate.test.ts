import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, MigrationError } from "../src/migrate/index.ts";
import { checksum, readMigrations } from "../src/migrate/migrations.ts";
import { prismaPaths } from "../src/paths.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

const realDir = prismaPaths().migrations;
const [first] = readMigrations(realDir);

function copyWith(extra: Record<string, string>, edit?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "shop-migrations-"));
  cpSync(realDir, dir, { recursive: true });
  for (const [name, script] of Object.entries(extra)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "migration.sql"), script);
  }
  edit?.(dir);
  return dir;
}

type Row = { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number };

describe("npm run db:migrate", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const recorded = () =>
    db.sql.query<Row>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at`,
    );

  it("is a no-op when the database is up to date", async () => {
    const result = await migrate(db.sql, realDir);
    expect(result.applied).toEqual([]);
    expect(result.upToDate).toContain(first?.name);
  });

  it("applies a new migration in a transaction and records it the way Prisma does", async () => {
    const script = `CREATE TABLE "MigrationProbe" ("id" INTEGER PRIMARY KEY);\n`;
    const dir = copyWith({ "29990101000000_probe": script });
    expect((await migrate(db.sql, dir)).applied).toEqual(["29990101000000_probe"]);
    const row = (await recorded()).find((r) => r.migration_name === "29990101000000_probe");
    expect(row).toMatchObject({ checksum: checksum(script), applied_steps_count: 1 });
    expect(row?.finished_at).toBeInstanceOf(Date);
    expect((await migrate(db.sql, dir)).applied).toEqual([]);
  });

  it("refuses to run when an applied migration's file was changed, naming it", async () => {
    const dir = copyWith({}, (copy) => {
      const file = join(copy, first?.name ?? "", "migration.sql");
      writeFileSync(file, `${readFileSync(file, "utf8")}\n-- edited\n`);
    });
    await expect(migrate(db.sql, dir)).rejects.toThrow(new RegExp(`${first?.name}.*changed`));
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    const dir = copyWith({ "29990201000000_broken": `CREATE TABLE "HalfDone" ("id" INTEGER);\nSELECT 1 / 0;\n` });
    const error = await migrate(db.sql, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(String(error)).toContain("29990201000000_broken");
    const tables = await db.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'HalfDone'`);
    expect(tables).toHaveLength(0);
    expect((await recorded()).map((r) => r.migration_name)).not.toContain("29990201000000_broken");
  });

  it("migrates an empty database once even when two instances start together", async () => {
    await db.sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    const [a, b] = await Promise.all([migrate(db.sql, realDir), migrate(db.sql, realDir)]);
    expect([...a.applied, ...b.applied]).toEqual(readMigrations(realDir).map((m) => m.name));
    expect(await recorded()).toHaveLength(readMigrations(realDir).length);
  });
});
