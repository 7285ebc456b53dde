import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { pipeline } from "node:stream/promises";
import { contentTypeOf, expectedKeys, type MediaStorage } from "@shop/media";
import tar from "tar-stream";
import { z } from "zod";
import type { DatabaseConfig } from "../client.ts";
import { backupDatabase, imagesOf, restoreDatabase } from "./database.ts";

const Manifest = z.object({
  format: z.literal("shop-backup"),
  version: z.literal(1),
  createdAt: z.string(),
  database: z.enum(["postgres", "pglite"]),
  media: z.object({
    storage: z.enum(["local", "s3"]),
    /** The directory, or `s3://bucket at endpoint`, the images were in. */
    location: z.string(),
    /** Whether the image files are in the archive (local storage) or only listed (a bucket). */
    included: z.boolean(),
    /** Every file the database's images need. */
    keys: z.array(z.string()),
    /** Of those, the ones the storage did not have when the backup was taken. */
    missing: z.array(z.string()),
  }),
});
export type BackupManifest = z.infer<typeof Manifest>;

const databaseEntry = (config: DatabaseConfig) => (config.kind === "postgres" ? "database.dump" : "database.tar.gz");

/**
 * One file that holds everything a restore needs: a tar of `manifest.json`, the database
 * (`pg_dump` custom format, or the embedded database's data-directory dump) and, with local
 * storage, every image under `media/`. With a bucket the images stay there (protect it with
 * versioning or replication) and the manifest records the bucket and each key the database
 * needs, so a restore can say what is missing. Written to a temporary name and renamed when
 * complete: a file at `file` is never half a backup.
 */
export async function backupShop(options: {
  database: DatabaseConfig;
  media: MediaStorage;
  file: string;
  toolEnv?: NodeJS.ProcessEnv;
}): Promise<BackupManifest> {
  await mkdir(dirname(options.file), { recursive: true });
  const staging = await mkdtemp(join(dirname(options.file), `.${basename(options.file)}-`));
  try {
    const dump = join(staging, databaseEntry(options.database));
    // The database first: files uploaded meanwhile are extra, not missing.
    await backupDatabase(options.database, dump, options.toolEnv);
    // Each key once: image rows may share a file (the seed's pictures).
    const keys = [
      ...new Set(
        (await imagesOf(options.database)).flatMap((image) =>
          expectedKeys({ path: image.path, width: image.width, widths: image.widths ?? [] }),
        ),
      ),
    ];
    const stored = new Map<string, number>();
    for await (const object of options.media.list()) stored.set(object.key, object.size);
    const included = options.media.kind === "local";
    const manifest: BackupManifest = {
      format: "shop-backup",
      version: 1,
      createdAt: new Date().toISOString(),
      database: options.database.kind,
      media: {
        storage: options.media.kind,
        location: options.media.location,
        included,
        keys,
        missing: keys.filter((key) => !stored.has(key)),
      },
    };
    const pack = tar.pack();
    const written = pipeline(pack, createWriteStream(join(staging, "archive.tar")));
    const add = (name: string, size: number, body: Readable | Buffer) =>
      new Promise<void>((resolve, reject) => {
        const sink = pack.entry({ name, size }, (error) => (error ? reject(error) : resolve()));
        if (Buffer.isBuffer(body)) sink.end(body);
        else pipeline(body, sink).catch(reject);
      });
    const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await add("manifest.json", json.byteLength, json);
    await add(basename(dump), (await stat(dump)).size, createReadStream(dump));
    if (included) {
      for (const key of stored.keys()) {
        const object = await options.media.get(key);
        if (object) await add(`media/${key}`, object.size, object.body);
      }
    }
    pack.finalize();
    await written;
    await rename(join(staging, "archive.tar"), options.file);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export type RestoreReport = {
  manifest: BackupManifest | null;
  /** Image files written into the media storage. */
  restoredFiles: number;
  /** Files the restored database needs that the media storage does not have. */
  missing: string[];
};

/**
 * Restores a backup into an empty database and, when the archive holds the images, an empty
 * media storage (both are checked first: restoring over live data is a decision to take by
 * hand). With a bucket, it checks that every file the database needs is in it. A plain dump
 * from before backups held images (`.dump`, `.tar.gz`) restores the database alone.
 */
export async function restoreShop(options: {
  database: DatabaseConfig;
  media: MediaStorage;
  file: string;
  toolEnv?: NodeJS.ProcessEnv;
}): Promise<RestoreReport> {
  if (!(await isTar(options.file))) {
    await restoreDatabase(options.database, options.file, options.toolEnv);
    return { manifest: null, restoredFiles: 0, missing: [] };
  }
  const staging = await mkdtemp(join(dirname(options.file), `.restore-${basename(options.file)}-`));
  try {
    const extract = tar.extract();
    const reading = pipeline(createReadStream(options.file), extract);
    // Awaited below when every entry was read; a refusal part-way abandons the rest of the file.
    reading.catch(() => undefined);
    let manifest: BackupManifest | null = null;
    let restoredFiles = 0;
    for await (const entry of extract) {
      const name = entry.header.name;
      if (name === "manifest.json") {
        manifest = Manifest.parse(JSON.parse((await buffer(entry)).toString("utf8")));
        if (manifest.database !== options.database.kind)
          throw new Error(`This backup is of a ${manifest.database} database; the target is ${options.database.kind}`);
        if (manifest.media.included && (await isNotEmpty(options.media)))
          throw new Error(`${options.media.location} is not empty; restore the images into an empty one`);
      } else if (name === "database.dump" || name === "database.tar.gz") {
        if (!manifest) throw new Error("The archive does not start with its manifest");
        const dump = join(staging, name);
        await pipeline(entry, createWriteStream(dump));
        await restoreDatabase(options.database, dump, options.toolEnv);
      } else if (name.startsWith("media/") && manifest) {
        const key = name.slice("media/".length);
        await options.media.put(key, await buffer(entry), contentTypeOf(key) ?? "application/octet-stream");
        restoredFiles++;
      } else {
        entry.resume();
      }
    }
    await reading;
    if (!manifest) throw new Error("Not a shop backup: no manifest.json");
    const present = new Set<string>();
    for await (const object of options.media.list()) present.add(object.key);
    return { manifest, restoredFiles, missing: manifest.media.keys.filter((key) => !present.has(key)) };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function isTar(file: string): Promise<boolean> {
  const handle = await open(file);
  try {
    const { buffer: header } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    return header.subarray(257, 262).toString("latin1") === "ustar";
  } finally {
    await handle.close();
  }
}

async function isNotEmpty(storage: MediaStorage): Promise<boolean> {
  for await (const _ of storage.list()) return true;
  return false;
}
