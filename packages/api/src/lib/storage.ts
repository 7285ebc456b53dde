import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";

/**
 * Where uploaded images live. Local disk under the data directory by default; an object store
 * (S3, R2…) implements the same two calls. Keys are relative paths such as
 * "products/42/3f2a….png", served under the configured media base URL.
 */
export type MediaStorage = {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  delete(key: string): Promise<void>;
};

const KEY = /^[a-z0-9][a-z0-9/_.-]*$/;

export function localDiskStorage(root: string): MediaStorage {
  const base = resolve(root);
  const fileFor = (key: string) => {
    const file = resolve(join(base, key));
    // Keys are made by the server, but never let one escape the media directory.
    if (!KEY.test(key) || key.includes("..") || !file.startsWith(base + sep)) throw new Error(`Bad media key: ${key}`);
    return file;
  };
  return {
    async put(key, bytes) {
      const file = fileFor(key);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
    async delete(key) {
      await rm(fileFor(key), { force: true });
    },
  };
}
