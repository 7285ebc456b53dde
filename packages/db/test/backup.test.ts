import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { localDiskStorage, s3Storage } from "@shop/media";
import { startTestS3 } from "@shop/media/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, backupShop, restoreShop } from "../src/backup/index.ts";
import { createDatabase } from "../src/client.ts";
import { copyMedia } from "../src/media/copy.ts";
import { migrate } from "../src/migrate/index.ts";
import { prismaPaths } from "../src/paths.ts";
import { seed } from "../src/seed/index.ts";
import { orderSnapshot } from "./backup-fixture.ts";

describe("backup and restore of the embedded database with its images", () => {
  const work = mkdtempSync(join(tmpdir(), "shop-backup-"));
  // The layout of a DATA_DIR: the database in pglite/, the images in media/.
  const live = { database: { kind: "pglite" as const, dataDir: join(work, "live", "pglite") } };
  const liveMedia = localDiskStorage(join(work, "live", "media"));
  let before: Awaited<ReturnType<typeof orderSnapshot>>;

  beforeAll(async () => {
    const db = await createDatabase(live.database);
    try {
      await migrate(db.sql, prismaPaths().migrations);
      await seed(db, { products: 12, orders: 40, customers: 8, media: liveMedia });
      before = await orderSnapshot(db);
    } finally {
      await db.close();
    }
  });

  it("restores one archive into a new data directory: the same orders and every image", async () => {
    const file = join(work, "backups", "shop.tar");
    const manifest = await backupShop({ database: live.database, media: liveMedia, file });
    expect(readdirSync(join(work, "backups"))).toEqual(["shop.tar"]);
    expect(manifest.media).toMatchObject({ storage: "local", included: true, missing: [] });
    expect(manifest.media.keys.length).toBeGreaterThanOrEqual(12);

    const target = { kind: "pglite" as const, dataDir: join(work, "restored", "pglite") };
    const targetMedia = localDiskStorage(join(work, "restored", "media"));
    const report = await restoreShop({ database: target, media: targetMedia, file });
    expect(report.missing).toEqual([]);
    expect(report.restoredFiles).toBe(readdirSync(join(work, "live", "media", "products")).length);
    for (const key of manifest.media.keys) expect(existsSync(join(work, "restored", "media", key))).toBe(true);
    const restored = await createDatabase(target);
    try {
      expect(before.length).toBe(40);
      expect(await orderSnapshot(restored)).toEqual(before);
      // The restored database is a working one: migrations are recorded and writes succeed.
      expect((await migrate(restored.sql, prismaPaths().migrations)).applied).toEqual([]);
      await restored.prisma.setting.create({ data: { key: "restored", value: true } });
    } finally {
      await restored.close();
    }
    await expect(restoreShop({ database: target, media: targetMedia, file })).rejects.toThrow(/not empty/);
  });

  it("still restores a database-only dump made before backups held images", async () => {
    const file = join(work, "backups", "old.tar.gz");
    await backupDatabase(live.database, file);
    const target = { kind: "pglite" as const, dataDir: join(work, "old", "pglite") };
    const report = await restoreShop({ database: target, media: localDiskStorage(join(work, "old", "media")), file });
    expect(report).toEqual({ manifest: null, restoredFiles: 0, missing: [] });
    const restored = await createDatabase(target);
    try {
      expect(await orderSnapshot(restored)).toEqual(before);
    } finally {
      await restored.close();
    }
  });

  it("with images in a bucket, records the bucket and the keys, and a restore names the ones missing", async () => {
    const s3 = await startTestS3();
    try {
      const bucket = s3Storage(s3.settings);
      await copyMedia(liveMedia, bucket);
      const file = join(work, "backups", "bucket.tar");
      const manifest = await backupShop({ database: live.database, media: bucket, file });
      expect(manifest.media).toMatchObject({ storage: "s3", included: false, missing: [] });
      expect(manifest.media.location).toBe(`s3://${s3.bucket} at ${s3.endpoint}`);
      expect(manifest.media.keys.length).toBeGreaterThanOrEqual(12);

      // The bucket lost an object since (no versioning): the restore says which.
      const lost = manifest.media.keys[0] ?? "";
      await bucket.delete([lost]);
      const report = await restoreShop({
        database: { kind: "pglite", dataDir: join(work, "from-bucket", "pglite") },
        media: bucket,
        file,
      });
      expect(report.restoredFiles).toBe(0);
      expect(report.missing).toEqual([lost]);
    } finally {
      await s3.stop();
    }
  });
});
