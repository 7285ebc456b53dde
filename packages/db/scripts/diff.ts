// npm run db:diff -- <name>: writes the next migration from schema.prisma, offline.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { diffMigrationsToSchema } from "../src/migrate/diff.ts";
import { prismaPaths } from "../src/paths.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:diff -- <name>   (lower-case letters, digits and underscores)");
  process.exit(1);
}

const paths = prismaPaths();
const script = await diffMigrationsToSchema(paths);
if (script === "") {
  console.log("schema.prisma and the migrations agree: nothing to write.");
} else {
  const stamp = new Date().toISOString().replaceAll(/[-:T]/g, "").slice(0, 14);
  const dir = join(paths.migrations, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), script);
  console.log(`Wrote ${relative(process.cwd(), join(dir, "migration.sql"))}. Review it before committing.`);
}
