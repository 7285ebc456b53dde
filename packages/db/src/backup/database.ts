import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import pg from "pg";
import { z } from "zod";
import type { DatabaseConfig } from "../client.ts";
import { openPGlite } from "../pglite.ts";

/**
 * Backups of either database. PostgreSQL: `pg_dump --format=custom` (compressed, restorable
 * table by table with pg_restore). PGlite: its data-directory tarball (`dumpDataDir`), which
 * `loadDataDir` turns back into a database; the embedded database is one process, so the
 * server must be stopped while the embedded database is backed up or restored.
 */
export async function backupDatabase(
  config: DatabaseConfig,
  file: string,
  toolEnv: NodeJS.ProcessEnv = {},
): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  if (config.kind === "postgres") {
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`], config.url, toolEnv);
    return;
  }
  if (!config.dataDir || !existsSync(config.dataDir))
    throw new Error(`No embedded database in ${config.dataDir ?? "memory"}`);
  const db = await openPGlite({ dataDir: config.dataDir });
  try {
    const dump = await db.dumpDataDir("gzip");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/**
 * Restores a backup into an empty database (a new PostgreSQL database, or a new data directory).
 * It refuses a database that already has tables: restoring over live data is a decision to
 * take by hand (drop or rename the old one first), not a side effect of a script.
 */
export async function restoreDatabase(
  config: DatabaseConfig,
  file: string,
  toolEnv: NodeJS.ProcessEnv = {},
): Promise<void> {
  if (config.kind === "postgres") {
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>(
        `SELECT count(*) AS count FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
      );
      if (Number(rows[0]?.count) > 0) throw new Error("The target database is not empty; restore into a new database");
    } finally {
      await client.end();
    }
    // One transaction: a restore that fails halfway leaves the target empty, not half-filled.
    await run(
      "pg_restore",
      ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", file],
      config.url,
      toolEnv,
    );
    return;
  }
  if (!config.dataDir) throw new Error("Restoring the embedded database needs a data directory");
  if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) {
    throw new Error(`${config.dataDir} is not empty; restore into a new data directory`);
  }
  const db = await openPGlite({ dataDir: config.dataDir, loadDataDir: new Blob([await readFile(file)]) });
  await db.close();
}

/**
 * Runs a PostgreSQL client tool in `toolEnv` (the caller's environment: PATH, PGSSLMODE, …).
 * The password travels in PGPASSWORD, not on the command line, where any local user could read
 * it in the process list.
 */
function run(command: string, args: string[], url: string, toolEnv: NodeJS.ProcessEnv): Promise<void> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const env = { PATH: "/usr/local/bin:/usr/bin:/bin", ...toolEnv, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, `--dbname=${parsed.toString()}`], {
      env,
      stdio: ["ignore", "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

const ImageRows = z.array(z.object({ path: z.string(), width: z.number(), widths: z.array(z.number()).nullable() }));
const IMAGES = `SELECT "path", "width", "widths" FROM "ProductImage" ORDER BY "id"`;

/** The product images a database refers to: the files a restore of it needs. */
export async function imagesOf(config: DatabaseConfig) {
  if (config.kind === "postgres") {
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();
    try {
      return ImageRows.parse((await client.query(IMAGES)).rows);
    } finally {
      await client.end();
    }
  }
  const db = await openPGlite({ dataDir: config.dataDir });
  try {
    return ImageRows.parse((await db.query(IMAGES)).rows);
  } finally {
    await db.close();
  }
}
