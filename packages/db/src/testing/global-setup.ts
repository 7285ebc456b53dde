import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "../migrate/index.ts";
import { readMigrations } from "../migrate/migrations.ts";
import { prismaPaths } from "../paths.ts";
import { openPGlite } from "../pglite.ts";
import { pgliteRunner, pgPoolRunner } from "../sql.ts";
import type { TestDatabaseTarget } from "./database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseTarget;
  }
}

/**
 * Prepares one migrated template per run; every test file then gets a fresh copy of it.
 * PGlite: a data-directory dump (cached across runs by the migrations' checksum).
 * PostgreSQL (TEST_DATABASE_URL): a template database that CREATE DATABASE … TEMPLATE copies.
 */
export default async function setup(project: TestProject) {
  const kind = project.config.env?.TEST_DB === "postgres" ? "postgres" : "pglite";
  const migrationsDir = prismaPaths().migrations;
  if (kind === "pglite") {
    project.provide("testDatabase", { kind, templatePath: await pgliteTemplate(migrationsDir) });
    return;
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is required for the PostgreSQL test project");
  const template = `shop_test_template_${process.pid}`;
  await withAdmin(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${template}"`);
  });
  const pool = new pg.Pool({ connectionString: databaseUrl(adminUrl, template), max: 1 });
  try {
    await migrate(pgPoolRunner(pool), migrationsDir);
  } finally {
    await pool.end();
  }
  project.provide("testDatabase", { kind, adminUrl, template });
  return async () => {
    await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
  };
}

async function pgliteTemplate(migrationsDir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const migration of readMigrations(migrationsDir)) hash.update(migration.name).update(migration.checksum);
  const path = join(tmpdir(), `shop-pglite-template-${hash.digest("hex").slice(0, 16)}.tar`);
  if (existsSync(path) && readFileSync(path).length > 0) return path;
  const db = await openPGlite();
  try {
    await migrate(pgliteRunner(db), migrationsDir);
    const dump = await db.dumpDataDir("none");
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  } finally {
    await db.close();
  }
  return path;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
