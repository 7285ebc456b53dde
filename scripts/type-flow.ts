// The type-flow check: in a temporary copy of the repo, rename a schema field (and so its
// column), regenerate the Prisma client and the Kysely table types, type-check both apps, and
// report which files fail. Only generation and type-checking run; no database is touched.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

export const root = join(import.meta.dirname, "..");

export type Rename = { model: string; field: string };

/** Runs a command; resolves with its exit code and output (never rejects on a non-zero exit). */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * The schema with `model.field` renamed to `<field>Renamed`: its declaration and the model's
 * own `@@index`/`@@unique` lists, as a rename without `@map` (column and field together).
 */
export function renameField(schema: string, { model, field }: Rename): string {
  const lines = schema.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`model ${model} {`));
  if (start < 0) throw new Error(`no model ${model}`);
  let declared = false;
  for (let i = start + 1; i < lines.length && lines[i] !== "}"; i++) {
    const line = lines[i] ?? "";
    const word = new RegExp(`\\b${field}\\b`, "g");
    if (new RegExp(`^\\s+${field}\\s`).test(line)) {
      lines[i] = line.replace(word, `${field}Renamed`);
      declared = true;
    } else if (/^\s+@@/.test(line)) {
      // Only inside the field lists, never in a quoted index name.
      lines[i] = line.replace(/\[[^\]"]*\]|\[[^"]*?\(/g, (list) => list.replace(word, `${field}Renamed`));
    }
  }
  if (!declared) throw new Error(`no field ${model}.${field}`);
  return lines.join("\n");
}

/**
 * A copy of the repo's tracked files beside symlinks to the installed packages; the workspace
 * packages (`node_modules/@shop/*`) point into the copy, so the copy's sources are checked.
 */
export function copyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "shop-type-flow-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file && /^(apps|packages|prisma)\//.test(file) && !file.startsWith("prisma/migrations/"));
  for (const file of [...files, "prisma.config.ts", "package.json"]) {
    try {
      cpSync(join(root, file), join(dir, file));
    } catch (error) {
      // A file deleted in the work tree but still in the index.
      if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
    }
  }
  mkdirSync(join(dir, "node_modules"));
  for (const entry of readdirSync(join(root, "node_modules"))) {
    if (entry === "@shop") continue;
    symlinkSync(join(root, "node_modules", entry), join(dir, "node_modules", entry));
  }
  mkdirSync(join(dir, "node_modules/@shop"));
  for (const parent of ["apps", "packages"]) {
    for (const name of readdirSync(join(dir, parent))) {
      symlinkSync(join(dir, parent, name), join(dir, "node_modules/@shop", name));
    }
  }
  // Both apps in one program: the API they share is checked once.
  writeFileSync(
    join(dir, "tsconfig.apps.json"),
    JSON.stringify({
      extends: "./packages/config/tsconfig/react.json",
      include: ["apps/storefront/src", "apps/admin/src"],
    }),
  );
  return dir;
}

export type FlowResult = {
  rename: Rename;
  generated: boolean;
  /** Every file with a type error, relative to the copy's root. */
  files: string[];
  output: string;
};

/** Renames the field in a copy, regenerates, type-checks both apps; removes the copy. */
export async function checkRename(rename: Rename): Promise<FlowResult> {
  const dir = copyRepo();
  try {
    const schemaPath = join(dir, "prisma/schema.prisma");
    writeFileSync(schemaPath, renameField(readFileSync(schemaPath, "utf8"), rename));
    const generate = await run(process.execPath, [join(root, "scripts/prisma-generate.mjs")], dir);
    if (generate.code !== 0) return { rename, generated: false, files: [], output: generate.output };
    const tsc = await run(
      process.execPath,
      [join(root, "packages/config/bin/tsc.mjs"), "-p", "tsconfig.apps.json", "--pretty", "false"],
      dir,
    );
    const files = new Set<string>();
    for (const match of tsc.output.matchAll(/^(.+?)\(\d+,\d+\): error TS/gm)) {
      files.add(relative(dir, join(dir, match[1] ?? "")));
    }
    return { rename, generated: true, files: [...files].sort(), output: tsc.output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts `task` for every item, at most `limit` at a time; one promise per item. */
export function pooled<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R>[] {
  let running = 0;
  const waiting: Array<() => void> = [];
  return items.map(async (item) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task(item);
    } finally {
      running--;
      waiting.shift()?.();
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [model, field] = (process.argv[2] ?? "Product.name").split(".");
  const result = await checkRename({ model: model ?? "", field: field ?? "" });
  console.log(result.generated ? result.files.join("\n") : result.output);
}
