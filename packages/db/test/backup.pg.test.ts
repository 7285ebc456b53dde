import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { localDiskStorage } from "@shop/media";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupShop, restoreShop } from "../src/backup/index.ts";
import { createDatabase } from "../src/client.ts";
import { migrate } from "../src/migrate/index.ts";
import { prismaPaths } from "../src/paths.ts";
import { seed } from "../src/seed/index.ts";
import { databaseUrl, withAdmin } from "../src/testing/global-setup.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";
import { orderSnapshot } from "./backup-fixture.ts";

describe("backup and restore of PostgreSQL (pg_dump / pg_restore) with local images, in one archive", () => {
  const work = mkdtempSync(join(tmpdir(), "shop-backup-pg-"));
  const target = inject("testDatabase");
  const restoredName = `shop_test_restore_${process.pid}`;
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seed(db, { products: 12, orders: 40, customers: 8, media: localDiskStorage(join(work, "media")) });
  });
  afterAll(async () => {
    await db.close();
    if (target.kind === "postgres")
      await withAdmin(target.adminUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`),
      );
  });

  it("restores the archive into a new database and an empty media directory: same orders, every image", async () => {
    if (target.kind !== "postgres" || !db.url) throw new Error("this file runs on PostgreSQL only");
    const before = await orderSnapshot(db);
    expect(before.length).toBe(40);
    const file = join(work, "shop.tar");
    const manifest = await backupShop({
      database: { kind: "postgres", url: db.url },
      media: localDiskStorage(join(work, "media")),
      file,
    });
    expect(manifest).toMatchObject({ database: "postgres", media: { included: true, missing: [] } });

    await withAdmin(target.adminUrl, (admin) => admin.query(`CREATE DATABASE "${restoredName}"`));
    const url = databaseUrl(target.adminUrl, restoredName);
    const media = localDiskStorage(join(work, "restored-media"));
    const report = await restoreShop({ database: { kind: "postgres", url }, media, file });
    expect(report.missing).toEqual([]);
    for (const key of manifest.media.keys) expect(existsSync(join(work, "restored-media", key))).toBe(true);
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
    await expect(restoreShop({ database: { kind: "postgres", url }, media, file })).rejects.toThrow(/not empty/);
  });
});
