import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { localDiskStorage, s3Storage } from "@shop/media";
import { startTestS3, testPhoto, type TestS3 } from "@shop/media/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../src/client.ts";
import { findRepoRoot } from "../src/paths.ts";
import { seed } from "../src/seed/index.ts";
import { createTestDatabase, testDatabaseKind } from "../src/testing/index.ts";

const root = findRepoRoot();

/** Runs an npm script's command as an operator would, with only the given environment. */
function command(script: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(join(root, "node_modules", ".bin", "tsx"), [join(root, "packages/db/scripts", script)], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("media commands: backfill widths, move local images to a bucket", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "shop-media-commands-"));
  const local = localDiskStorage(join(dataDir, "media"));
  let env: Record<string, string>;
  let db: Database;
  let s3: TestS3;
  let legacy: { id: number; path: string };

  // The embedded database is one process's: the commands open it while the test has it closed.
  const open = async () =>
    env.DATABASE_URL ? db : createDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
  const done = async (handle: Database) => (handle === db ? undefined : handle.close());

  beforeAll(async () => {
    s3 = await startTestS3();
    const database = await createTestDatabase({ dataDir: join(dataDir, "pglite") });
    db = database;
    env =
      testDatabaseKind() === "postgres"
        ? { DATA_DIR: dataDir, DATABASE_URL: database.url ?? "" }
        : { DATA_DIR: dataDir };
    await seed(db, { products: 6, orders: 0, customers: 2, media: local });
    // An upload from before responsive images: the original as sent (EXIF and all), no widths.
    const product = await db.prisma.product.findFirstOrThrow({ select: { id: true } });
    legacy = { id: 0, path: `products/${product.id}/0123456789abcdef01234567.jpg` };
    await local.put(legacy.path, await testPhoto(1300, 975, "jpeg", { exif: true }), "image/jpeg");
    legacy.id = (
      await db.prisma.productImage.create({
        data: { productId: product.id, path: legacy.path, width: 1300, height: 975, position: 9 },
      })
    ).id;
    if (!env.DATABASE_URL) await db.close();
  });
  afterAll(async () => {
    await s3.stop();
    if (env.DATABASE_URL) await db.close();
  });

  it("npm run media:backfill makes every width of old uploads, strips their EXIF, and leaves SVGs alone", async () => {
    const run = await command("media-backfill.ts", env);
    expect(run.output).toContain("1 images now have every width.");
    expect(run.code).toBe(0);
    const handle = await open();
    try {
      const row = await handle.prisma.productImage.findUniqueOrThrow({ where: { id: legacy.id } });
      expect(row).toMatchObject({ path: legacy.path, width: 1300, height: 975, widths: [320, 640, 1024, 1300] });
      const svgs = await handle.prisma.productImage.findMany({ where: { path: { endsWith: ".svg" } } });
      expect(svgs.length).toBeGreaterThan(0);
      expect(svgs.every((image) => image.widths.length === 0)).toBe(true);
    } finally {
      await done(handle);
    }
    const stem = legacy.path.replace(/\.jpg$/, "");
    for (const key of [legacy.path, `${legacy.path}.webp`, `${stem}.w320.jpg`, `${stem}.w1024.webp`]) {
      const object = await local.get(key);
      if (!object) throw new Error(`${key} is missing`);
      expect((await sharp(await buffer(object.body)).metadata()).exif).toBeUndefined();
    }
    expect((await command("media-backfill.ts", env)).output).toContain("0 images now have every width.");
  });

  it("npm run media:to-bucket copies the media directory into the bucket, checks it, and copies only what is new", async () => {
    const bucketEnv = { ...env, ...s3.env, MEDIA_STORAGE: "local" };
    const first = await command("media-to-bucket.ts", bucketEnv);
    expect(first.output).toMatch(/(\d+) files copied, 0 already there\./);
    expect(first.output).toContain("Every image the database refers to is in the bucket");
    expect(first.code).toBe(0);
    const bucket = s3Storage(s3.settings);
    const localKeys: string[] = [];
    for await (const object of local.list()) localKeys.push(object.key);
    const bucketKeys: string[] = [];
    for await (const object of bucket.list()) bucketKeys.push(object.key);
    expect(bucketKeys.sort()).toEqual(localKeys.sort());
    const webp = await bucket.get(`${legacy.path}.webp`);
    expect(webp?.size).toBeGreaterThan(0);
    const again = await command("media-to-bucket.ts", bucketEnv);
    expect(again.output).toContain(`0 files copied, ${localKeys.length} already there.`);
    // A file the database needs that never reached the bucket is reported, and the command fails.
    await bucket.delete([legacy.path]);
    await local.delete([legacy.path]);
    const broken = await command("media-to-bucket.ts", bucketEnv);
    expect(broken.output).toContain(`1 files the database refers to are not in the bucket, e.g. ${legacy.path}`);
    expect(broken.code).toBe(1);
  });
});
