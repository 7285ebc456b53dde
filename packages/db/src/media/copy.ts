import { buffer } from "node:stream/consumers";
import { contentTypeOf, expectedKeys, type MediaStorage } from "@shop/media";
import type { DatabaseConfig } from "../client.ts";
import { imagesOf } from "../backup/database.ts";

/**
 * Copies every file from one media storage to another (local directory → bucket), skipping the
 * files the target already has with the same size: run it again after a partial copy, or after
 * images were uploaded meanwhile, and it copies only what is new.
 */
export async function copyMedia(from: MediaStorage, to: MediaStorage, log: (message: string) => void = () => {}) {
  const present = new Map<string, number>();
  for await (const object of to.list()) present.set(object.key, object.size);
  let copied = 0;
  let skipped = 0;
  for await (const object of from.list()) {
    if (present.get(object.key) === object.size) {
      skipped++;
      continue;
    }
    const found = await from.get(object.key);
    if (!found) continue; // deleted since it was listed
    await to.put(object.key, await buffer(found.body), contentTypeOf(object.key) ?? "application/octet-stream");
    copied++;
    if (copied % 500 === 0) log(`  ${copied} files copied`);
  }
  return { copied, skipped };
}

/** The files the database's images need that `storage` does not have. */
export async function missingMedia(database: DatabaseConfig, storage: MediaStorage): Promise<string[]> {
  const present = new Set<string>();
  for await (const object of storage.list()) present.add(object.key);
  // Each key once: image rows may share a file (the seed's pictures).
  const needed = new Set(
    (await imagesOf(database)).flatMap((image) =>
      expectedKeys({ path: image.path, width: image.width, widths: image.widths ?? [] }),
    ),
  );
  return [...needed].filter((key) => !present.has(key));
}
