import { readFileSync } from "node:fs";
import { relative } from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openEmptyPGlite } from "../pglite.ts";
import { readMigrations } from "./migrations.ts";
import { loadSchemaEngine } from "./schema-engine.ts";

/**
 * The SQL that takes a database from the state the migrations produce to the state
 * `schema.prisma` describes, computed offline by Prisma's own schema engine (WebAssembly)
 * with PGlite as the shadow database. Empty when they agree.
 */
export async function diffMigrationsToSchema(paths: { schema: string; migrations: string }): Promise<string> {
  const schema = { path: relative(process.cwd(), paths.schema), content: readFileSync(paths.schema, "utf8") };
  const SchemaEngine = await loadSchemaEngine();
  const shadow = shadowDatabases();
  const engine = await SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(shadow.factory),
  );
  try {
    const result = await engine.diff({
      from: {
        tag: "migrations",
        baseDir: paths.migrations,
        lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
        shadowDbInitScript: "",
        migrationDirectories: readMigrations(paths.migrations).map((migration) => ({
          path: migration.name,
          migrationFile: { path: "migration.sql", content: { tag: "ok", value: migration.script } },
        })),
      },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return normalise(result.stdout ?? "");
  } finally {
    engine.free();
    await shadow.close();
  }
}

/** A fresh in-memory PGlite (with our extensions) for every connection the engine asks for. */
function shadowDatabases() {
  const opened: PGlite[] = [];
  const connect = async () => {
    const pglite = await openEmptyPGlite();
    opened.push(pglite);
    const adapter = await new PrismaPGlite(pglite).connect();
    // The adapter's executeScript does not await PGlite, so errors would escape; the engine needs them.
    return Object.assign(adapter, {
      async executeScript(script: string) {
        await pglite.exec(script);
      },
    });
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "pglite-shadow",
    connect,
    connectToShadowDb: connect,
  };
  return { factory, close: () => Promise.all(opened.map((db) => db.close())).then(() => undefined) };
}

function normalise(script: string): string {
  const trimmed = script.trim();
  return trimmed === "" || trimmed === "-- This is an empty migration." ? "" : `${trimmed}\n`;
}
