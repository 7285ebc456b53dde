import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

export type PGliteOptions = {
  /** Directory to persist to; omitted means an in-memory database. */
  dataDir?: string;
  /** A data-directory tarball (from `dumpDataDir`) to start from, e.g. a migrated test template. */
  loadDataDir?: Blob;
};

/** Opens the embedded PostgreSQL with the extensions our migrations need. */
export async function openPGlite(options: PGliteOptions = {}): Promise<PGlite> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  return PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm },
  });
}

let emptyCluster: Promise<Blob> | undefined;

/**
 * A new, empty in-memory database. initdb costs PGlite about five seconds, so the first call
 * keeps a dump of the empty cluster and later calls start from it in about one.
 */
export async function openEmptyPGlite(): Promise<PGlite> {
  emptyCluster ??= openPGlite().then(async (db) => {
    const dump = await db.dumpDataDir("none");
    await db.close();
    return dump;
  });
  return openPGlite({ loadDataDir: await emptyCluster });
}
