import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "../src/backup/index.ts";
import { createDatabase } from "../src/client.ts";
import { migrate } from "../src/migrate/index.ts";
import { prismaPaths } from "../src/paths.ts";
import { seed } from "../src/seed/index.ts";
import { orderSnapshot } from "./backup-fixture.ts";

describe("backup and restore of the embedded database", () => {
  const work = mkdtempSync(join(tmpdir(), "shop-backup-"));
  const source = { kind: "pglite" as const, dataDir: join(work, "live") };
  let before: Awaited<ReturnType<typeof orderSnapshot>>;

  beforeAll(async () => {
    const db = await createDatabase(source);
    try {
      await migrate(db.sql, prismaPaths().migrations);
      await seed(db, { products: 12, orders: 40, customers: 8, mediaDir: join(work, "media") });
      before = await orderSnapshot(db);
    } finally {
      await db.close();
    }
  });

  it("restores a data-directory dump into a new data directory with the same orders", async () => {
    const file = join(work, "backups", "shop.tar.gz");
    await backupDatabase(source, file);
    expect(readdirSync(join(work, "backups"))).toEqual(["shop.tar.gz"]);

    const target = { kind: "pglite" as const, dataDir: join(work, "restored") };
    await restoreDatabase(target, file);
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
    await expect(restoreDatabase(target, file)).rejects.toThrow(/not empty/);
  });
});
