// bench:web's image figures: the bytes of every picture a phone downloads for a page, with the
// catalog's pictures as photos uploaded before responsive widths existed ("before") and after
// `npm run media:backfill` made their widths ("after").
import { join } from "node:path";
import { createDatabase } from "@shop/db";
import { localDiskStorage } from "@shop/media";
import { testPhoto } from "@shop/media/testing";
import type { BrowserContext } from "playwright-core";
import sharp from "sharp";

/** A phone: the bench viewport at a typical phone's pixel density. */
export const phone = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625 };

/** Loads `url` in a fresh page, scrolls to the bottom (lazy images count too) and adds up image bytes. */
export async function imageBytes(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const images = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on("Network.responseReceived", (event) => {
    if (event.type === "Image") images.set(event.requestId, event.response.url);
  });
  cdp.on("Network.loadingFinished", (event) => sizes.set(event.requestId, event.encodedDataLength));
  await page.goto(url, { waitUntil: "networkidle" });
  for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(100);
  }
  await page.waitForLoadState("networkidle");
  await page.close();
  const urls = [...images.values()];
  const bytes = [...images.keys()].reduce((sum, id) => sum + (sizes.get(id) ?? 0), 0);
  return { bytes, count: urls.length, urls };
}

/**
 * Replaces the pictures at `paths` (media keys seen on the measured pages) by 1600-pixel JPEG
 * photos stored as uploads were before this shop made widths: the original and a full-size
 * WebP copy, no widths.
 * The server must be stopped (the embedded database is one process's).
 */
export async function legacyPhotos(dataDir: string, paths: readonly string[]) {
  const media = localDiskStorage(join(dataDir, "media"));
  const db = await createDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
  try {
    for (const [index, path] of paths.entries()) {
      const photo = `products/bench/photo-${index}.jpg`;
      const jpeg = await testPhoto(1600, 1600, "jpeg");
      await media.put(photo, jpeg, "image/jpeg");
      // Uploads also had a full-size WebP copy, sent to browsers that accept WebP.
      await media.put(`${photo}.webp`, await sharp(jpeg).webp({ quality: 80 }).toBuffer(), "image/webp");
      await db.prisma.productImage.updateMany({
        where: { path },
        data: { path: photo, width: 1600, height: 1600, widths: [] },
      });
    }
  } finally {
    await db.close();
  }
}
