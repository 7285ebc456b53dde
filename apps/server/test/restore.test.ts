import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type Database, type DatabaseConfig } from "@shop/db";
import { backupShop, restoreShop } from "@shop/db/backup";
import { seed } from "@shop/db/seed";
import { createEmptyPostgresDatabase, createTestDatabase, factories, testDatabaseKind } from "@shop/db/testing";
import { localDiskStorage } from "@shop/media";
import { testPhoto } from "@shop/media/testing";
import { imageUploadBody } from "@shop/validators";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

const SAMPLE = 200;
const Images = z.array(z.object({ url: z.string(), srcSet: z.string().nullable(), webpSrcSet: z.string().nullable() }));
const Page = z.object({ result: z.object({ data: z.object({ json: z.object({ images: Images }) }) }) });
const urlsOf = (images: z.infer<typeof Images>) =>
  images.flatMap((image) => [
    image.url,
    ...[image.srcSet, image.webpSrcSet].flatMap((list) =>
      list ? list.split(", ").map((e) => e.split(" ")[0] ?? "") : [],
    ),
  ]);

async function startShop(db: Database, env: Record<string, string>) {
  const app = await buildApp(
    parseServerEnv({ NODE_ENV: "production", LOG_LEVEL: "silent", SERVE_APPS: "false", ...env }),
    db,
    { cache: null },
  );
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url,
    // The test's requests are all answered by then; fetch's pooled keep-alive sockets are not
    // always seen as idle, and would hold close() until keepAliveTimeout (72 s).
    close: async () => {
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
    },
  };
}

/**
 * An operator's restore: back up a shop (database and images) on one "machine", restore it into
 * an empty data directory or database on another, start the shop there and load every image of
 * 200 products, each width included.
 */
describe("a restored shop serves every image", () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it(`backs up, restores into an empty place, and the restored shop serves all images of ${SAMPLE} products`, async () => {
    const live = mkdtempSync(join(tmpdir(), "shop-live-"));
    const db = await createTestDatabase({ dataDir: join(live, "pglite") });
    const postgres = testDatabaseKind() === "postgres";
    const liveEnv = { DATA_DIR: live, ...(postgres && db.url ? { DATABASE_URL: db.url } : {}) };
    await seed(db, { products: 230, orders: 60, customers: 20, media: localDiskStorage(join(live, "media")) });
    // A few uploads through the running shop: photos with every responsive width.
    const products = await db.prisma.product.findMany({
      where: { status: "ACTIVE" },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 3,
    });
    const shop = await startShop(db, liveEnv);
    const staff = await factories(db.prisma).user({ role: "STAFF", password: "restore drill passphrase" });
    const signedIn = await fetch(`${shop.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email: staff.email, password: "restore drill passphrase" } }),
    });
    const cookie = signedIn.headers.get("set-cookie")?.split(";")[0] ?? "";
    await signedIn.arrayBuffer();
    for (const product of products) {
      const upload = await fetch(`${shop.url}/trpc/admin.products.uploadImage`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream", origin: "http://localhost:3000", cookie },
        body: imageUploadBody({ productId: product.id, alt: "" }, new Blob([await testPhoto(1100, 800, "jpeg")])),
      });
      expect(upload.status).toBe(200);
      await upload.arrayBuffer();
    }
    await shop.close();
    const liveConfig: DatabaseConfig = db.url
      ? { kind: "postgres", url: db.url }
      : { kind: "pglite", dataDir: join(live, "pglite") };
    // The embedded database is one process's: closed before the backup opens it (on PostgreSQL
    // closing would drop the test database, so that waits until the end).
    if (postgres) cleanup.push(() => db.close());
    else await db.close();

    const file = join(live, "backups", "shop.tar");
    const manifest = await backupShop({ database: liveConfig, media: localDiskStorage(join(live, "media")), file });
    expect(manifest.media.missing).toEqual([]);

    // Another machine: a new data directory (and, on PostgreSQL, a new empty database).
    const restoredDir = mkdtempSync(join(tmpdir(), "shop-restored-"));
    const empty = postgres ? await createEmptyPostgresDatabase() : null;
    if (empty) cleanup.push(empty.drop);
    const target: DatabaseConfig = empty
      ? { kind: "postgres", url: empty.url }
      : { kind: "pglite", dataDir: join(restoredDir, "pglite") };
    const report = await restoreShop({ database: target, media: localDiskStorage(join(restoredDir, "media")), file });
    expect(report.missing).toEqual([]);

    const restored = await createDatabase(target);
    cleanup.push(() => restored.close());
    const restoredShop = await startShop(restored, {
      DATA_DIR: restoredDir,
      ...(empty ? { DATABASE_URL: empty.url } : {}),
    });
    cleanup.push(restoredShop.close);
    const sample = await restored.prisma.product.findMany({
      where: { status: "ACTIVE" },
      select: { slug: true },
      orderBy: { id: "asc" }, // so the sample holds the three uploads
      take: SAMPLE,
    });
    expect(sample).toHaveLength(SAMPLE);
    const checked = new Set<string>();
    let widths = 0;
    for (const product of sample) {
      const input = encodeURIComponent(JSON.stringify({ json: { slug: product.slug } }));
      const page = Page.parse(await (await fetch(`${restoredShop.url}/trpc/catalog.get?input=${input}`)).json());
      const images = page.result.data.json.images;
      expect(images.length).toBeGreaterThan(0);
      for (const url of urlsOf(images)) {
        if (checked.has(url)) continue;
        checked.add(url);
        if (/\.w\d+\./.test(url)) widths++;
        const response = await fetch(`${restoredShop.url}${url}`);
        expect({ url, status: response.status }).toEqual({ url, status: 200 });
        expect(Number(response.headers.get("content-length"))).toBeGreaterThan(0);
        await response.arrayBuffer();
      }
    }
    // Three uploads (1100 px wide) in the sample: 320, 640 and 1024 in JPEG and WebP each.
    expect(widths).toBe(18);
    expect(checked.size).toBeGreaterThan(SAMPLE);
  }, 240_000);
});
