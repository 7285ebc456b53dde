import { buffer } from "node:stream/consumers";
import { ImageRefused, prepareUpload, storeImage, type MediaStorage } from "@shop/media";
import { z } from "zod";
import type { SqlRunner } from "../sql.ts";

const Pending = z.array(z.object({ id: z.number(), path: z.string() }));

/**
 * `npm run media:backfill`: makes the responsive widths of images stored before they existed
 * (uploads whose row lists no widths; SVGs need none). Each original is read back, re-encoded
 * without its metadata (so EXIF written before uploads were stripped goes too) and stored again
 * under its own key with every width beside it; then the row gets its widths. Safe to stop and
 * run again: it picks up the images still without widths.
 */
export async function backfillImages(
  sql: SqlRunner,
  storage: MediaStorage,
  log: (message: string) => void = () => {},
): Promise<{ done: number; skipped: Array<{ id: number; path: string; reason: string }> }> {
  const pending = Pending.parse(
    await sql.query(
      `SELECT "id", "path" FROM "ProductImage"
        WHERE cardinality(coalesce("widths", '{}')) = 0 AND lower("path") NOT LIKE '%.svg' ORDER BY "id"`,
    ),
  );
  const skipped: Array<{ id: number; path: string; reason: string }> = [];
  let done = 0;
  for (const image of pending) {
    const found = await storage.get(image.path);
    if (!found) {
      skipped.push({ ...image, reason: "the file is not in the media storage" });
      continue;
    }
    try {
      const prepared = await prepareUpload(await buffer(found.body));
      const stem = image.path.slice(0, image.path.lastIndexOf("."));
      if (`${stem}.${prepared.extension}` !== image.path) {
        skipped.push({ ...image, reason: `its content is ${prepared.extension}, not what its name says` });
        continue;
      }
      const stored = await storeImage(storage, stem, prepared);
      // Only if nobody changed the row meanwhile (another backfill, a removal).
      await sql.query(
        `UPDATE "ProductImage" SET "width" = $2, "height" = $3, "widths" = $4::int[]
          WHERE "id" = $1 AND "path" = $5 AND cardinality(coalesce("widths", '{}')) = 0`,
        [image.id, stored.width, stored.height, stored.widths, image.path],
      );
      done++;
      if (done % 100 === 0) log(`  ${done} of ${pending.length} images`);
    } catch (error) {
      if (!(error instanceof ImageRefused)) throw error;
      skipped.push({ ...image, reason: error.message });
    }
  }
  return { done, skipped };
}
