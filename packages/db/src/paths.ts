import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root, found by walking up to `prisma/schema.prisma`. Works from the sources
 * and from the bundled server in apps/server/dist alike.
 */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "prisma", "schema.prisma"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`prisma/schema.prisma not found above ${from}`);
    dir = parent;
  }
}

export const prismaPaths = (root = findRepoRoot()) => ({
  schema: join(root, "prisma", "schema.prisma"),
  migrations: join(root, "prisma", "migrations"),
});
