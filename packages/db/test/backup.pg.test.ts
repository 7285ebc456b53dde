import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase, restoreDatabase } from "../src/backup/index.ts";
import { createDatabase } from "../src/client.ts";
import { migrate } from "../src/migrate/index.ts";
import { prismaPaths } from "../src/paths.ts";
import { seed } from "../src/seed/index.ts";
import { databaseUrl, withAdmin } from "../src/testing/global-setup.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";
import { orderSnapshot } from "./backup-fixture.ts";

describe("backup and restore of PostgreSQL (pg_dump / pg_restore)", () => {
  const work = mkdtempSync(join(tmpdir(), "shop-backup-pg-"));
  const target = inject("testDatabase");
  const restoredName = `shop_test_restore_${process.pid}`;
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seed(db, { products: 12, orders: 40, customers: 8, mediaDir: join(work, "media") });
  });
  afterAll(async () => {
    await db.close();
    if (target.kind === "postgres")
      await withAdmin(target.adminUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`),
      );
  });

  it("restores a dump into a new database with the same orders", async () => {
    if (target.kind !== "postgres" || !db.url) throw new Error("this file runs on PostgreSQL only");
    const before = await orderSnapshot(db);
    expect(before.length).toBe(40);
    const file = join(work, "shop.dump");
    await backupDatabase({ kind: "postgres", url: db.url }, file);

    await withAdmin(target.adminUrl, (admin) => admin.query(`CREATE DATABASE "${restoredName}"`));
    const url = databaseUrl(target.adminUrl, restoredName);
    await restoreDatabase({ kind: "postgres", url }, file);
    const restored = await createDatabase({ kind: "postgres", url, poolSize: 2 });
    try {
      expect(await orderSnapshot(restored)).toEqual(before);
      expect((await migrate(restored.sql, prismaPaths().migrations)).applied).toEqual([]);
      // The restored database takes writes (its triggers and constraints came back with it).
      const setting = await restored.prisma.setting.create({
        data: { key: "restored", value: true },
        select: { key: true },
      });
      expect(setting.key).toBe("restored");
    } finally {
      await restored.close();
    }
    await expect(restoreDatabase({ kind: "postgres", url }, file)).rejects.toThrow(/not empty/);
  });
});
