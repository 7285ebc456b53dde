import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { isMediaKey, type MediaStorage } from "./storage.ts";

/** Images in a directory on this machine (`$DATA_DIR/media`): the default, for one instance. */
export function localDiskStorage(root: string): MediaStorage {
  const base = resolve(root);
  const fileFor = (key: string) => {
    const file = resolve(join(base, key));
    // Keys are made by the server, but never let one escape the media directory.
    if (!isMediaKey(key) || !file.startsWith(base + sep)) throw new Error(`Bad media key: ${key}`);
    return file;
  };
  async function* walk(dir: string): AsyncGenerator<{ key: string; size: number }> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) yield* walk(path);
      else if (entry.isFile()) {
        const key = relative(base, path).split(sep).join("/");
        if (isMediaKey(key)) yield { key, size: (await stat(path)).size };
      }
    }
  }
  return {
    kind: "local",
    location: base,
    async put(key, bytes) {
      const file = fileFor(key);
      await mkdir(dirname(file), { recursive: true });
      // Write then rename: a reader never sees half a file.
      const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    },
    async get(key) {
      if (!isMediaKey(key)) return null;
      const file = fileFor(key);
      const found = await stat(file).catch(() => null);
      if (!found?.isFile()) return null;
      return { body: createReadStream(file), size: found.size, lastModified: found.mtime };
    },
    async delete(keys) {
      await Promise.all(keys.map((key) => rm(fileFor(key), { force: true })));
    },
    async *list(prefix = "") {
      for await (const entry of walk(base)) if (entry.key.startsWith(prefix)) yield entry;
    },
  };
}
