import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type MigrationFile = { name: string; script: string; checksum: string };

/** `prisma/migrations/<timestamp>_<name>/migration.sql`, in the order Prisma applies them. */
export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const script = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, script, checksum: checksum(script) };
    });
}

/** Prisma's checksum: SHA-256 of the script, hex. */
export function checksum(script: string): string {
  return createHash("sha256").update(script).digest("hex");
}

/** Like Prisma, accept a checksum taken with the other line-ending convention (git autocrlf). */
export function matchesChecksum(script: string, recorded: string): boolean {
  return [script, script.replaceAll("\r\n", "\n"), script.replaceAll(/(?<!\r)\n/g, "\r\n")].some(
    (variant) => checksum(variant) === recorded,
  );
}
