import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** The repository this file belongs to. */
export const repoRoot = resolve(import.meta.dirname, "../..");

export type RepoCopy = { dir: string; remove: () => void };

/**
 * A throw-away copy of the working tree, for tests that change sources and run the real tools
 * (turbo, the type-checker) on them: every file git tracks or would track, the generated Prisma
 * client, and a `node_modules` whose entries link to this checkout's (nothing is installed).
 * The workspace links (`node_modules/@shop/*`) are relative, so they point into the copy.
 */
export function copyRepo(prefix = "shop-copy-"): RepoCopy {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of new Set(listed.split("\0").filter(Boolean))) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      cpSync(join(repoRoot, file), join(dir, file), { verbatimSymlinks: true });
    } catch (error) {
      // Deleted in the working tree but still in git's index: the copy mirrors the working tree.
      if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
    }
  }
  const generated = "packages/db/src/generated";
  cpSync(join(repoRoot, generated), join(dir, generated), { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  for (const entry of readdirSync(join(repoRoot, "node_modules"))) {
    if (entry === "@shop" || entry === ".bin") {
      cpSync(join(repoRoot, "node_modules", entry), join(dir, "node_modules", entry), {
        recursive: true,
        verbatimSymlinks: true,
      });
    } else {
      symlinkSync(join(repoRoot, "node_modules", entry), join(dir, "node_modules", entry));
    }
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
